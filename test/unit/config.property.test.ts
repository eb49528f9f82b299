/**
 * Property-based tests (fast-check) of the config loader (issue 7, point 1): on arbitrary text, JSON-ish
 * token soup, arbitrary JSON values in every field, and nested JSON, `loadConfig` never throws, and every
 * problem it returns is a config problem at a valid position of the config text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createConfigLoader } from '../../src/core/config/loadConfig';
import { PROBLEM_CODES, type Problem } from '../../src/core/model';
import { createRegionCatalog } from '../../src/core/vocabulary/regionCatalog';
import { jsonLineStarts, locationError } from '../support/corpus';
import { anyText, checkProperty } from '../support/property';

const FILE = '/w/residency.config.json';
const RUNS = { numRuns: 200 };
const load = createConfigLoader(createRegionCatalog());
const CONFIG_CODES: ReadonlySet<string> = new Set([PROBLEM_CODES.configSyntax, PROBLEM_CODES.configSchema, PROBLEM_CODES.configReference]);

function assertValidProblems(text: string, problems: readonly Problem[]): void {
  const starts = jsonLineStarts(text);
  for (const p of problems) {
    assert.equal(p.kind, 'config');
    assert.ok(CONFIG_CODES.has(p.code), `unexpected code ${p.code}`);
    assert.equal(p.severity, 'error');
    assert.equal(p.location.file, FILE);
    assert.ok(p.message.length > 0);
    if (p.suggestion !== undefined) assert.ok(p.suggestion.length > 0, `an empty suggestion: ${p.message}`);
    const error = locationError(p.location, text, starts);
    assert.equal(error, undefined, `problem "${p.message}" has an invalid location ${error} in ${JSON.stringify(text).slice(0, 400)}`);
  }
}

/** Loads `text`; it must not throw, and its problems must be located. Returns the problems. */
function check(text: string): Problem[] {
  const { config, problems } = load(text, FILE);
  assertValidProblems(text, problems);
  assert.ok(config.parties.has('self'), 'party self is always there');
  return problems;
}

// ---------------------------------------------------------------- generators

const KEYS = ['$schema', 'pack', 'parties', 'bases', 'assessments', 'disclosure', 'countries', 'regions', 'rules', 'include', 'exclude',
  'intelligenceCooperation', 'name', 'access', 'country', 'basis', 'type', 'ref', 'systemInfo', 'recipientMeasures', 'partys', 'acess'];
const STRINGS = ['jp', 'JP', 'KR', 'kr', 'XX', 'CN', 'contractor-overseas', 'contractor-oversea', 'consent', 'consnt', 'error', 'warning',
  'off', 'wrning', 'aws:ap-northeast-2', 'aws:nowhere', 'src/**', '', ' ', 'JPR001', 'JPR999', 'self', 'a,b', 'a b', '日本', '😀'];

const jsonToken = fc.oneof(
  fc.constantFrom('{', '}', '[', ']', ':', ',', ' ', '\n', '\r\n', '\r', '\t', 'true', 'false', 'null', '0', '-1', '1e999', '-', '.5', '01',
    '//', '/*', '*/', '// c\n', '/* c */', '"', '\\', '"\\u00"', '"\\x"', "'a'", 'NaN', 'Infinity', '\u2028', '\ufeff', '\0'),
  fc.constantFrom(...KEYS).map((k) => JSON.stringify(k)),
  fc.constantFrom(...STRINGS).map((s) => JSON.stringify(s)),
);

/** Text made of JSON tokens in random order: mostly broken JSON with comments. */
const jsonSoup = fc.array(jsonToken, { maxLength: 60 }).map((t) => t.join(''));

const anyJson = fc.jsonValue({ maxDepth: 4 });
const someString = fc.oneof(fc.constantFrom(...STRINGS), fc.string({ maxLength: 8 }));
const value = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> => fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: anyJson });
const optional = (arb: fc.Arbitrary<unknown>) => fc.option(arb, { nil: undefined });
const idOf = fc.oneof(fc.constantFrom('self', 'line-plus', 'dalian-ops', 'a b', 'a,b', '', 'consent-kr'), fc.string({ maxLength: 6 }));

const party = value(fc.record({
  name: optional(value(someString)),
  access: optional(value(fc.constantFrom('internal-jp', 'contractor-overseas', 'group-company-overseas', 'contractor-oversea', 'Internal-JP'))),
  country: optional(value(fc.constantFrom('KR', 'CN', 'JP', 'kr', 'XX', 'KOR'))),
  basis: optional(value(fc.constantFrom('consent-kr', 'consent-k', 'nothing'))),
  extra: optional(anyJson),
}, { requiredKeys: [] }));

const basis = value(fc.record({
  type: optional(value(fc.constantFrom('consent', 'equivalent-country', 'conforming-system', 'law', 'consnt'))),
  countries: optional(value(fc.array(value(fc.constantFrom('KR', 'DE', 'kr', 'XX')), { maxLength: 3 }))),
  ref: optional(value(someString)),
  systemInfo: optional(value(someString)),
  recipientMeasures: optional(value(someString)),
}, { requiredKeys: [] }));

/** Objects shaped like a config, with valid and wrong values anywhere. */
const configLike = fc.record({
  $schema: optional(value(someString)),
  pack: optional(value(fc.constantFrom('jp', 'jpn', 'us'))),
  parties: optional(value(fc.dictionary(idOf, party, { maxKeys: 3 }))),
  bases: optional(value(fc.dictionary(idOf, basis, { maxKeys: 3 }))),
  assessments: optional(value(fc.dictionary(fc.constantFrom('KR', 'kr', 'XX', 'Korea'), someString, { maxKeys: 3 }))),
  disclosure: optional(value(fc.record({ countries: value(fc.array(value(fc.constantFrom('JP', 'KR', 'jp', 'XX')), { maxLength: 3 })) }))),
  regions: optional(value(fc.dictionary(fc.string({ maxLength: 6 }), value(fc.constantFrom('aws:ap-northeast-2', 'KR', 'ap-northeast-2', 'aws:nowhere', 'media-store')), { maxKeys: 3 }))),
  rules: optional(value(fc.dictionary(fc.constantFrom('JPR001', 'JPR005', 'JPR999', 'jpr001', 'RG001'), value(fc.constantFrom('error', 'warning', 'info', 'off', 'wrning')), { maxKeys: 3 }))),
  include: optional(value(fc.array(value(someString), { maxLength: 3 }))),
  exclude: optional(value(fc.array(value(someString), { maxLength: 3 }))),
  intelligenceCooperation: optional(value(fc.array(value(fc.constantFrom('CN', 'RU', 'cn', 'XX')), { maxLength: 3 }))),
  partys: optional(anyJson),
}, { requiredKeys: [] });

/** JSON text of a value, with random indentation, and sometimes a comment and a trailing comma inserted. */
function render(v: unknown, indent: number): string {
  return JSON.stringify(v, null, indent) ?? 'undefined';
}

// ---------------------------------------------------------------- properties

test('loadConfig: arbitrary text (any code units) never throws; every problem is located', () => {
  checkProperty(fc.property(anyText(300), (text) => {
    check(text);
  }), RUNS);
});

test('loadConfig: JSON-ish token soup (broken JSON, comments, odd literals) never throws; every problem is located', () => {
  checkProperty(fc.property(jsonSoup, fc.boolean(), (soup, wrap) => {
    check(wrap ? `{${soup}}` : soup);
  }), RUNS);
});

test('loadConfig: arbitrary JSON values never throw; a non-object is one located problem', () => {
  checkProperty(fc.property(anyJson, fc.integer({ min: 0, max: 4 }), (v, indent) => {
    const problems = check(render(v, indent));
    const isObject = typeof v === 'object' && v !== null && !Array.isArray(v);
    if (!isObject) assert.equal(problems.length, 1, `expected one problem for ${render(v, 0)}`);
  }), RUNS);
});

test('loadConfig: config-shaped objects with wrong types, unknown keys and unknown classes never throw; every problem is located', () => {
  const decorated = fc.tuple(configLike, fc.integer({ min: 0, max: 4 }), fc.boolean(), fc.boolean()).map(([v, indent, comment, crlf]) => {
    let text = render(v, indent);
    if (comment) text = `// residency config\n${text.replace('{', '{ /* c */')}`;
    if (crlf) text = text.replace(/\n/g, '\r\n');
    return text;
  });
  checkProperty(fc.property(decorated, (text) => {
    const problems = check(text);
    for (const p of problems) {
      if (p.suggestion !== undefined) assert.ok(p.message.includes(p.suggestion), `the suggestion "${p.suggestion}" is not in the message "${p.message}"`);
    }
  }), RUNS);
});

test('loadConfig: a config-shaped object cut off anywhere never throws; every problem is located', () => {
  const cut = configLike.chain((v) => {
    const text = render(v, 2);
    return fc.nat({ max: text.length }).map((at) => text.slice(0, at));
  });
  checkProperty(fc.property(cut, (text) => {
    check(text);
  }), RUNS);
});

/** `[[[…]]]`, `{"a":{"a":…}}`, mixed, under a known key or at the root, closed or not. */
function nested(depth: number, shape: 'array' | 'object' | 'mixed', closed: boolean): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    const array = shape === 'array' || (shape === 'mixed' && i % 2 === 0);
    open += array ? '[' : '{"a":';
    close = (array ? ']' : '}') + close;
  }
  const inner = `${open}1${closed ? close : ''}`;
  return inner;
}

test('loadConfig: nested JSON (up to 2000 levels) under every key and at the root never throws; every problem is located', () => {
  const arb = fc.record({
    depth: fc.integer({ min: 1, max: 2000 }),
    shape: fc.constantFrom<'array' | 'object' | 'mixed'>('array', 'object', 'mixed'),
    closed: fc.boolean(),
    key: fc.constantFrom('', 'parties', 'bases', 'include', 'rules', 'disclosure', 'unknown'),
  });
  checkProperty(fc.property(arb, ({ depth, shape, closed, key }) => {
    const inner = nested(depth, shape, closed);
    const text = key === '' ? inner : `{"${key}": ${inner}${closed ? '}' : ''}`;
    const problems = check(text);
    assert.ok(problems.length > 0, 'a nested value where none belongs is a problem');
  }), { numRuns: 40 });
});
