/**
 * The TextMate tokens of a file as the VS Code host tokenises it, as `{ c: text, t: scopes }` — the shape
 * of VS Code's internal `_workbench.captureSyntaxTokens` command (used by VS Code's colorization tests).
 *
 * That command is registered by the desktop workbench only: under @vscode/test-electron it is used
 * directly. The web workbench of the offline host (VS Code 1.100.3 server + Chromium) lacks it, and
 * tokens never cross to the extension host otherwise; there the file is tokenised with the host's own
 * tokenizer — the `vscode-textmate` and `vscode-oniguruma` (and its onig.wasm) that VS Code ships under
 * `vscode.env.appRoot` and loads for its editors — over the grammars the host's extensions contribute
 * (the built-in TypeScript grammar and JSDoc injections, this extension's injection grammars from its
 * registered package.json), wired as VS Code's grammar registry wires them: the grammar of the
 * document's language, and `injectTo` for injections.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type * as Oniguruma from 'vscode-oniguruma';
import type * as TextMate from 'vscode-textmate';

export interface SyntaxToken {
  /** The token's text. */
  readonly c: string;
  /** Its scopes, outermost first, separated by spaces. */
  readonly t: string;
}

export const CAPTURE_COMMAND = '_workbench.captureSyntaxTokens';

interface GrammarContribution {
  readonly scopeName: string;
  readonly path: string;
  readonly language?: string;
  readonly injectTo?: readonly string[];
}

interface HostGrammar extends GrammarContribution {
  readonly extension: string;
  readonly file: string;
}

/** Every grammar contributed by an extension the host has loaded, with its absolute file. */
export function hostGrammars(): HostGrammar[] {
  return vscode.extensions.all.flatMap((ext) => {
    const contributes = (ext.packageJSON as { contributes?: { grammars?: GrammarContribution[] } }).contributes;
    return (contributes?.grammars ?? []).map((g) => ({ ...g, extension: ext.id, file: path.join(ext.extensionPath, g.path) }));
  });
}

/** The tokens of a file: via the workbench command where it exists, else via the host's tokenizer. */
export async function captureSyntaxTokens(uri: vscode.Uri): Promise<{ tokens: SyntaxToken[]; via: string }> {
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes(CAPTURE_COMMAND)) {
    const tokens = await vscode.commands.executeCommand<SyntaxToken[]>(CAPTURE_COMMAND, uri);
    return { tokens, via: CAPTURE_COMMAND };
  }
  const document = await vscode.workspace.openTextDocument(uri);
  return { tokens: await tokenizeWithHost(document), via: `the host's vscode-textmate (${vscode.env.appRoot})` };
}

let registry: Promise<TextMate.Registry> | undefined;

function hostModule<T>(name: string): T {
  return require(path.join(vscode.env.appRoot, 'node_modules', name)) as T;
}

function hostRegistry(): Promise<TextMate.Registry> {
  registry ??= (async () => {
    const textmate = hostModule<typeof TextMate>('vscode-textmate');
    const oniguruma = hostModule<typeof Oniguruma>('vscode-oniguruma');
    const wasm = fs.readFileSync(path.join(vscode.env.appRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const grammars = hostGrammars();
    return new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        const grammar = grammars.filter((g) => g.scopeName === scopeName).pop();
        if (!grammar) return null;
        return textmate.parseRawGrammar(fs.readFileSync(grammar.file, 'utf8'), grammar.file);
      },
      getInjections: (scopeName: string) => grammars.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName),
    });
  })();
  return registry;
}

async function tokenizeWithHost(document: vscode.TextDocument): Promise<SyntaxToken[]> {
  const base = hostGrammars().filter((g) => g.language === document.languageId).pop();
  if (!base) throw new Error(`no extension of the host contributes a grammar for ${document.languageId}`);
  const grammar = await (await hostRegistry()).loadGrammar(base.scopeName);
  if (!grammar) throw new Error(`the host cannot load ${base.scopeName} from ${base.extension}`);
  const tokens: SyntaxToken[] = [];
  let state: TextMate.StateStack | null = null;
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    const result = grammar.tokenizeLine(text, state);
    result.tokens.forEach((token, k) => {
      const end = k + 1 < result.tokens.length ? result.tokens[k + 1].startIndex : text.length;
      const c = text.slice(token.startIndex, end);
      if (c.length > 0) tokens.push({ c, t: token.scopes.join(' ') });
    });
    state = result.ruleStack;
  }
  return tokens;
}
