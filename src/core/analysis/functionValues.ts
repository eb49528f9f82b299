/**
 * The call graph of function values (SPEC §6.2 v2): which functions of the program an expression in callee
 * position may be, when it is not simply the name of a function. Resolved from the code, without running it:
 * - a function or arrow written in place, a function declaration, a variable bound or assigned to one of them;
 * - `f.bind(thisArg, a…)` (the bound arguments are prepended at the call);
 * - `make(…)` — the functions `make` returns (`mk()(x)`, `const g = mk(); g(x)`); a returned closure
 *   remembers the call that created it, so the variables it captures from its creator can be bound;
 * - a parameter of the function being summarised (the summary records the call, and each caller applies it
 *   to the function it passes: callbacks into the program's own functions).
 * A parameter of a closure analysed in place resolves to what its caller passed (`paramTargets`).
 */
import ts = require('typescript');
import { functionOfDeclaration, isFunctionWithBody, resolveAlias, skipOuterExpressions, type FunctionLike } from './nodes';

const { SyntaxKind, isBinaryExpression, isBlock, isCallExpression, isConditionalExpression, isFunctionDeclaration, isIdentifier, isParameter, isPropertyAccessExpression, isReturnStatement, isVariableDeclaration } = ts;

/** How far resolution follows variables, returns and binds (values that refer to themselves stop here). */
const MAX_DEPTH = 4;

export interface FunctionTarget {
  readonly kind: 'function';
  readonly fn: FunctionLike;
  /** Arguments fixed by `bind`, in order, evaluated where the target is called. */
  readonly bound: readonly ts.Expression[];
  /** The call of the function that returned this closure, when it is nested in that function. */
  readonly creator?: { readonly fn: FunctionLike; readonly call: ts.CallExpression };
}

export interface ParameterTarget {
  readonly kind: 'parameter';
  readonly param: ts.ParameterDeclaration;
  readonly bound: readonly ts.Expression[];
}

export type CallTarget = FunctionTarget | ParameterTarget;

/** What a closure's parameter was given by the code that analyses the closure in place. */
export type ParamTargets = (param: ts.ParameterDeclaration) => readonly CallTarget[] | undefined;

export class FunctionValues {
  private readonly returnsOf = new WeakMap<FunctionLike, readonly ts.Expression[]>();
  private readonly assignedTo = new WeakMap<ts.VariableDeclaration, readonly ts.Expression[]>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** The functions an expression may evaluate to (empty when unknown). */
  of(e: ts.Expression, paramTargets: ParamTargets, depth = 0): CallTarget[] {
    if (depth > MAX_DEPTH) return [];
    const x = skipOuterExpressions(e);
    if (isFunctionWithBody(x)) return [{ kind: 'function', fn: x, bound: [] }];
    if (isIdentifier(x)) return this.ofSymbol(resolveAlias(this.checker, this.checker.getSymbolAtLocation(x)), paramTargets, depth);
    if (isPropertyAccessExpression(x)) return this.ofSymbol(resolveAlias(this.checker, this.checker.getSymbolAtLocation(x.name)), paramTargets, depth);
    if (isConditionalExpression(x)) return [...this.of(x.whenTrue, paramTargets, depth + 1), ...this.of(x.whenFalse, paramTargets, depth + 1)];
    if (isCallExpression(x)) return this.ofCall(x, paramTargets, depth);
    return [];
  }

  private ofSymbol(sym: ts.Symbol | undefined, paramTargets: ParamTargets, depth: number): CallTarget[] {
    const decl = sym?.valueDeclaration;
    if (!decl) return [];
    if (isParameter(decl)) return [...(paramTargets(decl) ?? [{ kind: 'parameter', param: decl, bound: [] }])];
    const fn = functionOfDeclaration(decl);
    if (fn) return [{ kind: 'function', fn, bound: [] }];
    if (!isVariableDeclaration(decl)) return [];
    const values = [...(decl.initializer ? [decl.initializer] : []), ...this.assignedValues(decl, sym!)];
    return values.flatMap((v) => this.of(v, paramTargets, depth + 1));
  }

  /** What a `let`/`var` is assigned after its declaration, in the scope that declares it (`f = relay`). */
  private assignedValues(decl: ts.VariableDeclaration, sym: ts.Symbol): readonly ts.Expression[] {
    if (ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) return [];
    let out = this.assignedTo.get(decl);
    if (out) return out;
    const found: ts.Expression[] = [];
    const name = decl.name.getText();
    let scope: ts.Node = decl;
    while (scope.parent && !isFunctionWithBody(scope) && scope.kind !== SyntaxKind.SourceFile) scope = scope.parent;
    const visit = (n: ts.Node): void => {
      if (isBinaryExpression(n) && n.operatorToken.kind === SyntaxKind.EqualsToken && isIdentifier(n.left) && n.left.text === name &&
        resolveAlias(this.checker, this.checker.getSymbolAtLocation(n.left)) === sym) found.push(n.right);
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(scope, visit);
    out = found;
    this.assignedTo.set(decl, out);
    return out;
  }

  /** `f.bind(t, a…)`: f with `a…` bound; `make(…)`: what `make` returns. */
  private ofCall(call: ts.CallExpression, paramTargets: ParamTargets, depth: number): CallTarget[] {
    const callee = skipOuterExpressions(call.expression);
    if (isPropertyAccessExpression(callee) && callee.name.text === 'bind') {
      const bound = call.arguments.slice(1);
      return this.of(callee.expression, paramTargets, depth + 1).map((t) => ({ ...t, bound: [...t.bound, ...bound] }));
    }
    const out: CallTarget[] = [];
    for (const maker of this.of(callee, paramTargets, depth + 1)) {
      if (maker.kind !== 'function') continue;
      for (const r of this.returnedExpressions(maker.fn)) {
        for (const t of this.of(r, paramTargets, depth + 1)) {
          out.push(t.kind === 'function' && !t.creator && isNestedIn(t.fn, maker.fn) ? { ...t, creator: { fn: maker.fn, call } } : t);
        }
      }
    }
    return out;
  }

  /** The expressions a function returns (not those of functions nested in it). */
  private returnedExpressions(fn: FunctionLike): readonly ts.Expression[] {
    let out = this.returnsOf.get(fn);
    if (out) return out;
    const found: ts.Expression[] = [];
    const body = fn.body!;
    if (!isBlock(body)) found.push(body as ts.Expression);
    else {
      const visit = (n: ts.Node): void => {
        if (isReturnStatement(n)) {
          if (n.expression) found.push(n.expression);
          return;
        }
        // A nested function's returns are its own; a nested function declaration may itself be returned by name.
        if (isFunctionWithBody(n) || isFunctionDeclaration(n) || n.kind === SyntaxKind.ClassDeclaration) return;
        ts.forEachChild(n, visit);
      };
      ts.forEachChild(body, visit);
    }
    out = found;
    this.returnsOf.set(fn, out);
    return out;
  }
}

/** Whether `inner` is written inside `outer`'s body. */
export function isNestedIn(inner: ts.Node, outer: ts.Node): boolean {
  return inner !== outer && inner.pos >= outer.pos && inner.end <= outer.end && inner.getSourceFile() === outer.getSourceFile();
}
