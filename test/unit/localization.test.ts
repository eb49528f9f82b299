/**
 * No user-visible string of the extension or the language server is English-only (issue 19), beyond what
 * nls.test.ts checks (the l10n bundle and the manifest's %key% references): src/extension shows no English
 * sentence outside `vscode.l10n.t`, every text of package.json (walkthroughs and the description included)
 * is a `%key%` with a Japanese value, and every entry of the server's text table has Japanese.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts = require('typescript');
import { TEXTS } from '../../src/server/texts';

const REPO = path.resolve(__dirname, '../../..');
/** Hiragana, katakana or a CJK ideograph. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
/** Two English words in a row: a sentence or phrase a person reads. */
const ENGLISH = /[A-Za-z]{2,}[ ,'-]+[A-Za-z]{2,}/;
/** Texts that are names, the same in every language. */
const NAMES = new Set(['Residency Guard', 'Residency Guard: ', 'SARIF 2.1.0']);

const json = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(REPO, file), 'utf8')) as Record<string, string>;

function sourceFiles(dir: string): ts.SourceFile[] {
  return fs.readdirSync(path.join(REPO, dir)).filter((f) => f.endsWith('.ts')).map((f) => {
    const file = path.join(REPO, dir, f);
    return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  });
}

function isL10nCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && /(^|\.)l10n\.t$/.test(node.expression.getText());
}

/** String texts of a file: those passed to l10n.t, and the others (imports, types and l10n.t's own arguments left out). */
function texts(sf: ts.SourceFile): { translated: string[]; plain: { text: string; line: number }[] } {
  const translated: string[] = [];
  const plain: { text: string; line: number }[] = [];
  const visit = (node: ts.Node, inL10n: boolean): void => {
    if (ts.isImportDeclaration(node) || ts.isTypeNode(node) || ts.isExternalModuleReference(node)) return;
    if (isL10nCall(node)) {
      const [first] = node.arguments;
      if (first && ts.isStringLiteralLike(first)) translated.push(first.text);
      node.arguments.slice(1).forEach((a) => visit(a, false));
      return;
    }
    if (!inL10n && (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node))) {
      plain.push({ text: node.text, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
    }
    ts.forEachChild(node, (child) => visit(child, inL10n));
  };
  visit(sf, false);
  return { translated, plain };
}

test('the extension shows no English sentence outside l10n.t', () => {
  const english: string[] = [];
  for (const sf of sourceFiles('src/extension')) {
    for (const { text, line } of texts(sf).plain) {
      // Markup (the webview's page) is not text a person reads.
      const markup = /[<>]|'nonce-|-src /.test(text);
      if (ENGLISH.test(text) && !markup && !NAMES.has(text) && !/^[\w.$/-]+$/.test(text)) english.push(`${path.basename(sf.fileName)}:${line} ${JSON.stringify(text)}`);
    }
  }
  // The starter config is a file the user edits: its comments are English, as the schema and docs are.
  assert.deepEqual(english.filter((e) => !e.startsWith('starterConfig.ts:')), []);
});

test('every text package.json contributes is a %key% with a Japanese value', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { contributes: unknown; description: string; displayName: string };
  const en = json('package.nls.json');
  const ja = json('package.nls.ja.json');
  const VISIBLE = /^(title|description|markdownDescription|enumDescriptions|name|contents|contextualTitle|patternErrorMessage|altText|media)$/;
  const found: string[] = [];
  const walk = (value: unknown, key: string, where: string): void => {
    if (typeof value === 'string') {
      if (VISIBLE.test(key) && ENGLISH.test(value) && !NAMES.has(value) && !/^[\w.-]+$/.test(value) && !/\.(md|svg|png)$/.test(value)) found.push(`${where}: ${value}`);
      if (/^%.+%$/.test(value)) {
        const k = value.slice(1, -1);
        assert.ok(en[k] !== undefined, `package.nls.json lacks ${k}`);
        assert.ok(NAMES.has(en[k]) || JAPANESE.test(ja[k] ?? ''), `package.nls.ja.json has no Japanese for ${k}`);
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, key, `${where}[${i}]`));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => walk(v, k, `${where}.${k}`));
  };
  walk(pkg.contributes, '', 'contributes');
  walk(pkg.description, 'description', 'description');
  assert.deepEqual(found, []);
  assert.deepEqual(Object.keys(ja).sort(), Object.keys(en).sort(), 'package.nls.json and package.nls.ja.json have the same keys');
});

test('every text the language server shows has Japanese', () => {
  for (const [key, [en, ja]] of Object.entries(TEXTS)) {
    if (/[A-Za-z]{2,}/.test(en.replace(/\{\d+\}/g, '').replace(/@\w+|disclosure\.countries|APPI|GL|PRC|NIL|TODO|ISO/g, ''))) {
      assert.match(ja, JAPANESE, `${key} has no Japanese: ${ja}`);
    }
  }
});
