/**
 * Which functions the analysis must summarise up front. A function's own evaluation can only produce sink
 * hits or stores when its code calls something that may have a body or be a destination, stores into a
 * member or into a variable that is not its own, reads a getter, declares a tagged destination, or when it
 * is itself a tagged exposure or a constructor with parameter properties. Any other function (computation
 * over its arguments) is summarised when a call to it is analysed, which is when its summary matters.
 * The decision reads the facts the index walk collected (functionFacts.ts); it over-approximates: callees of
 * unknown shape count as calls that may matter.
 */
import ts = require('typescript');
import { INFERRED_DESTINATION_CALLEES } from './destinations';
import type { FunctionFacts } from './functionFacts';
import type { FunctionLike } from './nodes';

const { SyntaxKind } = ts;


export interface RelevanceInputs {
  /** Names of workspace functions and imports (CallGate). */
  readonly calls: ReadonlySet<string>;
  /** Whether a name may be the name of a declaration tagged as a destination (DestinationGate). */
  readonly mayBeDestination: (name: string) => boolean;
  /** Names of getters declared in the workspace. */
  readonly getters: ReadonlySet<string>;
  /** Any member call may be an AWS SDK call (the workspace uses the SDK). */
  readonly usesAws: boolean;
  /** A function tagged with an exposure (its return values are sent somewhere). */
  readonly isTagged: (fn: FunctionLike) => boolean;
  /** Whether an identifier names a variable or parameter declared inside the function (resolved by symbol). */
  readonly isLocalTo: (fn: FunctionLike, id: ts.Identifier) => boolean;
  /** Declarations tagged as destinations, by file name (a tagged local makes its function act). */
  readonly destinationDeclarations: ReadonlyMap<string, readonly ts.Node[]>;
}

export class FunctionRelevance {
  constructor(private readonly inputs: RelevanceInputs) {}

  /** Whether analysing the function on its own may find a sink hit or a store. */
  mayAct(fn: FunctionLike, facts: FunctionFacts, readMembers: ReadonlySet<string>): boolean {
    const i = this.inputs;
    if (facts.opaqueCall || facts.storesToMember || (facts.memberCall && i.usesAws)) return true;
    if (facts.callees.some((n) => i.calls.has(n) || INFERRED_DESTINATION_CALLEES.has(n) || i.mayBeDestination(n))) return true;
    if (facts.assigned.some((id) => !i.isLocalTo(fn, id))) return true;
    // A local or parameter holding a function (`const g = show.bind(…); g(x)`, a callback) may be any function.
    if (facts.calledIds.some((id) => !i.calls.has(id.text) && !INFERRED_DESTINATION_CALLEES.has(id.text) && i.isLocalTo(fn, id))) return true;
    if (i.isTagged(fn)) return true;
    if (fn.kind === SyntaxKind.Constructor && fn.parameters.some((p) => ts.getModifiers(p)?.length)) return true;
    for (const g of i.getters) if (readMembers.has(g)) return true;
    const tagged = i.destinationDeclarations.get(fn.getSourceFile().fileName);
    return tagged?.some((d) => d.pos >= fn.pos && d.end <= fn.end) ?? false;
  }
}
