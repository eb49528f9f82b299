/**
 * Which functions the analysis must summarise up front. A function's own evaluation can only produce sink
 * hits or stores when its body calls something that may have a body or be a destination, assigns to
 * something that is not its own local, reads a getter, or is itself a tagged exposure or a constructor with
 * parameter properties. Any other function (pure computation over its arguments) is summarised only when a
 * call to it is analysed, which is when its summary matters. This is a syntactic over-approximation: every
 * construct the evaluator turns into a hit or a store is looked for; unknown callee shapes count as calls
 * that may matter.
 */
import ts = require('typescript');
import { MUTATING_METHODS } from './libraryModels';
import { skipOuterExpressions, type FunctionLike } from './nodes';

const { SyntaxKind, forEachChild, isIdentifier, isPropertyAccessExpression } = ts;

/** Callee names that may be inferred destinations whatever the workspace declares (see destinations.ts). */
const DESTINATION_METHODS = new Set(['fetch', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'stream', 'sendBeacon', 'write', 'end', 'assign']);
const ASSIGNMENTS = new Set([
  SyntaxKind.EqualsToken, SyntaxKind.PlusEqualsToken, SyntaxKind.QuestionQuestionEqualsToken, SyntaxKind.BarBarEqualsToken,
]);

export interface RelevanceNames {
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
}

export class FunctionRelevance {
  constructor(private readonly names: RelevanceNames) {}

  /** Whether analysing the function on its own may find a sink hit or a store. */
  mayAct(fn: FunctionLike): boolean {
    if (this.names.isTagged(fn)) return true;
    if (fn.kind === SyntaxKind.Constructor && fn.parameters.some((p) => ts.getModifiers(p)?.length)) return true;
    let acts = false;
    const visit = (node: ts.Node): boolean => {
      if (this.acts(node, fn)) acts = true;
      return acts || (forEachChild(node, visit) ?? false);
    };
    forEachChild(fn.body!, visit);
    return acts;
  }

  private acts(node: ts.Node, fn: FunctionLike): boolean {
    switch (node.kind) {
      case SyntaxKind.CallExpression: case SyntaxKind.NewExpression:
        return this.callMayAct(skipOuterExpressions((node as ts.CallExpression).expression), fn);
      case SyntaxKind.BinaryExpression: {
        const b = node as ts.BinaryExpression;
        return ASSIGNMENTS.has(b.operatorToken.kind) && this.assignsOutside(b.left, fn);
      }
      case SyntaxKind.ForOfStatement: case SyntaxKind.ForInStatement: {
        const init = (node as ts.ForOfStatement).initializer;
        return init.kind !== SyntaxKind.VariableDeclarationList && this.assignsOutside(init as ts.Expression, fn);
      }
      case SyntaxKind.PropertyAccessExpression:
        return this.names.getters.has((node as ts.PropertyAccessExpression).name.text);
      case SyntaxKind.ElementAccessExpression: {
        const arg = (node as ts.ElementAccessExpression).argumentExpression;
        return ts.isStringLiteralLike(arg) && this.names.getters.has(arg.text);
      }
      case SyntaxKind.Identifier:
        return this.names.mayBeDestination((node as ts.Identifier).text);
      default:
        return false;
    }
  }

  private callMayAct(callee: ts.Expression, fn: FunctionLike): boolean {
    if (isIdentifier(callee)) return this.names.calls.has(callee.text) || DESTINATION_METHODS.has(callee.text);
    if (!isPropertyAccessExpression(callee)) return true;
    const name = callee.name.text;
    if (this.names.usesAws || this.names.calls.has(name) || DESTINATION_METHODS.has(name)) return true;
    // A mutating method stores into its receiver: that matters unless the receiver is a local variable.
    return MUTATING_METHODS.has(name) && this.assignsOutside(callee.expression, fn);
  }

  /** Whether an assignment target may be something other than a local variable of the function. */
  private assignsOutside(target: ts.Expression, fn: FunctionLike): boolean {
    const t = skipOuterExpressions(target);
    return !(isIdentifier(t) && this.names.isLocalTo(fn, t));
  }
}
