/**
 * Tests of the doc-comment tag reader: tag detection, value tokens and exact offsets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTags, toTag, type RawTag } from '../../src/core/annotations/tagParser';
import { LineMap } from '../../src/core/text/positions';

/** Tags of the first doc comment in `text`. */
function tagsOf(text: string): RawTag[] {
  const start = text.indexOf('/**');
  const close = text.indexOf('*/', start + 3);
  return parseTags(text, start, close < 0 ? text.length : close + 2);
}

/** Compact form: name@start-end=[value@start-end, …]. */
function show(tags: readonly RawTag[]): string[] {
  return tags.map((t) => {
    const values = t.values.map((v) => `${v.text}@${v.start}-${v.end}`).join(', ');
    return `${t.name}@${t.start}-${t.nameEnd}-${t.end}=[${values}]`;
  });
}

test('a tag after description text on the same line', () => {
  const text = "/** A Japanese user's account. @residency jp-with-basis */";
  assert.deepEqual(show(tagsOf(text)), ['residency@31-41-55=[jp-with-basis@42-55]']);
});

test('a tag at the very start of the body and a value right before */', () => {
  assert.deepEqual(show(tagsOf('/**@residency jp-only*/')), ['residency@3-13-21=[jp-only@14-21]']);
});

test('two tags on one line: the value stops at the next tag', () => {
  const text = '/** @residency jp-only @category message-content */';
  assert.deepEqual(show(tagsOf(text)), [
    'residency@4-14-22=[jp-only@15-22]',
    'category@23-32-48=[message-content@33-48]',
  ]);
});

test('arity one: only the first token is the value, the rest is description', () => {
  const text = '/** @recipient dalian-ops is the Dalian contractor */';
  assert.deepEqual(show(tagsOf(text)), ['recipient@4-14-25=[dalian-ops@15-25]']);
});

test('arity list: every token to the end of the line, separated by spaces and/or commas', () => {
  const text = [
    '/**',
    ' * Stores media.',
    ' * @readable-by dalian-ops, self  ,line-plus',
    ' * @access internal-jp',
    ' */',
  ].join('\n');
  const tags = tagsOf(text);
  assert.deepEqual(show(tags), [
    'readable-by@24-36-65=[dalian-ops@37-47, self@49-53, line-plus@56-65]',
    'access@69-76-88=[internal-jp@77-88]',
  ]);
  assert.equal(text.slice(56, 65), 'line-plus');
  assert.equal(text.slice(69, 76), '@access');
});

test('arity none: no values, the tag ends with its name', () => {
  assert.deepEqual(show(tagsOf('/** @anonymizes the output */')), ['anonymizes@4-15-15=[]']);
});

test('a value on the next line does not belong to the tag', () => {
  const text = '/**\n * @residency\n *   jp-only\n */';
  assert.deepEqual(show(tagsOf(text)), ['residency@7-17-17=[]']);
});

test('{@link …}, e-mail addresses and `@code` are not tags; other JSDoc tags are read without values', () => {
  const text = '/** See {@link Foo} or mail a@b.example, not `@residency`. @param x the thing @returns y */';
  assert.deepEqual(show(tagsOf(text)), ['param@59-65-65=[]', 'returns@78-86-86=[]']);
});

test('inline {@link} inside a list value is skipped', () => {
  const text = '/** @readable-by dalian-ops {@link Ops} self */';
  assert.deepEqual(show(tagsOf(text)), ['readable-by@4-16-44=[dalian-ops@17-27, self@40-44]']);
});

test('tags inside a fenced code block are example text', () => {
  const text = ['/**', ' * ```ts', ' * /** @residency jp-only *\\/', ' * ```', ' * @category contact', ' */'].join('\n');
  assert.deepEqual(show(tagsOf(text)), ['category@53-62-70=[contact@63-70]']);
  assert.equal(text.slice(53, 70), '@category contact');
});

test('CRLF line ends end the values', () => {
  const text = '/**\r\n * @access internal-jp\r\n * @category contact\r\n */';
  assert.deepEqual(show(tagsOf(text)), ['access@8-15-27=[internal-jp@16-27]', 'category@32-41-49=[contact@42-49]']);
});

test('offsets are absolute in the file text', () => {
  const text = 'const a = 1;\n/** @category contact */ let b;';
  assert.deepEqual(show(tagsOf(text)), ['category@17-26-34=[contact@27-34]']);
});

test('toTag turns offsets into 1-based Locs with exclusive end columns', () => {
  const text = 'let x;\n/**\n * @readable-by a, b\n */';
  const lines = new LineMap(text);
  const tag = toTag(tagsOf(text)[0], (s, e) => lines.loc('/w/f.ts', s, e));
  assert.deepEqual(tag, {
    name: 'readable-by',
    values: [
      { text: 'a', loc: { file: '/w/f.ts', line: 3, column: 17, endLine: 3, endColumn: 18 } },
      { text: 'b', loc: { file: '/w/f.ts', line: 3, column: 20, endLine: 3, endColumn: 21 } },
    ],
    loc: { file: '/w/f.ts', line: 3, column: 4, endLine: 3, endColumn: 21 },
    nameLoc: { file: '/w/f.ts', line: 3, column: 4, endLine: 3, endColumn: 16 },
  });
});

test('a tag at the start of a comment line without a leading star is read', () => {
  const text = '/**\n@residency jp-only\n */';
  const tags = parseTags(text, 0, text.length);
  assert.deepEqual(tags.map((t) => [t.name, t.values.map((v) => v.text)]), [['residency', ['jp-only']]]);
});
