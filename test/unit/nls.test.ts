/**
 * Tests of the extension's localisation: the manifest strings (package.json's `%key%` references,
 * package.nls.json in English and package.nls.ja.json in Japanese) and the runtime strings (every
 * `vscode.l10n.t('…')` call in src/extension, translated in l10n/bundle.l10n.ja.json). The calls are found
 * with the TypeScript parser, so a string that is not a literal fails the test instead of being skipped.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/** out/test/unit → the repository root. */
const REPO = path.resolve(__dirname, '../../..');
const EXTENSION_SOURCES = path.join(REPO, 'src', 'extension');

/** The product name, the one value a Japanese text may leave in English as it is. */
const PRODUCT_NAME = 'Residency Guard';
/** Hiragana, katakana (and the long vowel mark), CJK ideographs and full-width forms. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]/;

type Strings = Readonly<Record<string, string>>;

function readJson(...parts: string[]): unknown {
  return JSON.parse(fs.readFileSync(path.join(REPO, ...parts), 'utf8'));
}

function readStrings(...parts: string[]): Strings {
  const value = readJson(...parts);
  assert.ok(typeof value === 'object' && value !== null && !Array.isArray(value), `${parts.join('/')} is an object`);
  for (const [key, text] of Object.entries(value)) assert.equal(typeof text, 'string', `${parts.join('/')}: "${key}" is a string`);
  return value as Strings;
}

const manifest = readJson('package.json') as Record<string, unknown> & { contributes: Record<string, unknown> };
const nlsEn = readStrings('package.nls.json');
const nlsJa = readStrings('package.nls.ja.json');

/** Every string value in a JSON value, with its JSON path ("contributes.commands[0].title"). */
function* strings(value: unknown, at: string): Generator<{ readonly at: string; readonly text: string }> {
  if (typeof value === 'string') yield { at, text: value };
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, `${at}[${i}]`);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* strings(item, at === '' ? key : `${at}.${key}`);
  }
}

/** The `%key%` references of package.json, by where they are. */
const references = [...strings(manifest, '')]
  .map(({ at, text }) => ({ at, key: /^%([^%\s]+)%$/.exec(text)?.[1] }))
  .filter((r): r is { at: string; key: string } => r.key !== undefined);

/** `{0}`, `{1}`… in a text, sorted, with repeats. */
function placeholders(text: string): string[] {
  return (text.match(/\{\d+\}/g) ?? []).sort();
}

/** What a translation must keep as it is: setting links (`#residencyGuard.run#`), command links, placeholders. */
function fixedParts(text: string): string[] {
  const settings = text.match(/#residencyGuard\.[\w.]+#/g) ?? [];
  const commands = text.match(/\(command:[^)\s]+\)/g) ?? [];
  return [...settings, ...commands, ...placeholders(text)].sort();
}

/** The translation rules common to both kinds of files: non-empty, in Japanese, with the same fixed parts. */
function checkTranslations(file: string, english: Strings, japanese: Strings): void {
  for (const [key, en] of Object.entries(english)) {
    const ja = japanese[key];
    if (ja === undefined) continue;   // reported by the same-keys assertions
    assert.notEqual(ja.trim(), '', `${file}: "${key}" is empty`);
    if (en === PRODUCT_NAME) assert.equal(ja, PRODUCT_NAME, `${file}: "${key}" is the product name`);
    else assert.match(ja, JAPANESE, `${file}: "${key}" has no Japanese text: ${JSON.stringify(ja)}`);
    assert.deepEqual(fixedParts(ja), fixedParts(en), `${file}: "${key}" keeps the placeholders and links of the English text`);
  }
}

test('package.nls.json and package.nls.ja.json have the same keys', () => {
  assert.deepEqual(Object.keys(nlsJa).sort(), Object.keys(nlsEn).sort());
});

test('every %key% of package.json is in both nls files, and every nls key is used', () => {
  assert.ok(references.length > 0, 'package.json uses %key% references');
  for (const { at, key } of references) {
    assert.ok(key in nlsEn, `${at}: %${key}% is not in package.nls.json`);
    assert.ok(key in nlsJa, `${at}: %${key}% is not in package.nls.ja.json`);
  }
  const used = new Set(references.map((r) => r.key));
  assert.deepEqual(Object.keys(nlsEn).filter((key) => !used.has(key)), [], 'package.nls.json keys that package.json does not use');
});

test('the Japanese manifest strings are non-empty Japanese and keep the English placeholders and links', () => {
  checkTranslations('package.nls.ja.json', nlsEn, nlsJa);
  for (const [key, en] of Object.entries(nlsEn)) assert.notEqual(en.trim(), '', `package.nls.json: "${key}" is empty`);
});

test('the user-visible strings of package.json contributes are all %key% references', () => {
  const visible = /^contributes\.(commands\[\d+\]\.(title|category)|views\.\w+\[\d+\]\.(name|contextualTitle)|viewsWelcome\[\d+\]\.contents|configuration\.title|configuration\.properties\..*\.(description|markdownDescription|enumDescriptions\[\d+\]|markdownEnumDescriptions\[\d+\]|patternErrorMessage|deprecationMessage|markdownDeprecationMessage)|taskDefinitions\[\d+\]\.properties\..*\.description)$/;
  const literal = [...strings(manifest.contributes, 'contributes')]
    .filter(({ at, text }) => visible.test(at) && !/^%[^%\s]+%$/.test(text));
  assert.deepEqual(literal, []);
  // The check above must see something: one entry of each kind the brief lists.
  const seen = references.map((r) => r.at);
  for (const kind of [/commands\[\d+\]\.title/, /commands\[\d+\]\.category/, /views\.explorer\[\d+\]\.name/, /viewsWelcome/, /configuration\.title/,
    /markdownDescription/, /enumDescriptions/, /taskDefinitions/]) {
    assert.ok(seen.some((at) => kind.test(at)), `a %key% reference at ${kind}`);
  }
});

/** The first argument of every `….l10n.t(…)` call in src/extension (recursively), as literals. */
function l10nStrings(): { readonly strings: Set<string>; readonly nonLiterals: string[] } {
  const found = new Set<string>();
  const nonLiterals: string[] = [];
  const files = fs.readdirSync(EXTENSION_SOURCES, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
  assert.ok(files.length > 0, 'src/extension has sources');
  for (const name of files) {
    const file = path.join(EXTENSION_SOURCES, name);
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && isL10nT(node.expression)) {
        const first = node.arguments[0];
        if (first && ts.isStringLiteralLike(first)) found.add(first.text);
        else {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          nonLiterals.push(`${name}:${line + 1}: ${node.getText(source)}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { strings: found, nonLiterals };
}

/** `vscode.l10n.t`, `l10n.t` (whatever `vscode` is imported as). */
function isL10nT(callee: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return false;
  const owner = callee.expression;
  return (ts.isIdentifier(owner) && owner.text === 'l10n') || (ts.isPropertyAccessExpression(owner) && owner.name.text === 'l10n');
}

test('package.json points at l10n/, and the folder has the Japanese bundle', () => {
  assert.equal(manifest.l10n, './l10n');
  assert.ok(fs.existsSync(path.join(REPO, 'l10n', 'bundle.l10n.ja.json')));
});

test('every vscode.l10n.t string of src/extension is in l10n/bundle.l10n.ja.json, and the bundle has no other key', () => {
  const { strings: used, nonLiterals } = l10nStrings();
  assert.deepEqual(nonLiterals, [], 'l10n.t calls whose message is not a string literal');
  assert.ok(used.size > 0, 'src/extension calls vscode.l10n.t');
  const ja = readStrings('l10n', 'bundle.l10n.ja.json');
  assert.deepEqual([...used].filter((s) => !(s in ja)), [], 'strings without a Japanese translation');
  assert.deepEqual(Object.keys(ja).filter((s) => !used.has(s)), [], 'stale keys of bundle.l10n.ja.json');
  const english = Object.fromEntries([...used].map((s) => [s, s]));
  checkTranslations('l10n/bundle.l10n.ja.json', english, ja);
  // The English bundle is optional (the English string is the key); when present it is that identity.
  const enFile = path.join(REPO, 'l10n', 'bundle.l10n.json');
  if (fs.existsSync(enFile)) assert.deepEqual(readStrings('l10n', 'bundle.l10n.json'), english, 'l10n/bundle.l10n.json maps each string to itself');
});

test('the placeholder check sees a mismatch', () => {
  assert.notDeepEqual(fixedParts('{0} of {1}'), fixedParts('{0} の {0}'));
  assert.notDeepEqual(fixedParts('see `#residencyGuard.run#`'), fixedParts('`run` を参照'));
});

test('the .vsix ships the translations', () => {
  const allow = fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8').split(/\r?\n/).map((l) => l.trim());
  assert.ok(allow.includes('!package.nls*.json'), '.vscodeignore keeps package.nls*.json');
  assert.ok(allow.includes('!l10n/**'), '.vscodeignore keeps l10n/');
});
