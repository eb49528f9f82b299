/**
 * Tests of annotation collection: attachment of doc comments to every kind of declaration, the
 * validated Annotation, and the exact problems for bad annotations.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ts from 'typescript';
import { collectAnnotations } from '../../src/core/annotations/collectAnnotations';
import type { Annotation, AnnotationContext, FileAnnotations } from '../../src/core/annotations/types';
import type { ResidencyConfig } from '../../src/core/config/types';
import type { Loc, Problem } from '../../src/core/model';
import { suggest } from '../../src/core/text/suggest';
import type { RegionCatalog, RegionLookup, ResolvedRegion } from '../../src/core/vocabulary/regionTypes';

const KNOWN_REGIONS: ReadonlyMap<string, ResolvedRegion> = new Map([
  ['aws:ap-northeast-1', { region: 'aws:ap-northeast-1', country: 'JP', label: 'Asia Pacific (Tokyo)' }],
  ['aws:ap-northeast-2', { region: 'aws:ap-northeast-2', country: 'KR', label: 'Asia Pacific (Seoul)' }],
  ['KR', { region: null, country: 'KR', label: 'Korea' }],
]);

/** A small stand-in for the real catalogue. */
const fakeRegions: RegionCatalog = {
  resolve(value: string, configRegions?: Readonly<Record<string, string>>): RegionLookup {
    const target = configRegions?.[value] ?? value;
    const resolved = KNOWN_REGIONS.get(target);
    if (resolved) return { ok: true, resolved };
    const suggestion = suggest(value, KNOWN_REGIONS.keys());
    const message = `Unknown region "${value}"`;
    return suggestion === undefined ? { ok: false, message } : { ok: false, message, suggestion };
  },
  resolveProviderRegion: () => undefined,
  matchHost: () => ({ matched: false, patternId: null, provider: null, region: null, country: null }),
  allRegionNames: () => [...KNOWN_REGIONS.keys()],
  isCountry: (code: string) => code === 'KR' || code === 'JP',
};

const config: ResidencyConfig = {
  file: '/w/residency.config.json',
  pack: 'jp',
  parties: new Map([
    ['self', { id: 'self', name: 'Own systems in Japan', access: 'internal-jp', country: 'JP' }],
    ['line-plus', { id: 'line-plus', name: 'LINE Plus', access: 'group-company-overseas', country: 'KR' }],
    ['dalian-ops', { id: 'dalian-ops', name: 'Dalian contractor', access: 'contractor-overseas', country: 'CN' }],
  ]),
  bases: new Map([['consent-kr', { id: 'consent-kr', type: 'consent', countries: ['KR'] }]]),
  assessments: {},
  disclosureCountries: undefined,
  regions: { 'media-store': 'aws:ap-northeast-2' },
  rules: {},
  include: undefined,
  exclude: undefined,
  intelligenceCooperation: ['CN'],
  packages: [],
  env: {},
  envFiles: [],
  iac: undefined,
};

const ctx: AnnotationContext = { config, regions: fakeRegions };

function collect(text: string, fileName = '/w/src/a.ts'): { sf: ts.SourceFile; result: FileAnnotations } {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  return { sf, result: collectAnnotations(sf, ctx) };
}

function nameOf(node: ts.Node, sf: ts.SourceFile): string {
  if (ts.isBinaryExpression(node)) return node.left.getText(sf);
  const name = (node as { name?: ts.Node }).name;
  return name ? name.getText(sf) : '(anonymous)';
}

/** The annotated declarations as `Kind name`, in file order. */
function keys(result: FileAnnotations, sf: ts.SourceFile): string[] {
  return [...result.byDeclaration.keys()]
    .sort((a, b) => a.pos - b.pos)
    .map((n) => `${ts.SyntaxKind[n.kind]} ${nameOf(n, sf)}`);
}

/** The annotation of the declaration named `name`. */
function annotationOf(result: FileAnnotations, sf: ts.SourceFile, name: string): Annotation {
  for (const [node, annotation] of result.byDeclaration) {
    if (nameOf(node, sf) === name) return annotation;
  }
  assert.fail(`no annotation on ${name}`);
}

/** The annotation's values without tags and locations. */
function fields(a: Annotation): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...a };
  delete rest.tags;
  delete rest.commentLoc;
  return rest;
}

function span(l: Loc): string {
  return `${l.line}:${l.column}-${l.endLine}:${l.endColumn}`;
}

/** Problems as `CODE severity line:col-endLine:endCol message [→ suggestion]`. */
function problems(result: FileAnnotations): string[] {
  return result.problems.map((p: Problem) => {
    const tail = p.suggestion === undefined ? '' : ` → ${p.suggestion}`;
    return `${p.code} ${p.severity} ${span(p.location)} ${p.message}${tail}`;
  });
}

const SOURCE_PLACES = 'an interface or type alias, a class, a property, a variable or a parameter';

test('interface, members and type alias (the SPEC §3.1 example)', () => {
  const { sf, result } = collect([
    "/** A Japanese user's account. @residency jp-with-basis */",
    'export interface LineUser {',
    '  /** @category contact */ name: string;',
    '  /** @category contact */ phoneNumber: string; /** @category identifier */ lineId: string;',
    '  /** @residency unrestricted */ displayTheme: string;   // member override: not personal',
    '  theme: string;',
    '}',
    '',
    '/** @residency jp-only @category message-content */',
    'export type TalkText = string;',
  ].join('\n'));
  assert.deepEqual(problems(result), []);
  assert.deepEqual(keys(result, sf), [
    'InterfaceDeclaration LineUser',
    'PropertySignature name',
    'PropertySignature phoneNumber',
    'PropertySignature lineId',
    'PropertySignature displayTheme',
    'TypeAliasDeclaration TalkText',
  ]);
  const user = annotationOf(result, sf, 'LineUser');
  assert.deepEqual(fields(user), { residency: 'jp-with-basis' });
  assert.deepEqual(user.commentLoc, { file: '/w/src/a.ts', line: 1, column: 1, endLine: 1, endColumn: 59 });
  assert.deepEqual(user.tags, [{
    name: 'residency',
    values: [{ text: 'jp-with-basis', loc: { file: '/w/src/a.ts', line: 1, column: 43, endLine: 1, endColumn: 56 } }],
    loc: { file: '/w/src/a.ts', line: 1, column: 32, endLine: 1, endColumn: 56 },
    nameLoc: { file: '/w/src/a.ts', line: 1, column: 32, endLine: 1, endColumn: 42 },
  }]);
  assert.deepEqual(fields(annotationOf(result, sf, 'phoneNumber')), { category: 'contact' });
  assert.deepEqual(fields(annotationOf(result, sf, 'lineId')), { category: 'identifier' });
  assert.deepEqual(fields(annotationOf(result, sf, 'displayTheme')), { residency: 'unrestricted' });
  assert.deepEqual(fields(annotationOf(result, sf, 'TalkText')), { residency: 'jp-only', category: 'message-content' });
});

test('class, property, getter, setter, method and decorators', () => {
  const { sf, result } = collect([
    '/** @residency jp-with-basis @access internal-jp, contractor-domestic */',
    'export class Account {',
    '  /** @category payment */ card = "";',
    '  /** @category location */',
    '  get where(): string { return ""; }',
    '  /** @region aws:ap-northeast-2 */ set store(v: string) {}',
    '  @Column()',
    '  /** @category contact */ phone = "";',
    '  /** @encrypts client-side-jp-keys */ seal(x: string): string { return x; }',
    '  /** @anonymizes @pseudonymizes */ blur = (x: string) => x;',
    '}',
    'const Other = /** @recipient line-plus */ class {};',
  ].join('\n'));
  assert.deepEqual(problems(result), []);
  assert.deepEqual(keys(result, sf), [
    'ClassDeclaration Account',
    'PropertyDeclaration card',
    'GetAccessor where',
    'SetAccessor store',
    'PropertyDeclaration phone',
    'MethodDeclaration seal',
    'PropertyDeclaration blur',
    'ClassExpression (anonymous)',
  ]);
  assert.deepEqual(fields(annotationOf(result, sf, 'Account')), {
    residency: 'jp-with-basis',
    access: ['internal-jp', 'contractor-domestic'],
  });
  assert.deepEqual(fields(annotationOf(result, sf, 'where')), { category: 'location' });
  assert.deepEqual(fields(annotationOf(result, sf, 'store')), {
    region: { region: 'aws:ap-northeast-2', country: 'KR', label: 'Asia Pacific (Seoul)', written: 'aws:ap-northeast-2' },
  });
  assert.deepEqual(fields(annotationOf(result, sf, 'phone')), { category: 'contact' });
  assert.deepEqual(fields(annotationOf(result, sf, 'seal')), { encrypts: 'client-side-jp-keys' });
  assert.deepEqual(fields(annotationOf(result, sf, 'blur')), { anonymizes: true, pseudonymizes: true });
  assert.deepEqual(fields(annotationOf(result, sf, '(anonymous)')), { recipient: 'line-plus' });
});

test('functions, default export, parameters and ordinary JSDoc tags', () => {
  const { sf, result } = collect([
    '/**',
    ' * Stores media.',
    ' * @region media-store',
    ' * @readable-by dalian-ops, self line-plus',
    ' * @basis consent-kr',
    ' * @param sink where it goes',
    ' * @returns nothing',
    ' * @deprecated use storeV2',
    ' */',
    'export function store(/** @recipient dalian-ops */ sink: unknown, x: string): void {}',
    '/** @exposes-to dalian-ops line-plus */ export default function () { return 1; }',
  ].join('\n'));
  assert.deepEqual(problems(result), []);
  assert.deepEqual(keys(result, sf), ['FunctionDeclaration store', 'Parameter sink', 'FunctionDeclaration (anonymous)']);
  const store = annotationOf(result, sf, 'store');
  assert.deepEqual(fields(store), {
    region: { region: 'aws:ap-northeast-2', country: 'KR', label: 'Asia Pacific (Seoul)', written: 'media-store' },
    readableBy: ['dalian-ops', 'self', 'line-plus'],
    basis: ['consent-kr'],
  });
  assert.deepEqual(store.tags.map((t) => t.name), ['region', 'readable-by', 'basis']);
  assert.deepEqual(store.commentLoc, { file: '/w/src/a.ts', line: 1, column: 1, endLine: 9, endColumn: 4 });
  assert.deepEqual(fields(annotationOf(result, sf, 'sink')), { recipient: 'dalian-ops' });
  assert.deepEqual(fields(annotationOf(result, sf, '(anonymous)')), { exposesTo: ['dalian-ops', 'line-plus'] });
});

test('ordinary JSDoc tags alone produce nothing', () => {
  const { result } = collect([
    '/**',
    ' * Adds.',
    ' * @param a first',
    ' * @returns the sum',
    ' * @deprecated',
    ' * @see {@link other}',
    ' */',
    'export function add(a: number): number { return a; }',
  ].join('\n'));
  assert.deepEqual(problems(result), []);
  assert.equal(result.byDeclaration.size, 0);
  assert.deepEqual(result.suppressions, []);
});

test('method signatures and function-typed property signatures', () => {
  const { sf, result } = collect([
    'export interface Sink {',
    '  /** @recipient dalian-ops @encrypts transport */ send(text: string): void;',
    '  /** @exposes-to line-plus */ fetch?: ((id: string) => string) | undefined;',
    '  /** @exposes-to line-plus */ name: string;',
    '}',
  ].join('\n'));
  assert.deepEqual(keys(result, sf), ['MethodSignature send', 'PropertySignature fetch']);
  assert.deepEqual(fields(annotationOf(result, sf, 'send')), { recipient: 'dalian-ops', encrypts: 'transport' });
  assert.deepEqual(fields(annotationOf(result, sf, 'fetch')), { exposesTo: ['line-plus'] });
  assert.deepEqual(problems(result), [
    'RG002 error 4:7-4:28 @exposes-to cannot be used on a property; it applies to a function or method',
  ]);
});

test('variables: each declaration of the statement, arrow functions also as functions', () => {
  const { sf, result } = collect([
    '/** @residency jp-only */ export const a = 1, b = 2;',
    '/** @encrypts e2e */ export const seal = (x: string) => x;',
    '/** @anonymizes */ const blur = ((x: string) => x) as (x: string) => string;',
    '/** @pseudonymizes */ let fn = function (x: string) { return x; };',
    'const c = 3, /** @category contact */ d = "";',
    '/** @encrypts e2e */ const notFn = 5;',
  ].join('\n'));
  assert.deepEqual(keys(result, sf), [
    'VariableDeclaration a',
    'VariableDeclaration b',
    'VariableDeclaration seal',
    'VariableDeclaration blur',
    'VariableDeclaration fn',
    'VariableDeclaration d',
  ]);
  assert.deepEqual(annotationOf(result, sf, 'a'), annotationOf(result, sf, 'b'));
  assert.deepEqual(fields(annotationOf(result, sf, 'a')), { residency: 'jp-only' });
  assert.deepEqual(fields(annotationOf(result, sf, 'seal')), { encrypts: 'e2e' });
  assert.deepEqual(fields(annotationOf(result, sf, 'blur')), { anonymizes: true });
  assert.deepEqual(fields(annotationOf(result, sf, 'fn')), { pseudonymizes: true });
  assert.deepEqual(fields(annotationOf(result, sf, 'd')), { category: 'contact' });
  assert.deepEqual(problems(result), [
    'RG002 error 6:5-6:18 @encrypts cannot be used on a variable; it applies to a function or method',
  ]);
});

test('CommonJS exports.x and module.exports.x in a .js file', () => {
  const { sf, result } = collect([
    '/** @recipient dalian-ops */',
    'exports.send = function (x) {};',
    '/** @residency jp-only */',
    'module.exports.user = { /** @category contact */ phone: "", /** @encrypts e2e */ seal: (x) => x };',
    '/** @encrypts e2e */ exports.count = 1;',
    '/** @residency jp-only */ foo.bar = 1;',
  ].join('\n'), '/w/src/legacy.js');
  assert.deepEqual(keys(result, sf), [
    'BinaryExpression exports.send',
    'BinaryExpression module.exports.user',
    'PropertyAssignment phone',
    'PropertyAssignment seal',
  ]);
  assert.deepEqual(fields(annotationOf(result, sf, 'exports.send')), { recipient: 'dalian-ops' });
  assert.deepEqual(fields(annotationOf(result, sf, 'module.exports.user')), { residency: 'jp-only' });
  assert.deepEqual(fields(annotationOf(result, sf, 'seal')), { encrypts: 'e2e' });
  assert.deepEqual(problems(result), [
    'RG002 error 5:5-5:18 @encrypts cannot be used on a variable; it applies to a function or method',
    `RG002 error 6:5-6:23 @residency is not attached to a declaration; put it in the doc comment directly before ${SOURCE_PLACES}`,
  ]);
  assert.equal(result.file, '/w/src/legacy.js');
  assert.equal(result.problems[0].location.file, '/w/src/legacy.js');
});

test('unknown values: exact location, message and suggestion', () => {
  const { sf, result } = collect([
    '/** @residency jp-onyl @category contakt */',
    'export interface U {',
    '  /** @access internal-jp, contractr-overseas, nobody */ a: string;',
    '}',
    '/**',
    ' * @recipient dalian-opss',
    ' * @readable-by self, shanghai',
    ' * @basis consent-k',
    ' * @region aws:ap-northeast-3',
    ' */',
    'function f(): void {}',
    '/** @encrypts e2ee */ function g(): void {}',
    '/** @region mars */ let h;',
  ].join('\n'));
  assert.deepEqual(problems(result), [
    'RG001 error 1:16-1:23 Unknown residency class "jp-onyl"; did you mean "jp-only"? → jp-only',
    'RG001 error 1:34-1:41 Unknown data category "contakt"; did you mean "contact"? → contact',
    'RG001 error 3:28-3:46 Unknown access class "contractr-overseas"; did you mean "contractor-overseas"? → contractor-overseas',
    'RG001 error 3:48-3:54 Unknown access class "nobody"; expected one of: internal-jp, internal-overseas-branch, '
      + 'group-company-domestic, group-company-overseas, contractor-domestic, contractor-overseas, '
      + 'subcontractor-domestic, subcontractor-overseas, cloud-no-access, government, data-subject',
    'RG001 error 6:15-6:26 Unknown party "dalian-opss"; did you mean "dalian-ops"? → dalian-ops',
    'RG001 error 7:23-7:31 Unknown party "shanghai"; expected one of: self, line-plus, dalian-ops '
      + '(declared under "parties" in residency.config.json)',
    'RG001 error 8:11-8:20 Unknown basis "consent-k"; did you mean "consent-kr"? → consent-kr',
    'RG001 error 9:12-9:30 Unknown region "aws:ap-northeast-3"; did you mean "aws:ap-northeast-1"? → aws:ap-northeast-1',
    'RG001 error 12:15-12:19 Unknown encryption level "e2ee"; did you mean "e2e"? → e2e',
    'RG001 error 13:13-13:17 Unknown region "mars"',
  ]);
  // Valid values of the same tags are kept; the tags stay recorded as written.
  assert.deepEqual(fields(annotationOf(result, sf, 'a')), { access: ['internal-jp'] });
  assert.deepEqual(fields(annotationOf(result, sf, 'f')), { readableBy: ['self'] });
  assert.deepEqual(annotationOf(result, sf, 'f').tags.map((t) => t.name), ['recipient', 'readable-by', 'basis', 'region']);
  assert.deepEqual(fields(annotationOf(result, sf, 'U')), {});
});

test('missing values', () => {
  const { result } = collect([
    '/**',
    ' * @residency',
    ' *   jp-only',
    ' * @access , ',
    ' */',
    'export type T = string;',
    '/** @recipient @region */ function f(): void {}',
  ].join('\n'));
  assert.deepEqual(problems(result), [
    'RG003 error 2:4-2:14 @residency needs a residency class',
    'RG003 error 4:4-4:11 @access needs at least one access class',
    'RG003 error 7:5-7:15 @recipient needs a party',
    'RG003 error 7:16-7:23 @region needs a region (provider:code, a unique region code, a country code or a name '
      + 'from the config\'s "regions")',
  ]);
});

test('misplaced tags', () => {
  const { sf, result } = collect([
    'interface A {',
    '  /** @encrypts e2e @category contact */ x: string;',
    '}',
    '/** @residency jp-only */',
    'function f(a: number): void {',
    '  /** @residency jp-only */',
    '  console.log(a);',
    '  /** @category contact */',
    '}',
    '/** @recipient dalian-ops */',
    '/** Plain doc. */',
    'const v = 1;',
    'call(/** @region KR */ v);',
    '/** @anonymizes */',
  ].join('\n'));
  assert.deepEqual(problems(result), [
    'RG002 error 2:7-2:20 @encrypts cannot be used on a property; it applies to a function or method',
    `RG002 error 4:5-4:23 @residency cannot be used on a function or method; it applies to ${SOURCE_PLACES}`,
    `RG002 error 6:7-6:25 @residency is not attached to a declaration; put it in the doc comment directly before ${SOURCE_PLACES}`,
    `RG002 error 8:7-8:24 @category is not attached to a declaration; put it in the doc comment directly before ${SOURCE_PLACES}`,
    'RG002 error 10:5-10:26 @recipient is not attached to a declaration; put it in the doc comment directly before '
      + 'a class, a property, a variable, a parameter or a function or method',
    'RG002 error 13:10-13:20 @region is not attached to a declaration; put it in the doc comment directly before '
      + 'a class, a property, a variable, a parameter or a function or method',
    'RG002 error 14:5-14:16 @anonymizes is not attached to a declaration; put it in the doc comment directly before '
      + 'a function or method',
  ]);
  // The correctly placed tag of the same comment still applies.
  assert.deepEqual(keys(result, sf), ['PropertySignature x']);
  assert.deepEqual(fields(annotationOf(result, sf, 'x')), { category: 'contact' });
  assert.deepEqual(annotationOf(result, sf, 'x').tags.map((t) => t.name), ['category']);
});

test('misspelt tags get a suggestion; unrelated unknown tags are ignored', () => {
  const { sf, result } = collect([
    '/** @recipent dalian-ops @Residency jp-only @frobnicate @category contact */',
    'let sink: unknown;',
  ].join('\n'));
  assert.deepEqual(problems(result), [
    'RG004 error 1:5-1:14 Unknown tag "@recipent"; did you mean "@recipient"? → @recipient',
    'RG004 error 1:26-1:36 Unknown tag "@Residency"; did you mean "@residency"? → @residency',
  ]);
  assert.deepEqual(fields(annotationOf(result, sf, 'sink')), { category: 'contact' });
});

test('a duplicate tag is a warning and the first one wins', () => {
  const { sf, result } = collect('/** @residency jp-only @residency unrestricted */ let x: string;');
  assert.deepEqual(problems(result), [
    'RG012 warning 1:24-1:47 Duplicate tag @residency on this declaration; only the first one applies',
  ]);
  assert.deepEqual(fields(annotationOf(result, sf, 'x')), { residency: 'jp-only' });
});

test('doc-comment text inside strings, templates and line comments is not an annotation', () => {
  const { result } = collect([
    'const s = "/** @residency jp-onyl */";',
    'const t = `/** @recipent x */ ${s} /** @residency */`;',
    '// /** @residency jp-onyl */',
    '/* /** @residency jp-onyl */',
    'const glob = "src/**/*.ts";',
  ].join('\n'));
  assert.deepEqual(problems(result), []);
  assert.equal(result.byDeclaration.size, 0);
});

test('suppressions are returned with the annotations', () => {
  const { result } = collect([
    '/** @residency jp-only */ const a = "";',
    '// residency-guard-disable-next-line JPR001 -- consent record CR-2022-07 covers KR',
    'send(a);',
  ].join('\n'));
  assert.equal(result.byDeclaration.size, 1);
  assert.deepEqual(result.suppressions.map((s) => [s.line, s.targetLine, s.rules, s.reason]), [
    [2, 3, ['JPR001'], 'consent record CR-2022-07 covers KR'],
  ]);
});

test('a file without doc comments yields an empty result', () => {
  const { result } = collect('export const a = 1; // just @code\n');
  assert.deepEqual(result, { file: '/w/src/a.ts', byDeclaration: new Map(), suppressions: [], problems: [] });
});
