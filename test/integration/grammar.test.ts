/**
 * Behaviour 7 (issue 4): in the VS Code host, an annotation tag and its value in a doc comment, and the
 * rule id of a suppression directive, carry the injection grammars' scopes — on top of the host's own
 * TypeScript grammar and JSDoc injections — while the same text in string literals carries none of
 * them. The sample file is written by the suite and deleted afterwards.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, deleteFile, EXTENSION_ID, fileUri, writeFile } from './helpers';
import { captureSyntaxTokens, hostGrammars } from './syntaxTokens';
import type { SyntaxToken } from './syntaxTokens';

const OWN = '.residency-guard';
const DOC = 'source.ts comment.block.documentation.ts';
const TAG = 'storage.type.class.residency-guard';
const AT = 'punctuation.definition.block.tag.residency-guard';
const LINE_COMMENT = 'source.ts comment.line.double-slash.ts meta.directive.suppression.residency-guard';

const SAMPLE = [
  '/**',
  ' * Contact details of a user in Japan.',
  ' * @residency jp-only',
  ' */',
  'export interface Contact { email: string }',
  '',
  '/** Ticket queue abroad. @recipient seoul-support */',
  'export function sendTicket(payload: unknown): void { void payload; }',
  '',
  '// residency-guard-disable-next-line JPR001 -- reviewed with legal',
  "sendTicket('demo');",
  '',
  'export const LABEL = "@residency jp-only";',
  "export const NOTE = '@recipient seoul-support';",
  'export const TEMPLATE = `@residency jp-only`;',
  '',
].join('\n');

describe('syntax highlighting of annotations', () => {
  const sample = (): vscode.Uri => fileUri('src', 'grammarSample.ts');
  let tokens: SyntaxToken[] = [];

  before(async () => {
    await activateExtension();
    await writeFile(sample(), SAMPLE);
    const captured = await captureSyntaxTokens(sample());
    console.log(`    (tokens via ${captured.via})`);
    tokens = captured.tokens;
    assert.ok(tokens.length > 0, 'no tokens');
  });
  after(() => deleteFile(sample()));

  function dump(): string {
    return tokens.map((t) => `${JSON.stringify(t.c)} ${t.t}`).join('\n');
  }

  /** The scopes of the `occurrence`-th (0-based) token whose text is exactly `text`. */
  function scopes(text: string, occurrence = 0): string {
    const found = tokens.filter((t) => t.c === text);
    assert.ok(found.length > occurrence, `no token ${JSON.stringify(text)} #${occurrence}:\n${dump()}`);
    return found[occurrence].t;
  }

  it('the host has registered both injection grammars for TypeScript, TSX, JavaScript and JSX', () => {
    const ours = hostGrammars().filter((g) => g.extension.toLowerCase() === EXTENSION_ID);
    assert.deepStrictEqual(ours.map((g) => g.scopeName).sort(), ['annotations.injection.residency-guard', 'directive.injection.residency-guard']);
    for (const g of ours) assert.deepStrictEqual([...(g.injectTo ?? [])].sort(), ['source.js', 'source.js.jsx', 'source.ts', 'source.tsx']);
    assert.ok(hostGrammars().some((g) => g.language === 'typescript' && g.scopeName === 'source.ts'), 'the built-in TypeScript grammar');
  });

  it('a tag and its value in a doc comment carry the grammar\'s scopes', () => {
    assert.strictEqual(scopes('@', 0), `${DOC} ${TAG} ${AT}`, dump());
    assert.strictEqual(scopes('residency'), `${DOC} ${TAG}`, dump());
    assert.strictEqual(scopes('jp-only'), `${DOC} constant.language.residency-class.residency-guard`, dump());
    assert.strictEqual(scopes('@', 1), `${DOC} ${TAG} ${AT}`, dump());
    assert.strictEqual(scopes('recipient'), `${DOC} ${TAG}`, dump());
    assert.strictEqual(scopes('seoul-support'), `${DOC} variable.other.party.residency-guard`, dump());
    assert.strictEqual(scopes(' Contact details of a user in Japan.'), DOC, 'description text stays plain');
  });

  it('the suppression directive and its rule id carry the grammar\'s scopes', () => {
    assert.strictEqual(scopes('residency-guard-disable-next-line'), `${LINE_COMMENT} keyword.other.directive.suppression.residency-guard`, dump());
    assert.strictEqual(scopes('JPR001'), `${LINE_COMMENT} constant.other.rule-id.residency-guard`, dump());
  });

  it('the same text in string literals carries none of them', () => {
    assert.strictEqual(scopes('@residency jp-only', 0), 'source.ts meta.var.expr.ts string.quoted.double.ts', dump());
    assert.strictEqual(scopes('@recipient seoul-support'), 'source.ts meta.var.expr.ts string.quoted.single.ts', dump());
    assert.strictEqual(scopes('@residency jp-only', 1), 'source.ts meta.var.expr.ts string.template.ts', dump());
    const strings = tokens.slice(tokens.findIndex((t) => t.c === 'LABEL'));
    assert.ok(strings.length > 0 && strings.every((t) => !t.t.includes(OWN)), dump());
  });
});
