/**
 * What the flow analysis keeps between runs (the language server's sessions): function summaries, the
 * sink hits found in each file's functions, and what each file stored into properties and module
 * variables. Everything is keyed by syntax nodes, which the TypeScript Program reuses for files whose text
 * did not change, so an edit re-analyses only the changed files and the files that import them.
 */
import type ts from 'typescript';
import type { ImportAliases } from './destinationGate';
import { IndexNames, type FileIndex } from './fileIndex';
import type { Hit, SinkSite, Summary } from './flowTypes';
import { EMPTY, join, joinMany, labelKey, type Label, type Taint } from './labels';
import type { FunctionLike } from './nodes';
import { SourceFileIds } from './fileInterface';
import { NodeLocations } from './nodeLocations';
import { SiteKey, SiteKeys, type HeapKey } from './heapKeys';

export interface Collected {
  readonly site: SinkSite;
  readonly labels: Map<string, Label>;
}

export class FlowState {
  /** The source files of the last run, by name: a different object means the file changed. */
  files = new Map<string, ts.SourceFile>();
  /**
   * Files a run dropped or meant to analyse again and did not finish (it was cancelled): the next run
   * analyses them again, with their importers.
   */
  readonly pending = new Set<string>();
  /** Keys whose stores an unfinished pass may have changed: their readers are owed to the next run. */
  readonly pendingKeys = new Set<HeapKey>();
  /** Where nodes of files edited since a result was made are now (the reports locate kept results through it). */
  readonly locations = new NodeLocations();
  /** Numbers of parsed files for interface digests (fileInterface.ts). */
  readonly sourceIds = new SourceFileIds();
  readonly summaries = new Map<FunctionLike, Summary>();
  /** Sink hits with concrete sources, by the file of the function (or module body) that found them. */
  readonly hitsByFile = new Map<string, Map<string, Collected>>();
  /** Stores into properties/variables (keyed by their declaration), by the file that made them (written through `store`). */
  readonly heapByFile = new Map<string, Map<HeapKey, Taint>>();
  /** The union of `heapByFile` as last computed, the keys it has wrong since, and the files storing each key. */
  private heapAll: Map<HeapKey, Taint> | undefined;
  private readonly heapStale = new Set<HeapKey>();
  private readonly storers = new Map<HeapKey, Set<string>>();
  /** The heap's per-allocation-site keys (kept so that a key is the same object from run to run). */
  readonly siteKeys = new SiteKeys();
  /** Values of module-level variables' initializers, by declaration. */
  readonly globals = new Map<ts.Node, Taint>();
  /** A key of everything outside the source files that the results depend on (the config). */
  contextKey: string | undefined;
  /** Per parsed file: its syntactic index (gates, functions), and the files its module specifiers resolve to. */
  readonly indexes = new WeakMap<ts.SourceFile, FileIndex>();
  /** The names the gates are built from. */
  readonly indexNames = new IndexNames();
  readonly imports = new WeakMap<ts.SourceFile, readonly string[]>();
  readonly importAliases = new WeakMap<ts.SourceFile, ImportAliases>();
  /**
   * The labels of the types of expressions and bindings (`Evaluator.typeTaintOf`), kept from run to run while
   * every edit stays inside function bodies (editScope.ts): the types of the other files' nodes are then what
   * they were, and the edited files' nodes are new. Any other run forgets them (`forgetTypes`).
   */
  typeTaints = new WeakMap<ts.Node, Taint>();
  /** Which files read each stored property/variable (to re-analyse them when what is stored changes). */
  readonly heapReaders = new Map<HeapKey, Set<string>>();

  /** Summaries and globals by the file that declares them; read keys by the file that read them and by the key's own file. */
  private readonly summariesOf = new FileGroups<FunctionLike>();
  private readonly globalsOf = new FileGroups<ts.Node>();
  private readonly readsBy = new FileGroups<HeapKey>();
  private readonly readKeysIn = new FileGroups<HeapKey>();
  private readonly hitOfCollected = new WeakMap<Collected, Hit>();
  private readonly mergedHits = new Map<string, { readonly parts: ReadonlySet<Collected>; readonly hit: Hit }>();

  setSummary(fn: FunctionLike, summary: Summary): void {
    this.summaries.set(fn, summary);
    this.summariesOf.add(fn.getSourceFile().fileName, fn);
  }

  setGlobal(decl: ts.Node, value: Taint): void {
    this.globals.set(decl, value);
    this.globalsOf.add(decl.getSourceFile().fileName, decl);
  }

  /** The functions of a file that have a summary, and its module variables whose value was computed. */
  summarisedIn(file: string): { readonly functions: readonly FunctionLike[]; readonly globals: readonly ts.Node[] } {
    return { functions: [...this.summariesOf.peek(file)], globals: [...this.globalsOf.peek(file)] };
  }

  /** File `reader` read the stored property/variable `key`. */
  addReader(key: HeapKey, reader: string): void {
    let readers = this.heapReaders.get(key);
    if (!readers) {
      this.heapReaders.set(key, (readers = new Set()));
      this.readKeysIn.add(key.getSourceFile().fileName, key);
    }
    if (readers.has(reader)) return;
    readers.add(reader);
    this.readsBy.add(reader, key);
  }

  /** The hit of a sink site found by one file; the same object while that file's hits are kept. */
  hitOf(c: Collected): Hit {
    let hit = this.hitOfCollected.get(c);
    if (!hit) this.hitOfCollected.set(c, (hit = { site: c.site, labels: [...c.labels.values()] }));
    return hit;
  }

  /** The hit of a sink site found by several files' code; the same object while the parts are the same. */
  mergedHitOf(siteKey: string, parts: readonly Collected[]): Hit {
    const kept = this.mergedHits.get(siteKey);
    if (kept && kept.parts.size === parts.length && parts.every((p) => kept.parts.has(p) && this.hitOfCollected.has(p))) return kept.hit;
    const labels = new Map<string, Label>();
    for (const c of parts) {
      for (const [k, l] of c.labels) if (!labels.has(k)) labels.set(k, l);
      this.hitOf(c);
    }
    const hit = { site: parts[0].site, labels: [...labels.values()] };
    this.mergedHits.set(siteKey, { parts: new Set(parts), hit });
    return hit;
  }

  /** The site got another label: its hit is made again. */
  forgetHit(c: Collected): void {
    this.hitOfCollected.delete(c);
  }

  /** File `owner` stored `value` under `key` (joined with what it stored there before). */
  store(owner: string, key: HeapKey, value: Taint): void {
    let own = this.heapByFile.get(owner);
    if (!own) this.heapByFile.set(owner, (own = new Map()));
    own.set(key, join(own.get(key) ?? EMPTY, value));
    this.heapStale.add(key);
    let files = this.storers.get(key);
    if (!files) this.storers.set(key, (files = new Set()));
    files.add(owner);
  }

  private dropStores(file: string): void {
    for (const key of this.heapByFile.get(file)?.keys() ?? []) {
      this.heapStale.add(key);
      this.storers.get(key)?.delete(file);
    }
    this.heapByFile.delete(file);
  }

  /** Forgets what was derived from these files (`current`: this run's version of each file). */
  dropFiles(files: ReadonlySet<string>, current: ReadonlyMap<string, ts.SourceFile>): void {
    for (const f of files) {
      this.hitsByFile.delete(f);
      this.dropStores(f);
      for (const fn of this.summariesOf.take(f)) this.summaries.delete(fn);
      for (const d of this.globalsOf.take(f)) this.globals.delete(d);
      // The re-analysed files record their reads again; keys from superseded versions of a file are gone.
      for (const key of this.readsBy.take(f)) this.heapReaders.get(key)?.delete(f);
      for (const key of this.readKeysIn.take(f)) {
        if (key.getSourceFile() === current.get(f)) this.readKeysIn.add(f, key);
        else this.heapReaders.delete(key);
      }
    }
  }

  /** The types of nodes may have changed (an edit outside function bodies, a new config): their labels are forgotten. */
  forgetTypes(): void {
    this.typeTaints = new WeakMap();
  }

  /** Forgets everything; with `keepHeap`, what was stored stays (another round of the same run). */
  clear(keepHeap = false): void {
    this.files = new Map();
    this.pending.clear();
    this.pendingKeys.clear();
    this.summaries.clear();
    this.hitsByFile.clear();
    if (!keepHeap) {
      this.heapByFile.clear();
      this.heapAll = undefined;
      this.heapStale.clear();
      this.storers.clear();
      this.siteKeys.clear();
    }
    this.globals.clear();
    this.heapReaders.clear();
    for (const g of [this.summariesOf, this.globalsOf, this.readsBy, this.readKeysIn]) g.clear();
    this.mergedHits.clear();
  }

  /** Forgets merged hits of sites no longer hit. */
  retainMergedHits(siteKeys: ReadonlySet<string>): void {
    for (const k of [...this.mergedHits.keys()]) if (!siteKeys.has(k)) this.mergedHits.delete(k);
  }

  /**
   * The union of every file's stores (a copy the caller may change): per key, the join of the files' values
   * in `heapByFile`'s order. Only the keys some file stored or dropped since the last call are joined again.
   */
  heapUnion(): Map<HeapKey, Taint> {
    if (!this.heapAll) {
      const values = new Map<HeapKey, Taint[]>();
      for (const byKey of this.heapByFile.values()) {
        for (const [k, v] of byKey) {
          const list = values.get(k);
          if (list) list.push(v);
          else values.set(k, [v]);
        }
      }
      this.heapAll = new Map([...values].map(([k, list]) => [k, joinMany(list)]));
    } else if (this.heapStale.size > 0) {
      const order = new Map([...this.heapByFile.keys()].map((f, i) => [f, i]));
      for (const k of this.heapStale) {
        const files = [...this.storers.get(k) ?? []].sort((a, b) => order.get(a)! - order.get(b)!);
        if (files.length > 0) this.heapAll.set(k, joinMany(files.map((f) => this.heapByFile.get(f)!.get(k)!)));
        else {
          this.heapAll.delete(k);
          this.storers.delete(k);
        }
      }
    }
    this.heapStale.clear();
    return new Map(this.heapAll);
  }

  /** What some files stored, per key, in comparable form (to see which keys an edit changed). */
  heapDigest(files: ReadonlySet<string>): Map<HeapKey, string> {
    const out = new Map<HeapKey, string>();
    for (const f of [...files].sort()) {
      for (const [k, v] of this.heapByFile.get(f) ?? []) out.set(k, `${out.get(k) ?? ''}|${f}:${keys(v).join(',')}`);
    }
    return out;
  }

  /** The files that read a key an unfinished pass may have changed; the keys are forgotten (the files are owed instead). */
  takePendingReaders(): Set<string> {
    const out = this.readersOf(this.pendingKeys);
    this.pendingKeys.clear();
    return out;
  }

  /** The files that read any of the keys whose stores differ between two digests. */
  readersOfChanges(before: Map<HeapKey, string>, after: Map<HeapKey, string>): Set<string> {
    return this.readersOf([...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)));
  }

  /** The files that read any of the keys. */
  readersOf(keys: Iterable<HeapKey>): Set<string> {
    const out = new Set<string>();
    for (const k of keys) {
      for (const f of this.heapReaders.get(k) ?? []) out.add(f);
      // A read through an unknown object reads every site's stores of the declaration: it is registered there.
      if (k instanceof SiteKey) for (const f of this.heapReaders.get(k.decl) ?? []) out.add(f);
    }
    return out;
  }
}

/** Node-keyed entries grouped by a file name, so that a file's entries are dropped without scanning all of them. */
class FileGroups<K> {
  private readonly byFile = new Map<string, Set<K>>();

  add(file: string, key: K): void {
    let set = this.byFile.get(file);
    if (!set) this.byFile.set(file, (set = new Set()));
    set.add(key);
  }

  /** The file's entries (kept). */
  peek(file: string): Iterable<K> {
    return this.byFile.get(file) ?? [];
  }

  /** The file's entries, forgotten here. */
  take(file: string): Iterable<K> {
    const set = this.byFile.get(file);
    this.byFile.delete(file);
    return set ?? [];
  }

  clear(): void {
    this.byFile.clear();
  }
}

function keys(t: Taint, depth = 0): string[] {
  const out = t.labels.map(labelKey);
  if (t.fields && depth < 4) for (const [k, v] of t.fields) out.push(...keys(v, depth + 1).map((x) => `${k}.${x}`));
  return out.sort();
}
