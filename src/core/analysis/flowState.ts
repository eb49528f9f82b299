/**
 * What the flow analysis keeps between runs (the language server's sessions): function summaries, the
 * sink hits found in each file's functions, and what each file stored into properties and module
 * variables. Everything is keyed by syntax nodes, which the TypeScript Program reuses for files whose text
 * did not change, so an edit re-analyses only the changed files and the files that import them.
 */
import type ts from 'typescript';
import type { ImportAliases } from './destinationGate';
import type { FileIndex } from './fileIndex';
import type { SinkSite, Summary } from './flowTypes';
import { join, labelKey, type Label, type Taint } from './labels';
import type { FunctionLike } from './nodes';

export interface Collected {
  readonly site: SinkSite;
  readonly labels: Map<string, Label>;
}

export class FlowState {
  /** The source files of the last run, by name: a different object means the file changed. */
  files = new Map<string, ts.SourceFile>();
  readonly summaries = new Map<FunctionLike, Summary>();
  /** Sink hits with concrete sources, by the file of the function (or module body) that found them. */
  readonly hitsByFile = new Map<string, Map<string, Collected>>();
  /** Stores into properties/variables (keyed by their declaration), by the file that made them. */
  readonly heapByFile = new Map<string, Map<ts.Node, Taint>>();
  /** Values of module-level variables' initializers, by declaration. */
  readonly globals = new Map<ts.Node, Taint>();
  /** A key of everything outside the source files that the results depend on (the config). */
  contextKey: string | undefined;
  /** Per parsed file: its syntactic index (gates, functions), and the files its module specifiers resolve to. */
  readonly indexes = new WeakMap<ts.SourceFile, FileIndex>();
  readonly imports = new WeakMap<ts.SourceFile, readonly string[]>();
  readonly importAliases = new WeakMap<ts.SourceFile, ImportAliases>();
  /** Which files read each stored property/variable (to re-analyse them when what is stored changes). */
  readonly heapReaders = new Map<ts.Node, Set<string>>();

  /** Forgets what was derived from these files. */
  dropFiles(files: ReadonlySet<string>): void {
    for (const f of files) {
      this.hitsByFile.delete(f);
      this.heapByFile.delete(f);
    }
    for (const fn of [...this.summaries.keys()]) if (files.has(fn.getSourceFile().fileName)) this.summaries.delete(fn);
    for (const d of [...this.globals.keys()]) if (files.has(d.getSourceFile().fileName)) this.globals.delete(d);
    // The re-analysed files record their reads again; keys from superseded versions of a file are gone.
    for (const [key, readers] of [...this.heapReaders]) {
      const sf = key.getSourceFile();
      const current = this.files.get(sf.fileName);
      if (current && current !== sf) this.heapReaders.delete(key);
      else for (const f of files) readers.delete(f);
    }
  }

  /** Forgets everything; with `keepHeap`, what was stored stays (another round of the same run). */
  clear(keepHeap = false): void {
    this.files = new Map();
    this.summaries.clear();
    this.hitsByFile.clear();
    if (!keepHeap) this.heapByFile.clear();
    this.globals.clear();
    this.heapReaders.clear();
  }

  /** The union of every file's stores. */
  heapUnion(): Map<ts.Node, Taint> {
    const out = new Map<ts.Node, Taint>();
    for (const byKey of this.heapByFile.values()) for (const [k, v] of byKey) out.set(k, out.has(k) ? join(out.get(k)!, v) : v);
    return out;
  }

  /** What some files stored, per key, in comparable form (to see which keys an edit changed). */
  heapDigest(files: ReadonlySet<string>): Map<ts.Node, string> {
    const out = new Map<ts.Node, string>();
    for (const f of [...files].sort()) {
      for (const [k, v] of this.heapByFile.get(f) ?? []) out.set(k, `${out.get(k) ?? ''}|${f}:${keys(v).join(',')}`);
    }
    return out;
  }

  /** The files that read any of the keys whose stores differ between two digests. */
  readersOfChanges(before: Map<ts.Node, string>, after: Map<ts.Node, string>): Set<string> {
    const out = new Set<string>();
    for (const k of new Set([...before.keys(), ...after.keys()])) {
      if (before.get(k) !== after.get(k)) for (const f of this.heapReaders.get(k) ?? []) out.add(f);
    }
    return out;
  }
}

function keys(t: Taint, depth = 0): string[] {
  const out = t.labels.map(labelKey);
  if (t.fields && depth < 4) for (const [k, v] of t.fields) out.push(...keys(v, depth + 1).map((x) => `${k}.${x}`));
  return out.sort();
}
