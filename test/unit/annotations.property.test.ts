/**
 * Property-based tests (fast-check) of the annotation layer (issue 7, point 1): on arbitrary input the tag
 * parser, the annotation collector and the suppression parser never throw, and every tag, problem,
 * annotation and suppression they return has a valid location in the text it points into.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import ts = require('typescript');
import { collectAnnotations } from '../../src/core/annotations/collectAnnotations';
import { parseSuppressions } from '../../src/core/annotations/suppressions';
import { parseTags, toTag, type RawTag } from '../../src/core/annotations/tagParser';
import type { AnnotationContext } from '../../src/core/annotations/types';
import { loadConfig } from '../../src/core/config/loadConfig';
import type { Loc, Problem } from '../../src/core/model';
import { PROBLEM_CODES } from '../../src/core/model';
import { LineMap } from '../../src/core/text/positions';
import { createRegionCatalog } from '../../src/core/vocabulary/regionCatalog';
import { jsonLineStarts, lineStarts, locationError } from '../support/corpus';
import { anyText, checkProperty } from '../support/property';

const RUNS = { numRuns: 300 };
const FILE_RUNS = { numRuns: 150 };

const regions = createRegionCatalog();
const { config } = loadConfig(JSON.stringify({
  parties: {
    'dalian-ops': { name: 'Dalian contractor', access: 'contractor-overseas', country: 'CN' },
    'line-plus': { name: 'LINE Plus', access: 'group-company-overseas', country: 'KR', basis: 'consent-kr' },
  },
  bases: { 'consent-kr': { type: 'consent', countries: ['KR'], systemInfo: 's', recipientMeasures: 'r' } },
  regions: { 'media-store': 'aws:ap-northeast-2' },
}), '/w/residency.config.json', regions);
const ctx: AnnotationContext = { config, regions };
const CODES: ReadonlySet<string> = new Set(Object.values(PROBLEM_CODES));

// ---------------------------------------------------------------- generators

/** Pieces that doc comments are made of: our tags (and typos of them), values, separators, line breaks, odd characters. */
const TAG_PIECES = [
  '@residency', '@access', '@category', '@region', '@recipient', '@readable-by', '@exposes-to', '@encrypts',
  '@anonymizes', '@pseudonymizes', '@basis', '@residancy', '@recipent', '@catgory', '@Residency', '@param', '@returns',
  '@', '@@', '@1', 'a@b', '{@link x}', '{@link', '{@', '}', '```', '`', '@example',
];
const VALUE_PIECES = [
  'jp-only', 'jp-onyl', 'jp-or-equivalent', 'jp-with-basis', 'unrestricted', 'internal-jp', 'contractor-overseas',
  'contact', 'message-content', 'special-care', 'aws:ap-northeast-2', 'aws:', ':', 'aws:ap-northeast-99', 'KR', 'XX',
  'media-store', 'dalian-ops', 'line-plus', 'self', 'consent-kr', 'e2e', 'transport', '日本', '😀', 'x'.repeat(40),
];
const SEPARATORS = [' ', '  ', ',', ', ', ',,', '\t', '\n', '\r\n', '\r', '\n * ', '\n   *', '*', '\u2028', '\u2029', '\u00a0', '\ufeff', '\v', '\f', '\0'];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TAG_PIECES) },
  { weight: 4, arbitrary: fc.constantFrom(...VALUE_PIECES) },
  { weight: 5, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 1, arbitrary: anyText(6) },
);

/** An arbitrary comment body with random tags and values. */
const commentBody = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

/** Bodies that do not close the comment early. */
const safeCommentBody = commentBody.map((b) => b.split('*/').join('* /'));

// ---------------------------------------------------------------- checks

function assertValidLoc(loc: Loc, text: string, starts: readonly number[], what: string): void {
  const error = locationError(loc, text, starts);
  assert.equal(error, undefined, `${what} has an invalid location ${error} in ${JSON.stringify(text)}`);
}

function assertValidProblem(p: Problem, text: string, starts: readonly number[], file: string): void {
  assert.ok(CODES.has(p.code), `unknown problem code ${p.code}`);
  assert.ok(['error', 'warning', 'info'].includes(p.severity), `bad severity ${p.severity}`);
  assert.ok(p.message.length > 0, 'a problem without a message');
  assert.equal(p.location.file, file);
  if (p.suggestion !== undefined) assert.ok(p.suggestion.length > 0, 'an empty suggestion');
  assertValidLoc(p.location, text, starts, `problem ${p.code} "${p.message}"`);
}

/** The offsets of raw tags are inside the comment, ordered, and name exactly the text they cover. */
function assertRawTags(tags: readonly RawTag[], text: string, start: number, end: number): void {
  let previous = start;
  for (const t of tags) {
    assert.ok(t.start >= previous && t.start < end, `tag @${t.name} starts at ${t.start}, outside ${previous}..${end}`);
    assert.equal(text.charAt(t.start), '@');
    assert.ok(t.nameEnd > t.start && t.nameEnd <= end, `tag name end ${t.nameEnd} outside ${t.start}..${end}`);
    assert.equal(text.slice(t.start + 1, t.nameEnd), t.name);
    assert.ok(t.end >= t.nameEnd && t.end <= end, `tag end ${t.end} outside ${t.nameEnd}..${end}`);
    let v0 = t.nameEnd;
    for (const v of t.values) {
      assert.ok(v.start >= v0 && v.end > v.start && v.end <= t.end, `value ${JSON.stringify(v.text)} at ${v.start}-${v.end} outside ${v0}..${t.end}`);
      assert.equal(text.slice(v.start, v.end), v.text);
      v0 = v.end;
    }
    previous = t.nameEnd;
  }
}

function checkTags(text: string, start: number, end: number): void {
  const tags = parseTags(text, start, end);
  assertRawTags(tags, text, start, end);
  const lines = new LineMap(text);
  const starts = jsonLineStarts(text);
  for (const raw of tags) {
    const tag = toTag(raw, (s, e) => lines.loc('/w/a.ts', s, e));
    assertValidLoc(tag.loc, text, starts, `tag @${tag.name}`);
    assertValidLoc(tag.nameLoc, text, starts, `name of @${tag.name}`);
    for (const v of tag.values) assertValidLoc(v.loc, text, starts, `value ${v.text}`);
  }
}

// ---------------------------------------------------------------- parseTags

test('parseTags: arbitrary text and arbitrary comment bounds never throw; tags lie inside the comment', () => {
  const textAndBounds = anyText(200).chain((text) =>
    fc.tuple(fc.constant(text), fc.nat({ max: text.length }), fc.nat({ max: text.length })));
  checkProperty(fc.property(textAndBounds, ([text, a, b]) => {
    checkTags(text, Math.min(a, b), Math.max(a, b));
  }), RUNS);
});

test('parseTags: doc comments with random tags and values, inside random code, never throw; every tag is located', () => {
  const arb = fc.tuple(fc.string({ maxLength: 20 }), commentBody, fc.boolean(), fc.string({ maxLength: 20 }));
  checkProperty(fc.property(arb, ([before, body, closed, after]) => {
    const comment = `/**${body}${closed ? '*/' : ''}`;
    const text = `${before}${comment}${after}`;
    checkTags(text, before.length, before.length + comment.length);
  }), RUNS);
});

test('parseTags: every tag name of ours written in a comment is found with its value', () => {
  const ours = fc.constantFrom('residency', 'category', 'region', 'recipient', 'encrypts');
  const value = fc.constantFrom(...VALUE_PIECES.filter((v) => !/[\s,]/.test(v)));
  checkProperty(fc.property(safeCommentBody, ours, value, (prefix, name, v) => {
    const text = `/**${prefix.replace(/[@`{]/g, '')} @${name} ${v} */`;
    const tags = parseTags(text, 0, text.length);
    const found = tags.find((t) => t.name === name);
    assert.ok(found, `@${name} not found in ${JSON.stringify(text)}`);
    assert.deepEqual(found.values.map((x) => x.text), [v]);
  }), RUNS);
});

// ---------------------------------------------------------------- collectAnnotations

/** Declarations and other code, each preceded by random comments (doc comments with random tags, suppressions). */
const CODE_PIECES = [
  'interface I { x: string; y?: number }',
  'export interface User {\n  phone: string;\n  nested: { deep: string };\n}',
  'type T = string;',
  'export type U = { a: string } & { b: number };',
  'class C { p = 1; m(a: string) { return a; } get g() { return 1; } }',
  'export class D extends C { constructor(/** @recipient dalian-ops */ public q: string) { super(); } }',
  'function f(a, b = 1, ...rest) { return a; }',
  'export async function* g() { yield 1; }',
  'const a = 1, b = () => 2;',
  'let { x, y: [z] } = obj;',
  'var v = function () {};',
  'const o = { k: 1, m() {}, get n() { return 1; }, [key]: 2 };',
  'exports.handler = function (e) { return e; };',
  'module.exports = { a: 1 };',
  'module.exports.x = () => 1;',
  'send(user.phone);',
  'declare function store(v: unknown): void;',
  '@Dec() class E { @Col() /** @category contact */ phone!: string; }',
  'enum Color { Red, Green }',
  'namespace N { export const q = 1; }',
  'const s = "/** @residency jp-only */ // residency-guard-disable-next-line JPR001 -- r";',
  'const t = `/** @residency jp-only ${x} */`;',
  'const r = /\\/\\*\\* @residency jp-only \\*\\//g;',
  'const j = <div>/** @residency jp-only */</div>;',
  '{{{ (( [[ ',
  '}}} )) ]] ;;',
  'function (',
  '/*',
  '"unterminated',
  '`unterminated ${',
  '',
];

const SUPPRESSION_PIECES = [
  'residency-guard-disable-next-line', 'JPR001', 'JPR005', 'JPR01', 'JPR999', 'jpr001', 'RG001', ',', ' ', '--', ' -- ',
  '—', 'reason', 'consent CR-2022-07', '*', '*/', '\n', '\r\n', '\n * ', '\t', '\u2028',
];
const suppressionText = fc.array(fc.constantFrom(...SUPPRESSION_PIECES), { maxLength: 12 }).map((p) => p.join(''));

const commentPiece = fc.oneof(
  safeCommentBody.map((b) => `/**${b}*/`),
  safeCommentBody.map((b) => `/*${b}*/`),
  suppressionText.map((s) => `// residency-guard-disable-next-line${s.split(/\r\n|\r|\n|\u2028/).join(' ')}`),
  suppressionText.map((s) => `/* residency-guard-disable-next-line ${s.split('*/').join('')} */`),
  commentBody.map((b) => `/**${b}`),
);

const sourceFile = fc.array(
  fc.tuple(fc.array(commentPiece, { maxLength: 2 }), fc.constantFrom(...SEPARATORS), fc.constantFrom(...CODE_PIECES)),
  { minLength: 1, maxLength: 8 },
).map((items) => items.map(([comments, sep, code]) => `${comments.join(sep)}${sep}${code}`).join('\n'));

const fileName = fc.constantFrom('/w/src/a.ts', '/w/src/b.tsx', '/w/src/c.js', '/w/src/d.d.ts', '/w/src/e.jsx');

/**
 * The SourceFile the annotation layer reads. TypeScript's own JSDoc parsing is off, as in the engine for
 * TS files: TypeScript 6.0.3 loops forever on a doc comment whose last word ends with `-` right before the
 * close (`/** jp-*\/`), which the generators produce (the engine's own guard is tested in
 * test/robustness/inputs.test.ts). The annotation layer does not use TypeScript's JSDoc nodes.
 */
function parse(name: string, text: string): ts.SourceFile {
  return ts.createSourceFile(name, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, scriptKind(name));
}

function scriptKind(name: string): ts.ScriptKind {
  if (name.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (name.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return name.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

function checkFile(name: string, text: string): void {
  const sf = parse(name, text);
  const starts = lineStarts(text);
  const result = collectAnnotations(sf, ctx);
  assert.equal(result.file, name);
  for (const p of result.problems) assertValidProblem(p, text, starts, name);
  for (const [node, ann] of result.byDeclaration) {
    assert.equal(node.getSourceFile(), sf, 'an annotation keyed by a node of another file');
    assertValidLoc(ann.commentLoc, text, starts, 'annotation comment');
    for (const tag of ann.tags) {
      assertValidLoc(tag.loc, text, starts, `tag @${tag.name}`);
      assertValidLoc(tag.nameLoc, text, starts, `name of @${tag.name}`);
      for (const v of tag.values) assertValidLoc(v.loc, text, starts, `value ${v.text}`);
    }
  }
  for (const s of result.suppressions) {
    assertValidLoc(s.loc, text, starts, 'suppression');
    assert.equal(s.targetLine, s.loc.endLine + 1);
    assert.ok(s.rules.length > 0 && s.reason.trim() !== '', 'a suppression kept without rules or reason');
  }
}

test('collectAnnotations: random files of code, doc comments with random tags and suppressions never throw; every problem is located', () => {
  checkProperty(fc.property(fileName, sourceFile, (name, text) => checkFile(name, text)), FILE_RUNS);
});

test('collectAnnotations: arbitrary text (any code units) never throws; every problem is located', () => {
  const text = fc.oneof(
    anyText(300),
    fc.array(fc.oneof(fc.constantFrom('/**', '*/', '@residency', '@category', ' jp-only ', '\n', '{', '}', 'x;', '// residency-guard-disable-next-line '), fc.string({ maxLength: 4 })), { maxLength: 60 }).map((p) => p.join('')),
  );
  checkProperty(fc.property(fileName, text, (name, t) => checkFile(name, t)), FILE_RUNS);
});

// ---------------------------------------------------------------- parseSuppressions

test('parseSuppressions: random directives in line and block comments, strings and code never throw; every problem and suppression is located', () => {
  const container = fc.constantFrom(
    (s: string) => `// ${s}`,
    (s: string) => `/* ${s} */`,
    (s: string) => `/** ${s} */`,
    (s: string) => `/*${s}`,
    (s: string) => `"${s}"`,
    (s: string) => `\`${s}\``,
    (s: string) => `x = 1; // ${s}`,
    (s: string) => s,
  );
  const line = fc.tuple(container, fc.constantFrom('residency-guard-disable-next-line', ' residency-guard-disable-next-line', '*residency-guard-disable-next-line', 'residency-guard-disable-next-lineX'), suppressionText)
    .map(([wrap, directive, rest]) => wrap(`${directive}${rest}`));
  const text = fc.array(fc.oneof(line, fc.constantFrom(...CODE_PIECES)), { minLength: 1, maxLength: 10 }).map((l) => l.join('\n'));
  checkProperty(fc.property(fileName, text, (name, t) => {
    const sf = parse(name, t);
    const starts = lineStarts(t);
    const r = parseSuppressions(sf);
    for (const p of r.problems) {
      assertValidProblem(p, t, starts, name);
      assert.equal(p.kind, 'suppression');
    }
    for (const s of r.suppressions) {
      assertValidLoc(s.loc, t, starts, 'suppression');
      assert.ok(s.line >= s.loc.line && s.line <= s.loc.endLine, `directive line ${s.line} outside its comment`);
      assert.equal(s.targetLine, s.loc.endLine + 1);
      assert.ok(s.rules.length > 0, 'a suppression without rules');
      assert.ok(s.reason.length > 0 && s.reason === s.reason.trim(), `reason ${JSON.stringify(s.reason)}`);
    }
  }), FILE_RUNS);
});

test('parseSuppressions: arbitrary text never throws', () => {
  const text = anyText(200).chain((s) =>
    fc.nat({ max: s.length }).map((at) => `${s.slice(0, at)}// residency-guard-disable-next-line ${s.slice(at)}`));
  checkProperty(fc.property(text, (t) => {
    const sf = parse('/w/a.ts', t);
    const starts = lineStarts(t);
    const r = parseSuppressions(sf);
    for (const p of r.problems) assertValidProblem(p, t, starts, '/w/a.ts');
    for (const s of r.suppressions) assertValidLoc(s.loc, t, starts, 'suppression');
  }), FILE_RUNS);
});
