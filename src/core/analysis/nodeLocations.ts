/**
 * Where the nodes of earlier versions of a file are in its current version. An incremental run keeps the
 * results of files an edit cannot change (editScope.ts), and those results may name nodes of the edited file
 * as it was: the path steps of a label, the declaration of a source. Each run records, per edited file, the
 * span its edit replaced; a node of an old version is located by carrying its start and end through those
 * edits (a position inside a replaced span moves to the span's start), so that a finding shows the line the
 * code is on now.
 */
import type ts from 'typescript';
import type { Loc } from '../model';
import { sourceLoc } from '../text/positions';
import { changedSpan, type TextSpanChange } from './editScope';
import type { SourceInfo } from './labels';
import { locOf } from './nodes';

/** How a report locates the nodes and sources it shows. */
export interface Locate {
  node(node: ts.Node): Loc;
  source(info: SourceInfo): Loc;
  /** Whether a file version is the current one (reports made from older versions are made again). */
  isCurrent(sf: ts.SourceFile): boolean;
}

/** Nodes located in their own file version (a fresh run, the CLI). */
export const LOCATE_AS_PARSED: Locate = {
  node: (n) => locOf(n),
  source: (info) => info.loc,
  isCurrent: () => true,
};

export class NodeLocations implements Locate {
  /** Each replaced version: the version that replaced it and the span the edit changed. */
  private readonly next = new WeakMap<ts.SourceFile, { readonly sf: ts.SourceFile; readonly span: TextSpanChange }>();

  /** The newest version of each file seen. */
  private readonly latest = new Map<string, ts.SourceFile>();

  /** A run sees these versions of the files (a cancelled run's too: its results may stay). */
  observe(files: Iterable<ts.SourceFile>): void {
    for (const sf of files) {
      const before = this.latest.get(sf.fileName);
      if (before === sf) continue;
      if (before) this.next.set(before, { sf, span: changedSpan(before.text, sf.text) });
      this.latest.set(sf.fileName, sf);
    }
  }

  isCurrent(sf: ts.SourceFile): boolean {
    return !this.next.has(sf);
  }

  node(node: ts.Node): Loc {
    let sf = node.getSourceFile();
    if (this.isCurrent(sf)) return locOf(node, sf);
    let start = node.getStart(sf);
    let end = node.getEnd();
    for (let step = this.next.get(sf); step; step = this.next.get(sf)) {
      start = moved(start, step.span, false);
      end = Math.max(start, moved(end, step.span, true));
      sf = step.sf;
    }
    return sourceLoc(sf, start, end);
  }

  source(info: SourceInfo): Loc {
    return info.decl && !this.isCurrent(info.decl.getSourceFile()) ? this.node(info.decl) : info.loc;
  }
}

/** A position carried through an edit: text inserted where a node starts comes before it, where one ends after it. */
function moved(pos: number, span: TextSpanChange, isEnd: boolean): number {
  if (pos < span.start || (isEnd && pos === span.start)) return pos;
  if (pos >= span.oldEnd) return pos + span.newEnd - span.oldEnd;
  return span.start;
}
