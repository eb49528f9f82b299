/**
 * Tests of reading residency.config.json (SPEC §4): defaults, JSON with comments, syntax, schema and
 * reference errors at their exact positions, keeping the valid parts, and the shipped schema's vocabulary.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createConfigLoader, defaultConfig, loadConfig } from '../../src/core/config/loadConfig';
import type { Problem } from '../../src/core/model';
import { ACCESS_CLASSES, BASIS_TYPES } from '../../src/core/vocabulary/jpPack';
import { createRegionCatalog } from '../../src/core/vocabulary/regionCatalog';
import { RULE_IDS } from '../../src/core/rules/ruleIds';
import schema from '../../schemas/residency.config.schema.json';

const FILE = '/work/ws/residency.config.json';
const regions = createRegionCatalog();
const load = createConfigLoader(regions);

/** `line:column-endLine:endColumn code message` — compact and exact. */
function show(p: Problem): string {
  const l = p.location;
  return `${l.line}:${l.column}-${l.endLine}:${l.endColumn} ${p.code} ${p.message}`;
}

function lines(...text: string[]): string {
  return text.join('\n');
}

test('the validator compiled at build time is the one the shipped schema compiles to', () => {
  const script = path.join(__dirname, '..', '..', '..', 'scripts', 'config-validator.mjs');
  const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('no config file: the jp pack with party self only, no problems', () => {
  const { config, problems } = loadConfig(undefined, undefined, regions);
  assert.deepEqual(problems, []);
  assert.deepEqual(config, {
    file: undefined,
    pack: 'jp',
    parties: new Map([['self', { id: 'self', name: 'Own systems in Japan', access: 'internal-jp', country: 'JP' }]]),
    bases: new Map(),
    assessments: {},
    disclosureCountries: undefined,
    regions: {},
    rules: {},
    include: undefined,
    exclude: undefined,
    intelligenceCooperation: ['CN'],
    packages: [],
    env: {},
    envFiles: [],
    iac: undefined,
  });
  assert.deepEqual(defaultConfig(undefined), config);
});

test('comments and trailing commas are allowed', () => {
  const text = lines(
    '// Residency Guard settings',
    '{',
    '  /* who reads what */',
    '  "parties": {',
    '    "line-plus": { "name": "LINE Plus", "access": "group-company-overseas", "country": "KR", },',
    '  },',
    '  "disclosure": { "countries": ["JP", "KR",] }, // named in the privacy policy',
    '}',
  );
  const { config, problems } = load(text, FILE);
  assert.deepEqual(problems.map(show), []);
  assert.equal(config.file, FILE);
  assert.deepEqual([...config.parties.keys()], ['self', 'line-plus']);
  assert.deepEqual(config.disclosureCountries, ['JP', 'KR']);
});

test('a syntax error is reported at its exact line and column', () => {
  const text = lines(
    '{',
    '  "pack": "jp"',
    '  "rules": { "JPR010": "off" }',
    '}',
  );
  const { config, problems } = load(text, FILE);
  assert.deepEqual(problems.map(show), ['3:3-3:10 RG007 residency.config.json: Expected comma']);
  assert.equal(problems[0].location.file, FILE);
  assert.equal(problems[0].kind, 'config');
  assert.equal(problems[0].severity, 'error');
  // the parser recovers, so the editor goes on with what it could read
  assert.deepEqual(config.rules, { JPR010: 'off' });
});

test('an unterminated file and an empty file are syntax errors', () => {
  assert.deepEqual(load('{ "parties": {', FILE).problems.map(show), ['1:15-1:15 RG007 residency.config.json: Expected close brace']);
  assert.deepEqual(load('', FILE).problems.map(show), ['1:1-1:1 RG007 residency.config.json: Expected value']);
});

test('a root that is not an object is an error and the defaults apply', () => {
  const { config, problems } = load('\n  ["jp"]\n', FILE);
  assert.deepEqual(problems.map(show), ['2:3-2:9 RG008 residency.config.json must contain a JSON object, not an array']);
  assert.deepEqual([...config.parties.keys()], ['self']);
  assert.equal(config.file, FILE);
});

test('an unknown key is reported at the key with a suggestion', () => {
  const text = lines(
    '{',
    '  "partys": {},',
    '  "parties": {',
    '    "ops": { "name": "Ops", "acess": "contractor-overseas", "access": "contractor-overseas", "country": "CN" }',
    '  }',
    '}',
  );
  const { config, problems } = load(text, FILE);
  assert.deepEqual(problems.map(show), [
    '2:3-2:11 RG008 Unknown key "partys" in residency.config.json; did you mean "parties"?',
    '4:29-4:36 RG008 Unknown key "acess" in party "ops"; did you mean "access"?',
  ]);
  assert.equal(problems[0].suggestion, 'parties');
  assert.equal(problems[1].suggestion, 'access');
  // an unknown key is ignored; the party is otherwise complete and kept
  assert.equal(config.parties.get('ops')?.access, 'contractor-overseas');
});

test('an unknown rule id is an unknown key of "rules"', () => {
  const { config, problems } = load('{ "rules": { "JPR013": "off", "JPR005": "info" } }', FILE);
  assert.deepEqual(problems.map(show), ['1:14-1:22 RG008 Unknown key "JPR013" in "rules"; did you mean "JPR003"?']);
  assert.deepEqual(config.rules, { JPR005: 'info' });
});

test('a wrong type names the expected type', () => {
  const text = lines(
    '{',
    '  "include": "src/**",',
    '  "parties": { "a": { "name": 42, "access": "government", "country": "JP" } }',
    '}',
  );
  const { config, problems } = load(text, FILE);
  assert.deepEqual(problems.map(show), [
    '2:14-2:22 RG008 Wrong type for "include": expected an array, found a string',
    '3:31-3:33 RG008 Wrong type for "parties.a.name": expected a string, found a number',
  ]);
  assert.equal(config.include, undefined);
  assert.equal(config.parties.has('a'), false);
});

test('an unknown access class is reported at the value with a suggestion, and the party is dropped', () => {
  const text = lines(
    '{',
    '  "parties": {',
    '    "dalian-ops": { "name": "Dalian contractor", "access": "contractor-oversea", "country": "CN" },',
    '    "line-plus": { "name": "LINE Plus", "access": "group-company-overseas", "country": "KR" }',
    '  }',
    '}',
  );
  const { config, problems } = load(text, FILE);
  assert.deepEqual(problems.map(show), [
    '3:60-3:80 RG008 Unknown access class "contractor-oversea" for "parties.dalian-ops.access"; did you mean "contractor-overseas"?',
  ]);
  assert.equal(problems[0].suggestion, 'contractor-overseas');
  assert.deepEqual([...config.parties.keys()], ['self', 'line-plus']);
});

test('a malformed country code is a schema error with the upper-case suggestion', () => {
  const { problems } = load('{"parties": {"a": {"name": "A", "access": "government", "country": "kr"}}}', FILE);
  assert.deepEqual(problems.map(show), [
    '1:68-1:72 RG008 "kr" is not valid for "parties.a.country": Use an ISO 3166-1 alpha-2 country code in upper case, e.g. "KR"; did you mean "KR"?',
  ]);
  assert.equal(problems[0].suggestion, 'KR');
});

test('a missing required key is reported at the object\'s key', () => {
  const text = lines('{', '  "bases": {', '    "consent-kr": { "countries": ["KR"] }', '  }', '}');
  const { config, problems } = load(text, FILE);
  assert.deepEqual(problems.map(show), ['3:5-3:17 RG008 Basis "consent-kr" is missing required key "type"']);
  assert.equal(config.bases.size, 0);
});

test('a party whose basis is not declared is reported at the basis, and keeps no basis', () => {
  const text = lines(
    '{',
    '  "parties": {',
    '    "naver-cloud": { "name": "NAVER Cloud", "access": "contractor-overseas", "country": "KR", "basis": "consent-kx" }',
    '  },',
    '  "bases": { "consent-kr": { "type": "consent", "countries": ["KR"] } }',
    '}',
  );
  const { config, problems } = load(text, FILE);
  assert.deepEqual(problems.map(show), [
    '3:104-3:116 RG009 Unknown basis "consent-kx" for party "naver-cloud": it is not a key of "bases"; did you mean "consent-kr"?',
  ]);
  assert.equal(problems[0].suggestion, 'consent-kr');
  const party = config.parties.get('naver-cloud');
  assert.equal(party?.country, 'KR');
  assert.equal(party?.basis, undefined);
});

test('a region in "regions" that does not resolve is reported at its value', () => {
  const text = lines(
    '{',
    '  "regions": {',
    '    "media-store": "aws:ap-nrtheast-2",',
    '    "talk-store": "ap-northeast-1",',
    '    "seoul": "aws:ap-northeast-2",',
    '    "backup": "seoul"',
    '  }',
    '}',
  );
  const { config, problems } = load(text, FILE);
  assert.deepEqual(problems.map(show), [
    '3:20-3:39 RG009 Invalid region for "regions.media-store": Unknown aws region "ap-nrtheast-2"; did you mean "aws:ap-northeast-2"?',
    '4:19-4:35 RG009 Invalid region for "regions.talk-store": Region code "ap-northeast-1" is ambiguous: it exists in aws and alibaba; write one of "aws:ap-northeast-1", "alibaba:ap-northeast-1"',
  ]);
  assert.equal(problems[0].suggestion, 'aws:ap-northeast-2');
  assert.deepEqual(config.regions, { seoul: 'aws:ap-northeast-2', backup: 'seoul' });
});

test('country codes that are well-formed but not assigned are reference errors', () => {
  const text = lines(
    '{',
    '  "assessments": { "XX": "EA-1", "KR": "EA-2" },',
    '  "disclosure": { "countries": ["JP", "XX"] },',
    '  "intelligenceCooperation": ["CN", "ZZ"]',
    '}',
  );
  const { config, problems } = load(text, FILE);
  assert.deepEqual(problems.map(show), [
    '2:20-2:24 RG009 Unknown country code "XX" in "assessments"; it is not an ISO 3166-1 alpha-2 code',
    '3:39-3:43 RG009 Unknown country code "XX" in "disclosure.countries[1]"; it is not an ISO 3166-1 alpha-2 code',
    '4:37-4:41 RG009 Unknown country code "ZZ" in "intelligenceCooperation[1]"; it is not an ISO 3166-1 alpha-2 code',
  ]);
  assert.deepEqual(config.assessments, { KR: 'EA-2' });
  assert.deepEqual(config.disclosureCountries, ['JP']);
  assert.deepEqual(config.intelligenceCooperation, ['CN']);
});

test('party self may be renamed but keeps its access class and country', () => {
  const text = lines('{', '  "parties": {', '    "self": { "name": "LY Corp (JP)", "country": "KR" }', '  }', '}');
  const { config, problems } = load(text, FILE);
  assert.deepEqual(problems.map(show), [
    '3:50-3:54 RG009 Party "self" is the operator\'s own systems in Japan: its country is always "JP"; only its name can be changed',
  ]);
  const self = config.parties.get('self');
  assert.deepEqual(self && { name: self.name, access: self.access, country: self.country }, {
    name: 'LY Corp (JP)', access: 'internal-jp', country: 'JP',
  });
});

test('the valid parts are kept when others are wrong', () => {
  const text = lines(
    '{',
    '  "pack": "jp",',
    '  "parties": {',
    '    "bad": { "name": "Bad", "access": "nobody", "country": "CN" },',
    '    "line-plus": { "name": "LINE Plus", "access": "group-company-overseas", "country": "KR", "basis": "consent-kr" }',
    '  },',
    '  "bases": {',
    '    "consent-kr": { "type": "consent", "countries": ["KR"], "ref": "Privacy policy v5 §8" },',
    '    "broken": { "type": "permission" }',
    '  },',
    '  "assessments": { "KR": "EA-2022-03" },',
    '  "rules": { "JPR005": "warning", "JPR010": "of" },',
    '  "exclude": ["**/*.test.ts", 7],',
    '  "typo": true',
    '}',
  );
  const { config, problems } = load(text, FILE);
  assert.deepEqual(problems.map((p) => `${p.location.line}:${p.location.column} ${p.code}`), [
    '4:39 RG008', '9:25 RG008', '12:45 RG008', '13:31 RG008', '14:3 RG008',
  ]);
  assert.deepEqual([...config.parties.keys()], ['self', 'line-plus']);
  assert.equal(config.parties.get('line-plus')?.basis, 'consent-kr');
  assert.deepEqual([...config.bases.keys()], ['consent-kr']);
  assert.deepEqual(config.assessments, { KR: 'EA-2022-03' });
  assert.deepEqual(config.rules, { JPR005: 'warning' });
  assert.deepEqual(config.exclude, ['**/*.test.ts']);
  assert.equal(config.include, undefined);
});

test('parties and bases carry the location of their key', () => {
  const text = lines(
    '{',
    '  "parties": {',
    '    "line-plus": { "name": "LINE Plus", "access": "group-company-overseas", "country": "KR" },',
    '    "self": { "name": "Us" }',
    '  },',
    '  "bases": {',
    '      "consent-kr": { "type": "consent", "countries": ["KR"], "systemInfo": "PPC survey", "recipientMeasures": "DPA" }',
    '  }',
    '}',
  );
  const { config, problems } = load(text, FILE);
  assert.deepEqual(problems, []);
  assert.deepEqual(config.parties.get('line-plus'), {
    id: 'line-plus', name: 'LINE Plus', access: 'group-company-overseas', country: 'KR',
    location: { file: FILE, line: 3, column: 5, endLine: 3, endColumn: 16 },
  });
  assert.deepEqual(config.parties.get('self')?.location, { file: FILE, line: 4, column: 5, endLine: 4, endColumn: 11 });
  assert.deepEqual(config.bases.get('consent-kr'), {
    id: 'consent-kr', type: 'consent', countries: ['KR'], systemInfo: 'PPC survey', recipientMeasures: 'DPA',
    location: { file: FILE, line: 7, column: 7, endLine: 7, endColumn: 19 },
  });
});

test('a duplicate key is reported and the last one applies', () => {
  const { config, problems } = load('{"rules": {"JPR001": "off"}, "rules": {"JPR001": "info"}}', FILE);
  assert.deepEqual(problems.map(show), ['1:30-1:37 RG008 Duplicate key "rules"; only the last one applies']);
  assert.deepEqual(config.rules, { JPR001: 'info' });
});

test('the SPEC §4 example loads without problems', () => {
  const text = lines(
    '{',
    '  "$schema": "./node_modules/residency-guard/schemas/residency.config.schema.json",',
    '  "pack": "jp",',
    '  "parties": {',
    '    "line-plus":   { "name": "LINE Plus Corporation", "access": "group-company-overseas", "country": "KR" },',
    '    "ldt-dalian":  { "name": "LINE Digital Technology (Shanghai), Dalian branch", "access": "group-company-overseas", "country": "CN" },',
    '    "dalian-ops":  { "name": "Dalian monitoring contractor", "access": "contractor-overseas", "country": "CN" },',
    '    "naver-cloud": { "name": "NAVER Cloud", "access": "contractor-overseas", "country": "KR", "basis": "consent-kr" }',
    '  },',
    '  "bases": {',
    '    "consent-kr": { "type": "consent", "countries": ["KR"], "ref": "Privacy policy v5 §8",',
    '                    "systemInfo": "PPC survey: Korea", "recipientMeasures": "DPA 2022-04" }',
    '  },',
    '  "assessments": { "KR": "External-environment assessment EA-2022-03" },',
    '  "disclosure": { "countries": ["JP", "KR"] },',
    '  "regions": { "media-store": "aws:ap-northeast-2" },',
    '  "rules": { "JPR005": "warning", "JPR010": "off" },',
    '  "include": ["src/**"], "exclude": ["**/*.test.ts"]',
    '}',
  );
  const { config, problems } = load(text, FILE);
  assert.deepEqual(problems.map(show), []);
  assert.equal(config.parties.size, 5);
  assert.equal(config.parties.get('naver-cloud')?.basis, 'consent-kr');
  assert.deepEqual(config.regions, { 'media-store': 'aws:ap-northeast-2' });
  assert.deepEqual(config.rules, { JPR005: 'warning', JPR010: 'off' });
  assert.deepEqual(config.include, ['src/**']);
  assert.deepEqual(config.exclude, ['**/*.test.ts']);
  assert.deepEqual(config.intelligenceCooperation, ['CN']);
});

test('the shipped schema uses the pack\'s vocabulary and documents every property', () => {
  const party = schema.properties.parties.additionalProperties;
  assert.deepEqual(party.properties.access.enum, [...ACCESS_CLASSES.keys()]);
  assert.equal(party.properties.access.enumDescriptions.length, ACCESS_CLASSES.size);
  assert.deepEqual(schema.properties.bases.additionalProperties.properties.type.enum, [...BASIS_TYPES.keys()]);
  assert.deepEqual(Object.keys(schema.properties.rules.properties), [...RULE_IDS]);
  const undocumented: string[] = [];
  const visit = (node: unknown, path: string): void => {
    if (typeof node !== 'object' || node === null) return;
    const properties = (node as { properties?: Record<string, Record<string, unknown>> }).properties;
    for (const [key, child] of Object.entries(properties ?? {})) {
      if (typeof child.description !== 'string' || typeof child.markdownDescription !== 'string') undocumented.push(`${path}.${key}`);
      visit(child, `${path}.${key}`);
    }
    const additional = (node as { additionalProperties?: unknown }).additionalProperties;
    visit(additional, `${path}.*`);
    visit((node as { items?: unknown }).items, `${path}[]`);
  };
  visit(schema, '');
  assert.deepEqual(undocumented, []);
});
