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

/** The interface of the given functions and module variables, as `summary` and `global` give them now. */
export function fileInterface(
  functions: Iterable<FunctionLike>, globals: Iterable<ts.Node>,
  summary: (fn: FunctionLike) => Summary, global: (decl: ts.Node) => Taint,
): Map<ts.Node, string> {
  const out = new Map<ts.Node, string>();
  for (const fn of functions) out.set(fn, summaryDigest(summary(fn)));
  for (const decl of globals) out.set(decl, taintDigest(global(decl)));
  return out;
}

/** Whether two interfaces are the same. */
export function sameInterface(a: FileInterface, b: FileInterface): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

export function summaryDigest(s: Summary): string {
  const parts = [
    `r${taintDigest(s.returns)}`,
    `t${taintDigest(s.throws)}`,
    ...s.hits.map((h) => `h${nodeDigest(h.site.node)}${labelsDigest(h.labels)}`).sort(),
    ...s.heapWrites.map((w) => `w${keyDigest(w.key)}:${w.through ?? ''}${taintDigest(w.value)}`).sort(),
    ...s.paramCalls.map((c) => `c${c.index}${c.args.map(taintDigest).join('')}`).sort(),
    ...s.argWrites.map((w) => `a${w.index}.${w.path.join('.')}${taintDigest(w.value)}`).sort(),
  ];
  return parts.join('\n');
}

export function taintDigest(t: Taint): string {
  const fields = t.fields ? [...t.fields].map(([k, v]) => `${JSON.stringify(k)}=${taintDigest(v)}`).sort().join(';') : '';
  return `(${labelsDigest(t.labels)}|${fields}|${t.constant === undefined ? '' : JSON.stringify(t.constant)})`;
}

function labelsDigest(labels: readonly Label[]): string {
  return `[${labels.map(labelKey).sort().join(',')}]`;
}

function keyDigest(k: HeapKey): string {
  if (!(k instanceof SiteKey)) return nodeDigest(k);
  return `${nodeDigest(k.decl)}@${typeof k.site === 'string' ? k.site : nodeDigest(k.site)}`;
}

function nodeDigest(n: ts.Node): string {
  return `${n.getSourceFile().fileName}:${n.pos}:${n.end}`;
}
