/**
 * What a file gives the rest of the program through the flow analysis — its functions' summaries and its
 * module variables' values — in a comparable form. An incremental run that analyses a file again because
 * what it read changed (not because its text did) compares the file's interface before and after: the files
 * that import it are analysed again only when it changed (early cutoff; ARCHITECTURE.md, incremental runs).
 * The digest names nodes by file and position, which is exact for a file whose text did not change. It leaves
 * out the labels' paths (hops): which of two equal labels' paths a join keeps depends on the order files are
 * analysed in, so comparing them would send every importer to the next pass; an importer kept this way shows
 * the path it found before, which is still a path the data takes.
 */
import type ts from 'typescript';
import type { Summary } from './flowTypes';
import { SiteKey, type HeapKey } from './heapKeys';
import { labelKey, type Label, type Taint } from './labels';
import type { FunctionLike } from './nodes';

/** A file's interface: each summarised function's and each computed module variable's digest, by node. */
export type FileInterface = ReadonlyMap<ts.Node, string>;

/**
 * Numbers for parsed files, so that a digest tells a node of an edited file's new version from the node at the
 * same place in its old one (kept by the flow state across runs).
 */
export class SourceFileIds {
  private readonly ids = new WeakMap<ts.SourceFile, number>();
  private next = 1;

  of(sf: ts.SourceFile): number {
    let id = this.ids.get(sf);
    if (id === undefined) this.ids.set(sf, (id = this.next++));
    return id;
  }
}

/** The interface of the given functions and module variables, as `summary` and `global` give them now. */
export function fileInterface(
  functions: Iterable<FunctionLike>, globals: Iterable<ts.Node>,
  summary: (fn: FunctionLike) => Summary, global: (decl: ts.Node) => Taint, ids: SourceFileIds,
): Map<ts.Node, string> {
  const d = new Digester(ids);
  const out = new Map<ts.Node, string>();
  for (const fn of functions) out.set(fn, d.summary(summary(fn)));
  for (const decl of globals) out.set(decl, d.taint(global(decl)));
  return out;
}

/** Whether two interfaces are the same. */
export function sameInterface(a: FileInterface, b: FileInterface): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** Digests of summaries and taints; nodes are named by their file's version, position and end. */
export class Digester {
  constructor(private readonly ids: SourceFileIds) {}

  summary(s: Summary): string {
    const parts = [
      `r${this.taint(s.returns)}`,
      `t${this.taint(s.throws)}`,
      ...s.hits.map((h) => `h${this.node(h.site.node)}${this.labels(h.labels)}`).sort(),
      ...s.heapWrites.map((w) => `w${this.key(w.key)}:${w.through ?? ''}${this.taint(w.value)}`).sort(),
      ...s.paramCalls.map((c) => `c${c.index}${c.args.map((a) => this.taint(a)).join('')}`).sort(),
      ...s.argWrites.map((w) => `a${w.index}.${w.path.join('.')}${this.taint(w.value)}`).sort(),
    ];
    return parts.join('\n');
  }

  taint(t: Taint): string {
    const fields = t.fields ? [...t.fields].map(([k, v]) => `${JSON.stringify(k)}=${this.taint(v)}`).sort().join(';') : '';
    return `(${this.labels(t.labels)}|${fields}|${t.constant === undefined ? '' : JSON.stringify(t.constant)})`;
  }

  private labels(labels: readonly Label[]): string {
    return `[${labels.map((l) => (l.kind === 'param' && l.stored ? `${labelKey(l)}~${this.ids.of(l.stored.decl.getSourceFile())}` : labelKey(l))).sort().join(',')}]`;
  }

  private key(k: HeapKey): string {
    if (!(k instanceof SiteKey)) return this.node(k);
    return `${this.node(k.decl)}@${typeof k.site === 'string' ? k.site : this.node(k.site)}`;
  }

  private node(n: ts.Node): string {
    const sf = n.getSourceFile();
    return `${sf.fileName}#${this.ids.of(sf)}:${n.pos}:${n.end}`;
  }
}
