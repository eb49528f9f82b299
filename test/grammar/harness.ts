/**
 * Tokenises source text the way VS Code does: the base TypeScript/JavaScript grammars (from the
 * `tm-grammars` dev dependency) plus every grammar that this package's `package.json` contributes,
 * injected through their `injectTo`, on the Oniguruma regex engine that VS Code uses.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface ContributedGrammar {
  readonly scopeName: string;
  readonly path: string;
  readonly language?: string;
  readonly injectTo?: readonly string[];
}

/** The base grammars, by the scope name under which VS Code's built-in extensions register them. */
const BASE_GRAMMARS: Readonly<Record<string, string>> = {
  'source.ts': 'typescript.json',
  'source.tsx': 'tsx.json',
  'source.js': 'javascript.json',
  'source.js.jsx': 'jsx.json',
};

export const LANGUAGES = Object.keys(BASE_GRAMMARS);

export function contributedGrammars(): ContributedGrammar[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes?: { grammars?: ContributedGrammar[] } };
  return pkg.contributes?.grammars ?? [];
}

function baseGrammarFile(scopeName: string): string | undefined {
  const file = BASE_GRAMMARS[scopeName];
  return file === undefined ? undefined : require.resolve(`tm-grammars/grammars/${file}`);
}

let registry: Promise<vsctm.Registry> | undefined;

function createRegistry(): Promise<vsctm.Registry> {
  registry ??= (async () => {
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma/package.json')), 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const contributed = contributedGrammars();
    return new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        const own = contributed.find((g) => g.scopeName === scopeName);
        const file = own ? path.join(ROOT, own.path) : baseGrammarFile(scopeName);
        if (file === undefined) return null;
        return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      },
      getInjections: (scopeName: string) => contributed.filter((g) => g.injectTo?.includes(scopeName)).map((g) => g.scopeName),
    });
  })();
  return registry;
}

export interface Token {
  /** 0-based line and the token's columns in it. */
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

const grammars = new Map<string, Promise<vsctm.IGrammar>>();

async function grammarFor(scopeName: string): Promise<vsctm.IGrammar> {
  let grammar = grammars.get(scopeName);
  if (!grammar) {
    grammar = createRegistry().then(async (r) => {
      const g = await r.loadGrammar(scopeName);
      if (!g) throw new Error(`no grammar for ${scopeName}`);
      return g;
    });
    grammars.set(scopeName, grammar);
  }
  return grammar;
}

export async function tokenize(source: string, scopeName = 'source.ts'): Promise<Token[]> {
  const grammar = await grammarFor(scopeName);
  const tokens: Token[] = [];
  let state = vsctm.INITIAL;
  source.split(/\r\n|\r|\n/).forEach((text, line) => {
    const result = grammar.tokenizeLine(text, state, 1000);
    if (result.stoppedEarly) throw new Error(`tokenising line ${line + 1} stopped early`);
    result.tokens.forEach((t, k) => {
      const end = k + 1 < result.tokens.length ? result.tokens[k + 1].startIndex : text.length;
      if (end > t.startIndex) tokens.push({ line, start: t.startIndex, end, text: text.slice(t.startIndex, end), scopes: t.scopes });
    });
    state = result.ruleStack;
  });
  return tokens;
}

/** A tokenised source with look-ups by text. */
export class Tokenized {
  private constructor(
    readonly source: string,
    readonly tokens: readonly Token[],
  ) {}

  static async of(source: string, scopeName = 'source.ts'): Promise<Tokenized> {
    return new Tokenized(source, await tokenize(source, scopeName));
  }

  /**
   * The token that is exactly `text`, at its `occurrence`-th (0-based) appearance in the source.
   * Throws when the text there is split into several tokens or is part of a larger one.
   */
  token(text: string, occurrence = 0): Token {
    const found = this.covering(text, occurrence);
    if (found.length !== 1 || found[0].text !== text) {
      throw new Error(`"${text}" (#${occurrence}) is not one token: ${JSON.stringify(found.map((t) => [t.text, t.scopes]))}`);
    }
    return found[0];
  }

  /** The scopes of the exact token `text`. */
  scopes(text: string, occurrence = 0): readonly string[] {
    return this.token(text, occurrence).scopes;
  }

  /** Every scope of every token that overlaps `text` at its `occurrence`-th appearance. */
  scopesOver(text: string, occurrence = 0): string[] {
    return [...new Set(this.covering(text, occurrence).flatMap((t) => t.scopes))];
  }

  /** Every scope anywhere in the source. */
  allScopes(): string[] {
    return [...new Set(this.tokens.flatMap((t) => t.scopes))];
  }

  private covering(text: string, occurrence: number): Token[] {
    let at = -1;
    for (let k = 0; k <= occurrence; k++) {
      at = this.source.indexOf(text, at + 1);
      if (at < 0) throw new Error(`"${text}" occurs fewer than ${occurrence + 1} times`);
    }
    const before = this.source.slice(0, at).split(/\r\n|\r|\n/);
    const line = before.length - 1;
    const start = before[line].length;
    const end = start + text.length;
    if (text.includes('\n')) throw new Error('look-ups are within one line');
    return this.tokens.filter((t) => t.line === line && t.start < end && t.end > start);
  }

  /** A readable dump, for failure messages and debugging. */
  dump(): string {
    return this.tokens.map((t) => `${t.line}:${t.start} ${JSON.stringify(t.text)} ${t.scopes.join(' ')}`).join('\n');
  }
}
