/**
 * A cheap syntactic filter in front of member resolution. Resolving the symbol of `x.length` means typing
 * `x`, which costs more than the rest of the analysis of ordinary code; yet a member read can only yield
 * more than the receiver's own field (its source tags, a getter's result, what was stored into it, or the
 * tags of its declared type) when the member is declared in the workspace, annotated, or stored into there.
 * Members of the default library are read as fields of their receiver, except `value` (iterator and
 * settled-promise results carry their element type).
 */
import type ts from 'typescript';
import type { Annotation } from '../annotations/types';
import { nameText } from './nodes';

const GENERIC_LIBRARY_MEMBERS = ['value'];

export class MemberGate {
  private readonly annotated = new Set<string>(GENERIC_LIBRARY_MEMBERS);

  /** `members`: the workspace's member names (IndexNames.members). */
  constructor(private readonly members: ReadonlySet<string>, annotations: ReadonlyMap<ts.Node, Annotation>) {
    for (const node of annotations.keys()) {
      const n = nameText(node);
      if (n) this.annotated.add(n);
    }
  }

  /** Whether reading a member of this name may need its symbol. */
  mayMatter(name: string): boolean {
    return this.members.has(name) || this.annotated.has(name);
  }
}
