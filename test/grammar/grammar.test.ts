/**
 * Tests of the TextMate injection grammars in syntaxes/ (issue 4): tokenises snippets with
 * vscode-textmate + vscode-oniguruma against the base TypeScript/JavaScript grammars and the grammars
 * that package.json contributes, and checks the exact scopes of annotation tags, their values and the
 * suppression directive — and that the same text in strings, template literals, code, ordinary comments
 * and ordinary JSDoc tags gets none of them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts = require('typescript');
import { ACCESS_CLASSES, CATEGORIES, ENCRYPTION_LEVELS, RESIDENCY_CLASSES, TAGS } from '../../src/core/vocabulary/jpPack';
import { RULE_IDS } from '../../src/core/rules/ruleIds';
import { parseTags } from '../../src/core/annotations/tagParser';
import { parseSuppressions } from '../../src/core/annotations/suppressions';
import { LANGUAGES, Tokenized, contributedGrammars } from './harness';

const OWN = 'residency-guard';
const DOC = 'comment.block.documentation.ts';
const TAG = `storage.type.class.${OWN}`;
const AT = `punctuation.definition.block.tag.${OWN}`;
const RESIDENCY = `constant.language.residency-class.${OWN}`;
const ACCESS = `constant.language.access-class.${OWN}`;
const CATEGORY = `constant.language.category.${OWN}`;
const ENCRYPTION = `constant.language.encryption-level.${OWN}`;
const REGION = `constant.other.region.${OWN}`;
const PARTY = `variable.other.party.${OWN}`;
const BASIS = `variable.other.basis.${OWN}`;
const COMMA = `punctuation.separator.comma.${OWN}`;
const META = `meta.directive.suppression.${OWN}`;
const DIRECTIVE = `keyword.other.directive.suppression.${OWN}`;
const RULE = `constant.other.rule-id.${OWN}`;
const DASHES = `punctuation.separator.reason.${OWN}`;
const REASON = `string.unquoted.reason.${OWN}`;
const VALUE_SCOPES = [RESIDENCY, ACCESS, CATEGORY, ENCRYPTION, REGION, PARTY, BASIS];

const ROOT = path.resolve(__dirname, '..', '..', '..');

function ownScopes(t: Tokenized): string[] {
  return t.allScopes().filter((s) => s.endsWith(`.${OWN}`));
}

function assertNoOwnScopes(t: Tokenized): void {
  assert.deepEqual(ownScopes(t), [], t.dump());
}

// ---------------------------------------------------------------------------------------------------
// The contribution

test('package.json contributes the injection grammars to TypeScript, TSX, JavaScript and JSX', () => {
  const grammars = contributedGrammars();
  const files = fs.readdirSync(path.join(ROOT, 'syntaxes')).filter((f) => f.endsWith('.tmLanguage.json'));
  assert.equal(grammars.length, files.length, 'every grammar in syntaxes/ is contributed');
  for (const g of grammars) {
    assert.deepEqual([...(g.injectTo ?? [])].sort(), [...LANGUAGES].sort(), g.scopeName);
    assert.equal(g.language, undefined, 'an injection grammar belongs to no language');
    const raw = JSON.parse(fs.readFileSync(path.join(ROOT, g.path), 'utf8')) as { scopeName: string; injectionSelector?: string };
    assert.equal(raw.scopeName, g.scopeName, g.path);
    assert.match(raw.injectionSelector ?? '', /^L:comment\./, `${g.path} injects only into comments, with priority`);
  }
});

test('the base grammar is loaded: an ordinary doc comment keeps its JSDoc scopes', async () => {
  const t = await Tokenized.of('/** @param x the id */\nfunction f(x: string) {}');
  assert.deepEqual(t.scopes('param'), ['source.ts', DOC, 'storage.type.class.jsdoc']);
  assert.deepEqual(t.scopes('x', 0), ['source.ts', DOC, 'variable.other.jsdoc']);
  assertNoOwnScopes(t);
});

// ---------------------------------------------------------------------------------------------------
// Tags and values in doc comments

test('a tag after description text, and its residency class', async () => {
  const t = await Tokenized.of("/** A Japanese user's account. @residency jp-with-basis */\nexport interface LineUser {}");
  assert.deepEqual(t.scopes('@'), ['source.ts', DOC, TAG, AT]);
  assert.deepEqual(t.scopes('residency'), ['source.ts', DOC, TAG]);
  assert.deepEqual(t.scopes('jp-with-basis'), ['source.ts', DOC, RESIDENCY]);
  assert.deepEqual(t.scopes(" A Japanese user's account. "), ['source.ts', DOC]);
  assert.deepEqual(t.scopes('LineUser'), ['source.ts', 'meta.interface.ts', 'entity.name.type.interface.ts']);
});

test('every annotation tag of the jp pack is scoped as a tag', async () => {
  for (const name of TAGS.keys()) {
    const t = await Tokenized.of(`/** Text. @${name} */\nfunction f() {}`);
    assert.deepEqual(t.scopes(name), ['source.ts', DOC, TAG], name);
    assert.deepEqual(t.scopes('@'), ['source.ts', DOC, TAG, AT], name);
  }
});

test('every residency class, category and encryption level has its own scope', async () => {
  const cases: Array<[string, Iterable<string>, string]> = [
    ['residency', RESIDENCY_CLASSES.keys(), RESIDENCY],
    ['category', CATEGORIES.keys(), CATEGORY],
    ['encrypts', ENCRYPTION_LEVELS.keys(), ENCRYPTION],
  ];
  for (const [tag, values, scope] of cases) {
    for (const value of values) {
      const t = await Tokenized.of(`/**\n * @${tag} ${value}\n */\nconst x = 1;`);
      assert.deepEqual(t.scopes(value), ['source.ts', DOC, scope], `@${tag} ${value}\n${t.dump()}`);
    }
  }
});

test('every access class is scoped in an @access list, separated by commas or spaces', async () => {
  const classes = [...ACCESS_CLASSES.keys()];
  const text = `/** @access ${classes.slice(0, 5).join(', ')} ${classes.slice(5).join(' ')} */\nconst x = 1;`;
  const t = await Tokenized.of(text);
  for (const c of classes) assert.deepEqual(t.scopes(c), ['source.ts', DOC, ACCESS], c);
  assert.deepEqual(t.scopes(',', 0), ['source.ts', DOC, COMMA]);
  assert.deepEqual(t.scopes('access'), ['source.ts', DOC, TAG]);
});

test('regions in each form are scoped as regions', async () => {
  for (const region of ['aws:ap-northeast-2', 'gcp:asia-northeast3', 'azure:koreacentral', 'alibaba:cn-shanghai', 'ap-northeast-2', 'KR']) {
    const t = await Tokenized.of(`class Store {\n  /** Where it goes. @region ${region} */\n  put(value: string) {}\n}`);
    assert.deepEqual(t.scopes(region), ['source.ts', 'meta.class.ts', DOC, REGION], region);
  }
});

test('party ids and basis ids are scoped as generic values', async () => {
  const text = [
    '/**',
    ' * Sends the message to the moderation vendor.',
    ' * @recipient line-plus-kr',
    ' * @readable-by naver-cloud, kr-ops-team contractor_2',
    ' * @exposes-to cms-vendor',
    ' * @basis consent-2022-07, dpa-kr',
    ' */',
    'export function send(message: string): void {}',
  ].join('\n');
  const t = await Tokenized.of(text);
  for (const party of ['line-plus-kr', 'naver-cloud', 'kr-ops-team', 'contractor_2', 'cms-vendor']) {
    assert.deepEqual(t.scopes(party), ['source.ts', DOC, PARTY], party);
  }
  for (const basis of ['consent-2022-07', 'dpa-kr']) assert.deepEqual(t.scopes(basis), ['source.ts', DOC, BASIS], basis);
  for (const tag of ['recipient', 'readable-by', 'exposes-to', 'basis']) assert.deepEqual(t.scopes(tag), ['source.ts', DOC, TAG], tag);
  assert.deepEqual(t.scopes('Sends the message to the moderation vendor.'), ['source.ts', DOC]);
});

test('@anonymizes and @pseudonymizes take no value: the following text stays description', async () => {
  const t = await Tokenized.of('/** @anonymizes statistics only */\nfunction a() {}\n/** @pseudonymizes */\nfunction p() {}');
  assert.deepEqual(t.scopes('anonymizes'), ['source.ts', DOC, TAG]);
  assert.deepEqual(t.scopes(' statistics only '), ['source.ts', DOC]);
  assert.deepEqual(t.scopes('pseudonymizes'), ['source.ts', DOC, TAG]);
});

test('a single-value tag takes only its first word; the rest of the line is description', async () => {
  const t = await Tokenized.of('/** @region aws:ap-northeast-2 stored in Seoul\n * @category contact name and phone */\nlet v;');
  assert.deepEqual(t.scopes('aws:ap-northeast-2'), ['source.ts', DOC, REGION]);
  assert.deepEqual(t.scopes(' stored in Seoul'), ['source.ts', DOC]);
  assert.deepEqual(t.scopes('contact'), ['source.ts', DOC, CATEGORY]);
  assert.deepEqual(t.scopes(' name and phone '), ['source.ts', DOC]);
});

test('a list tag ends at the next tag, the end of the line or the end of the comment', async () => {
  const t = await Tokenized.of('/** @readable-by naver, kr-ops @category contact\n * ordinary text */\nlet v;');
  assert.deepEqual(t.scopes('kr-ops'), ['source.ts', DOC, PARTY]);
  assert.deepEqual(t.scopes('category'), ['source.ts', DOC, TAG]);
  assert.deepEqual(t.scopes('contact'), ['source.ts', DOC, CATEGORY]);
  assert.deepEqual(t.scopes(' * ordinary text '), ['source.ts', DOC]);
});

test('a multi-line doc comment on interface members and a type alias (SPEC §3.1 example)', async () => {
  const text = [
    "/** A Japanese user's account. @residency jp-with-basis */",
    'export interface LineUser {',
    '  /** @category contact */ name: string;',
    '  /** @category identifier */ lineId: string;',
    '  /** @residency unrestricted */ displayTheme: string;   // member override: not personal',
    '}',
    '',
    '/**',
    ' * A chat message body.',
    ' *',
    ' * @residency jp-only',
    ' * @category message-content',
    ' * @access internal-jp contractor-domestic',
    ' */',
    'export type TalkText = string;',
  ].join('\n');
  const t = await Tokenized.of(text);
  const member = ['source.ts', 'meta.interface.ts', 'comment.block.documentation.ts'];
  assert.deepEqual(t.scopes('contact'), [...member, CATEGORY]);
  assert.deepEqual(t.scopes('identifier'), [...member, CATEGORY]);
  assert.deepEqual(t.scopes('unrestricted'), [...member, RESIDENCY]);
  assert.deepEqual(t.scopes('jp-only'), ['source.ts', DOC, RESIDENCY]);
  assert.deepEqual(t.scopes('message-content'), ['source.ts', DOC, CATEGORY]);
  assert.deepEqual(t.scopes('contractor-domestic'), ['source.ts', DOC, ACCESS]);
  assert.ok(!t.scopes('name').some((s) => s.endsWith(OWN)), 'code after the comment is code');
  assert.deepEqual(t.scopesOver('member override: not personal').filter((s) => s.endsWith(OWN)), []);
});

test('an unknown value of a closed vocabulary gets no value scope (the tag keeps its scope)', async () => {
  const t = await Tokenized.of('/** @residency jp-onyl @category contacts @encrypts rot13 @access internal-japan */\nlet v;');
  assert.deepEqual(t.scopes('residency'), ['source.ts', DOC, TAG]);
  for (const typo of ['jp-onyl', 'contacts', 'rot13', 'internal-japan']) {
    assert.deepEqual(t.scopesOver(typo).filter((s) => VALUE_SCOPES.includes(s)), [], typo);
  }
});

test('the grammar finds exactly the tag values that the annotation parser reads', async () => {
  const comments = [
    "/** A user's account. @residency jp-with-basis @access internal-jp, contractor-domestic @category contact */",
    '/**\n * Saves it.\n * @region aws:ap-northeast-2 in Seoul\n * @recipient naver @readable-by a, b c\n * @basis consent-1 law-2\n * @encrypts e2e\n * @anonymizes\n */',
    '/**@residency jp-only*/',
    '/** @param value the value @exposes-to cms-vendor */',
  ];
  for (const comment of comments) {
    const text = `${comment}\nexport const v = 1;`;
    const t = await Tokenized.of(text);
    const lineStarts = [0, ...[...text].flatMap((ch, i) => (ch === '\n' ? [i + 1] : []))];
    const fromGrammar = t.tokens
      .filter((tok) => tok.scopes.some((s) => VALUE_SCOPES.includes(s)))
      .map((tok) => `${lineStarts[tok.line] + tok.start}-${lineStarts[tok.line] + tok.end}`);
    const fromParser = parseTags(text, 0, comment.length)
      .filter((tag) => TAGS.has(tag.name))
      .flatMap((tag) => tag.values.map((v) => `${v.start}-${v.end}`));
    assert.deepEqual(fromGrammar, fromParser, comment);
  }
});

// ---------------------------------------------------------------------------------------------------
// The suppression directive

test('the directive with one rule and a reason in a // comment', async () => {
  const t = await Tokenized.of('// residency-guard-disable-next-line JPR001 -- consent record CR-2022-07 covers KR\nsend(user.phone);');
  const line = ['source.ts', 'comment.line.double-slash.ts', META];
  assert.deepEqual(t.scopes('residency-guard-disable-next-line'), [...line, DIRECTIVE]);
  assert.deepEqual(t.scopes('JPR001'), [...line, RULE]);
  assert.deepEqual(t.scopes('--'), [...line, DASHES]);
  assert.deepEqual(t.scopes(' consent record CR-2022-07 covers KR'), [...line, REASON]);
  assert.deepEqual(t.scopes('//'), ['source.ts', 'comment.line.double-slash.ts', 'punctuation.definition.comment.ts']);
  assertNoOwnScopesOnLine(t, 1);
});

function assertNoOwnScopesOnLine(t: Tokenized, line: number): void {
  const own = t.tokens.filter((tok) => tok.line === line).flatMap((tok) => tok.scopes.filter((s) => s.endsWith(OWN)));
  assert.deepEqual(own, [], t.dump());
}

test('the directive with several rules, comma or space separated, after code on the line', async () => {
  const t = await Tokenized.of('foo(); // residency-guard-disable-next-line JPR001, JPR005 JPR010 -- the vendor is covered by DPA-7\nbar();');
  const line = ['source.ts', 'comment.line.double-slash.ts', META];
  for (const rule of ['JPR001', 'JPR005', 'JPR010']) assert.deepEqual(t.scopes(rule), [...line, RULE], rule);
  assert.deepEqual(t.scopes(','), [...line, COMMA]);
  assert.deepEqual(t.scopes(' the vendor is covered by DPA-7'), [...line, REASON]);
  assert.deepEqual(t.scopes('foo'), ['source.ts', 'meta.function-call.ts', 'entity.name.function.ts']);
});

test('every rule id is scoped as a rule id; other words before -- are not', async () => {
  const t = await Tokenized.of(`// residency-guard-disable-next-line ${RULE_IDS.join(', ')} JPR1 XYZ001 -- r\nx();`);
  for (const rule of RULE_IDS) assert.deepEqual(t.scopes(rule).at(-1), RULE, rule);
  for (const other of ['JPR1', 'XYZ001']) assert.deepEqual(t.scopesOver(other), ['source.ts', 'comment.line.double-slash.ts', META], other);
});

test('the directive in a /* */ comment, on its first line or on the first line after a blank one', async () => {
  const t = await Tokenized.of('/* residency-guard-disable-next-line JPR002 -- logged only */ send(x);\n/*\n * residency-guard-disable-next-line JPR003 -- a reason\n * that goes on\n */\nsend(y);');
  const block = ['source.ts', 'comment.block.ts', META];
  assert.deepEqual(t.scopes('residency-guard-disable-next-line', 0), [...block, DIRECTIVE]);
  assert.deepEqual(t.scopes('JPR002'), [...block, RULE]);
  assert.deepEqual(t.scopes(' logged only'), [...block, REASON]);
  assert.deepEqual(t.scopes(' ', 5), block, 'the space before */ is not part of the reason');
  assert.deepEqual(t.scopes('*/', 0), ['source.ts', 'comment.block.ts', 'punctuation.definition.comment.ts']);
  assert.deepEqual(t.scopes('residency-guard-disable-next-line', 1), [...block, DIRECTIVE]);
  assert.deepEqual(t.scopes('JPR003'), [...block, RULE]);
  assert.deepEqual(t.scopes(' a reason'), [...block, REASON]);
  assertNoOwnScopesOnLine(t, 5);
});

test('the grammar marks a directive exactly where the suppression parser reads one', async () => {
  const cases: Array<[string, boolean]> = [
    ['// residency-guard-disable-next-line JPR001 -- r', true],
    ['//residency-guard-disable-next-line JPR001 -- r', true],
    ['/** residency-guard-disable-next-line JPR001 -- r */', true],
    ['/* residency-guard-disable-next-line JPR001 -- r */', true],
    ['/*\n   residency-guard-disable-next-line JPR001 -- r\n */', true],
    ['// residency-guard-disable-next-line JPR001', true],
    ['// note: residency-guard-disable-next-line JPR001 -- r', false],
    ['// residency-guard-disable-next-lines JPR001 -- r', false],
    ['/* see\n * residency-guard-disable-next-line JPR001 -- r */', false],
    ['// eslint-disable-next-line no-console', false],
  ];
  for (const [comment, isDirective] of cases) {
    const text = `${comment}\nsend(x);\n`;
    const sf = ts.createSourceFile('a.ts', text, ts.ScriptTarget.Latest, true);
    const parsed = parseSuppressions(sf);
    assert.equal(parsed.suppressions.length + parsed.problems.length > 0, isDirective, `parser: ${comment}`);
    const t = await Tokenized.of(text);
    assert.equal(t.allScopes().includes(DIRECTIVE), isDirective, `grammar: ${comment}\n${t.dump()}`);
  }
});

// ---------------------------------------------------------------------------------------------------
// Negative cases: nothing outside doc comments (tags) or comments (directive)

test('the same text in string literals gets none of the scopes', async () => {
  const t = await Tokenized.of([
    'const a = "@residency jp-only @recipient naver";',
    "const b = '/** @category contact */';",
    'const c = "// residency-guard-disable-next-line JPR001 -- reason";',
  ].join('\n'));
  assertNoOwnScopes(t);
  assert.deepEqual(t.scopes('@residency jp-only @recipient naver'), ['source.ts', 'meta.var.expr.ts', 'string.quoted.double.ts']);
});

test('the same text in template literals (single- and multi-line) gets none of the scopes', async () => {
  const t = await Tokenized.of([
    'const a = `@residency jp-only ${user.name} @access internal-jp`;',
    'const b = `',
    '/** @region aws:ap-northeast-2 @basis consent */',
    '// residency-guard-disable-next-line JPR001 -- reason',
    '`;',
  ].join('\n'));
  assertNoOwnScopes(t);
  assert.ok(t.scopes('@residency jp-only ').includes('string.template.ts'));
});

test('code, decorators, identifiers, regular expressions and JSX text get none of the scopes', async () => {
  const code = [
    'const residency = "x"; let category = residency;',
    '@residency class Store {}',
    'const re = /@residency jp-only/;',
    'const jsxLike = region - recipient;',
  ].join('\n');
  assertNoOwnScopes(await Tokenized.of(code));
  assertNoOwnScopes(await Tokenized.of('const el = <div>@residency jp-only residency-guard-disable-next-line JPR001 -- x</div>;', 'source.tsx'));
});

test('tags in // and /* */ comments are not annotations and get none of the scopes', async () => {
  const t = await Tokenized.of([
    '// @residency jp-only @category contact',
    '/* @region aws:ap-northeast-2 @recipient naver */',
    '/*',
    ' * @access internal-jp',
    ' */',
    'let v;',
  ].join('\n'));
  assertNoOwnScopes(t);
});

test('ordinary JSDoc tags keep their JSDoc scopes and get none of ours', async () => {
  const text = [
    '/**',
    ' * Stores the value.',
    ' * @param {string} residency the residency jp-only of the value',
    ' * @param category the category',
    ' * @returns {Promise<void>} nothing',
    ' * @see {@link region}',
    ' * @deprecated use put',
    ' * @example',
    ' * store("x")',
    ' */',
    'function store(residency: string, category: string) {}',
  ].join('\n');
  const t = await Tokenized.of(text);
  assertNoOwnScopes(t);
  assert.deepEqual(t.scopes('param', 0), ['source.ts', DOC, 'storage.type.class.jsdoc']);
  assert.deepEqual(t.scopes('returns'), ['source.ts', DOC, 'storage.type.class.jsdoc']);
  assert.deepEqual(t.scopes('residency', 0), ['source.ts', DOC, 'variable.other.jsdoc']);
  assert.deepEqual(t.scopes('deprecated'), ['source.ts', DOC, 'storage.type.class.jsdoc']);
});

test('look-alikes in doc comments are not tags: e-mail addresses, inline tags, longer tag names', async () => {
  const t = await Tokenized.of('/** Mail ops@residency.example, see {@link residency}, @residency-map x, @regions KR, @basisX y */\nlet v;');
  assertNoOwnScopes(t);
});

// ---------------------------------------------------------------------------------------------------
// The other languages

test('TSX, JavaScript and JSX get the same scopes', async () => {
  const suffix: Record<string, string> = { 'source.ts': 'ts', 'source.tsx': 'tsx', 'source.js': 'js', 'source.js.jsx': 'js.jsx' };
  for (const lang of LANGUAGES) {
    const text = [
      '/** @residency jp-only @recipient naver */',
      'export function f(x) {',
      '  // residency-guard-disable-next-line JPR004 -- reason',
      '  return send(x, "@residency jp-only");',
      '}',
    ].join('\n');
    const t = await Tokenized.of(text, lang);
    const ext = suffix[lang];
    assert.deepEqual(t.scopes('jp-only', 0), [lang, `comment.block.documentation.${ext}`, RESIDENCY], lang);
    assert.deepEqual(t.scopes('naver'), [lang, `comment.block.documentation.${ext}`, PARTY], lang);
    assert.deepEqual(t.scopes('JPR004').slice(-2), [META, RULE], lang);
    assertNoOwnScopesOnLine(t, 3);
  }
});

test('JSX: a directive in a {/* */} comment is scoped, the same text as JSX text is not', async () => {
  for (const lang of ['source.tsx', 'source.js.jsx']) {
    const text = [
      'const el = (',
      '  <div>',
      '    {/* residency-guard-disable-next-line JPR006 -- shown to the user only */}',
      '    <Profile phone={user.phone} />',
      '    residency-guard-disable-next-line JPR007 -- text',
      '  </div>',
      ');',
    ].join('\n');
    const t = await Tokenized.of(text, lang);
    assert.deepEqual(t.scopes('JPR006').slice(-2), [META, RULE], lang);
    assertNoOwnScopesOnLine(t, 4);
  }
});
