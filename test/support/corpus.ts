/**
 * Helpers for the robustness tests: a corpus of real files written by others (the project's own
 * node_modules), a FileHost that exposes a chosen list of files as a virtual workspace (with some texts
 * replaced, e.g. by annotated copies), the injection of annotations into such texts, and the check that a
 * reported location lies inside the text it points into.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts = require('typescript');
import { inputFromText, type FileHost, type FileStat } from '../../src/core/host';
import type { Loc } from '../../src/core/model';

// ---------------------------------------------------------------- the corpus

export interface CorpusPackage {
  /** `ajv`, `@azure/identity`. */
  readonly name: string;
  readonly dir: string;
  /** Absolute paths of the package's source files (nested node_modules included), sorted. */
  readonly files: readonly string[];
}

/** The extensions the corpus test covers (`.d.ts` ends with `.ts`). */
export const CORPUS_EXTENSIONS = ['.ts', '.tsx', '.js'];

function walk(dir: string, exts: readonly string[], out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, exts, out);
    else if (e.isFile() && exts.some((x) => e.name.endsWith(x))) out.push(p);
  }
}

/** Every package under `nodeModules` (scoped ones included, `.bin` and other dot folders left out) with its source files. */
export function corpusPackages(nodeModules: string, exts: readonly string[] = CORPUS_EXTENSIONS): CorpusPackage[] {
  const dirs: Array<{ name: string; dir: string }> = [];
  for (const e of fs.readdirSync(nodeModules, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name.startsWith('.')) continue;
    const dir = path.join(nodeModules, e.name);
    if (!e.name.startsWith('@')) {
      dirs.push({ name: e.name, dir });
      continue;
    }
    for (const s of fs.readdirSync(dir, { withFileTypes: true })) {
      if (s.isDirectory()) dirs.push({ name: `${e.name}/${s.name}`, dir: path.join(dir, s.name) });
    }
  }
  return dirs
    .map(({ name, dir }) => {
      const files: string[] = [];
      walk(dir, exts, files);
      return { name, dir, files: files.sort() };
    })
    .filter((p) => p.files.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
}

// ---------------------------------------------------------------- a virtual workspace

/** A file of a virtual workspace: a real file, or a text held in memory. */
export type VirtualEntry = { readonly real: string } | { readonly text: string };

export interface VirtualWorkspace {
  /** Absolute virtual root (no `node_modules` in it, so the engine does not drop the files). */
  readonly root: string;
  readonly host: FileHost;
  /** Root-relative paths of the source files, as the engine reports them. */
  readonly files: readonly string[];
  /** The text the engine sees for a root-relative path. */
  textOf(rel: string): string | undefined;
  /** Root-relative paths of every source file whose text the engine read. */
  readonly reads: ReadonlySet<string>;
}

/**
 * Root-relative virtual path of a real file: `node_modules` segments get a suffix, because the engine
 * leaves out every file with `/node_modules/` in its absolute path.
 */
export function virtualPath(rel: string): string {
  return rel.split(/[\\/]/).map((s) => (s === 'node_modules' ? 'node_modules_' : s)).join('/');
}

function dirStat(): FileStat {
  return { size: 0, isFile: false, isDirectory: true, isSymbolicLink: false };
}

/**
 * A FileHost that exposes exactly `entries` (root-relative path → real file or text) under `root`, plus a
 * `tsconfig.json` that lists them (so the engine analyses that list, whatever the folders are called) and
 * an optional `residency.config.json`. Paths outside `root` (the TypeScript library files the engine
 * loads) go to `base`.
 */
export function virtualWorkspace(root: string, entries: ReadonlyMap<string, VirtualEntry>, base: FileHost, config?: string): VirtualWorkspace {
  const prefix = `${root}/`;
  const files = [...entries.keys()].sort();
  const all = new Map<string, VirtualEntry>(entries);
  all.set('tsconfig.json', { text: JSON.stringify({ compilerOptions: { allowJs: true }, files }) });
  if (config !== undefined) all.set('residency.config.json', { text: config });
  const dirs = new Map<string, Set<string>>([[root, new Set()]]);
  for (const rel of all.keys()) {
    let child = `${root}/${rel}`;
    while (child !== root) {
      const parent = path.posix.dirname(child);
      if (!dirs.has(parent)) dirs.set(parent, new Set());
      dirs.get(parent)!.add(path.posix.basename(child));
      child = parent;
    }
  }
  const reads = new Set<string>();
  const entryOf = (p: string): { rel: string; entry: VirtualEntry } | undefined => {
    if (!p.startsWith(prefix)) return undefined;
    const rel = p.slice(prefix.length);
    const entry = all.get(rel);
    return entry ? { rel, entry } : undefined;
  };
  const inside = (p: string): boolean => p === root || p.startsWith(prefix);
  const textOf = (rel: string): string | undefined => {
    const entry = all.get(rel);
    if (!entry) return undefined;
    return 'text' in entry ? entry.text : base.readFile(entry.real);
  };
  const host: FileHost = {
    readInput(p, maxBytes) {
      return inside(p) || entryOf(p) ? inputFromText(host.readFile(p), maxBytes) : base.readInput(p, maxBytes);
    },
    readFile(p) {
      const found = entryOf(p);
      if (!found) return inside(p) ? undefined : base.readFile(p);
      if (entries.has(found.rel)) reads.add(found.rel);
      return textOf(found.rel);
    },
    readPrefix(p, bytes) {
      const found = entryOf(p);
      if (!found) return inside(p) ? undefined : base.readPrefix?.(p, bytes);
      const e = found.entry;
      return 'text' in e ? Buffer.from(e.text, 'utf8').subarray(0, bytes) : base.readPrefix?.(e.real, bytes);
    },
    fileExists: (p) => (inside(p) ? entryOf(p) !== undefined : base.fileExists(p)),
    directoryExists: (p) => (inside(p) ? dirs.has(p) : base.directoryExists(p)),
    readDirectory: (p) => (inside(p) ? [...(dirs.get(p) ?? [])].sort() : base.readDirectory(p)),
    stat(p) {
      if (!inside(p)) return base.stat(p);
      if (dirs.has(p)) return dirStat();
      const found = entryOf(p);
      if (!found) return undefined;
      const e = found.entry;
      return 'text' in e ? { size: Buffer.byteLength(e.text, 'utf8'), isFile: true, isDirectory: false, isSymbolicLink: false } : base.stat(e.real);
    },
    realpath: (p) => (inside(p) ? p : base.realpath(p)),
  };
  return { root, host, files, textOf, reads };
}

// ---------------------------------------------------------------- injected annotations

export const INJECTED_SOURCE_TAG = '/** @residency jp-only @category contact */ ';

/** A config with one overseas contractor, the party of the injected `@recipient` function. */
export const CORPUS_CONFIG = JSON.stringify({
  parties: { 'dalian-ops': { name: 'Dalian monitoring contractor', access: 'contractor-overseas', country: 'CN' } },
});

export interface Injection {
  readonly text: string;
  /** 1-based first and last lines of the statements that got a source tag (in the new text). */
  readonly declarations: ReadonlyArray<{ readonly line: number; readonly endLine: number }>;
  /** 1-based line of the injected call that hands a source to the `@recipient` function, when there is one. */
  readonly sinkLine: number | undefined;
}

const FLOW = [
  '/** @residency jp-only @category contact */',
  'var __rgInjectedSecret = "0120-000-000";',
  '/** Work queue of the Dalian contractor. @recipient dalian-ops */',
  'function __rgInjectedSend(value) { return value; }',
  '__rgInjectedSend(__rgInjectedSecret);',
];

function isSourceDeclaration(s: ts.Statement): boolean {
  return ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isClassDeclaration(s) || ts.isVariableStatement(s);
}

/**
 * Puts `@residency jp-only @category contact` before up to `max` top-level interfaces, type aliases,
 * classes and variable statements (right before the declaration, after any doc comment it has), and, in
 * files that are not declaration files, appends a tagged variable handed to a `@recipient` function.
 */
export function injectAnnotations(fileName: string, text: string, max = 3): Injection {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : fileName.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const statements = sf.statements.filter(isSourceDeclaration).slice(0, max);
  let out = text;
  for (const offset of statements.map((s) => s.getStart(sf)).sort((a, b) => b - a)) out = out.slice(0, offset) + INJECTED_SOURCE_TAG + out.slice(offset);
  // The tag adds no line break: the statements keep their lines.
  const declarations = statements.map((s) => ({ line: sf.getLineAndCharacterOfPosition(s.getStart(sf)).line + 1, endLine: sf.getLineAndCharacterOfPosition(s.end).line + 1 }));
  if (sf.isDeclarationFile) return { text: out, declarations, sinkLine: undefined };
  const head = `${out}\n;\n`;
  const sinkLine = lineCount(head) + FLOW.length - 1;
  return { text: `${head}${FLOW.join('\n')}\n`, declarations, sinkLine };
}

// ---------------------------------------------------------------- locations

/** Line starts as editors and LSP count them, in every output (\n, \r\n, \r; not U+2028/U+2029). */
export function lineStarts(text: string): number[] {
  return jsonLineStarts(text);
}

export function lineCount(text: string): number {
  return lineStarts(text).length;
}

/**
 * Why `loc` is not a valid location in `text` (undefined when it is): 1 ≤ line ≤ lines of the text,
 * 1 ≤ column ≤ length of its line + 1, the end not before the start and inside the text too.
 * `starts` are the text's line starts (TypeScript's line breaks by default).
 */
export function locationError(loc: Loc, text: string, starts: readonly number[] = lineStarts(text)): string | undefined {
  const lineLength = (line: number): number => {
    const start = starts[line - 1];
    if (line >= starts.length) return text.length - start;
    const next = starts[line];
    // The line break that ends this line: \r\n, or one character.
    const crlf = next - start >= 2 && text.charCodeAt(next - 1) === 10 && text.charCodeAt(next - 2) === 13;
    return next - (crlf ? 2 : 1) - start;
  };
  const where = `${loc.line}:${loc.column}-${loc.endLine}:${loc.endColumn}`;
  const ints = [loc.line, loc.column, loc.endLine, loc.endColumn].every((n) => Number.isInteger(n));
  if (!ints) return `${where}: not integers`;
  if (loc.line < 1 || loc.line > starts.length) return `${where}: line outside 1..${starts.length}`;
  if (loc.endLine < loc.line || loc.endLine > starts.length) return `${where}: end line outside ${loc.line}..${starts.length}`;
  if (loc.column < 1 || loc.column > lineLength(loc.line) + 1) return `${where}: column outside 1..${lineLength(loc.line) + 1}`;
  if (loc.endColumn < 1 || loc.endColumn > lineLength(loc.endLine) + 1) return `${where}: end column outside 1..${lineLength(loc.endLine) + 1}`;
  if (loc.endLine === loc.line && loc.endColumn < loc.column) return `${where}: ends before it starts`;
  return undefined;
}

/** Line starts as the config loader (and every other location) counts them (\n, \r\n, \r). */
export function jsonLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

// ---------------------------------------------------------------- measurements

export interface Usage {
  readonly ms: number;
  /** Peak resident set size seen while sampling, in MB. */
  readonly rssMb: number;
  readonly heapUsedMb: number;
}

export function mb(bytes: number): number {
  return Math.round(bytes / 1048576);
}

/** Runs `fn`, measuring its wall time and the process's memory afterwards. */
export function measure<T>(fn: () => T): { value: T; usage: Usage } {
  const started = process.hrtime.bigint();
  const value = fn();
  const ms = Number((process.hrtime.bigint() - started) / 1000000n);
  const m = process.memoryUsage();
  return { value, usage: { ms, rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed) } };
}
