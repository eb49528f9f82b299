/**
 * A cheap syntactic filter in front of callee resolution. Resolving the symbol of `values.map` means typing
 * `values`, which is most of the cost of analysing ordinary code; yet only a callee named like a function
 * declared in the workspace (or imported under another name) can have a body, a summary, a transform
 * tag or a declared return type worth reading. Other calls are library calls, modelled by name.
 */
import ts = require('typescript');

/** The TypeScript functions and enums this module uses, bound once: the `ts` namespace object is slow to read from. */
const { isIdentifier, isPropertyAccessExpression } = ts;

export class CallGate {
  /** `names`: the workspace's call names (IndexNames.calls). */
  constructor(private readonly names: ReadonlySet<string>) {}

  /** Whether a callee (`f`, `a.b.f`) may resolve to something declared in the workspace. */
  mayBeWorkspaceFunction(callee: ts.Expression): boolean {
    if (isIdentifier(callee)) return this.names.has(callee.text);
    if (isPropertyAccessExpression(callee)) return this.names.has(callee.name.text);
    return true;
  }
}
