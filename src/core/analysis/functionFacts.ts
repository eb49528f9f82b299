/**
 * What each function's own code does that can make its evaluation find a hit or a store, collected during
 * the index walk (fileIndex.ts) so that deciding which functions to summarise up front (relevance.ts) needs
 * no walk of its own: the names its calls go through, whether it calls something of unknown shape, stores
 * into a member, or assigns to identifiers that may not be its locals. Code of closures passed as arguments
 * counts for the function they are passed in (they are analysed in place); other nested functions have facts
 * of their own.
 */
import ts = require('typescript');
import { MUTATING_METHODS } from './libraryModels';
import { ASSIGNMENT_OPERATORS, skipOuterExpressions } from './nodes';

const { SyntaxKind, isIdentifier, isPropertyAccessExpression, isStringLiteralLike } = ts;

/** The kinds `note` looks at. */
export const NOTED_KINDS: readonly ts.SyntaxKind[] = [
  SyntaxKind.PropertyAccessExpression, SyntaxKind.ElementAccessExpression, SyntaxKind.CallExpression, SyntaxKind.NewExpression,
  SyntaxKind.BinaryExpression, SyntaxKind.ForOfStatement, SyntaxKind.ForInStatement,
];

export interface FunctionFacts {
  /** Names along every callee: `f` for `f()`, `a`, `b` and `c` for `a.b.c()`. */
  readonly callees: readonly string[];
  /** A call whose callee has another shape (element access, a call's result, `super`, `import()`). */
  readonly opaqueCall: boolean;
  /** Whether a method of some object is called (an AWS SDK client's methods may have any name). */
  readonly memberCall: boolean;
  /** A store into something other than an identifier: `a.b = …`, `a[i] = …`, destructuring, `a.list.push(…)`. */
  readonly storesToMember: boolean;
  /** Identifiers assigned to or mutated (`x = …`, `x.push(…)`): they matter unless they are the function's locals. */
  readonly assigned: readonly ts.Identifier[];
  /** Identifiers called (`f(x)`): a local holding a function value makes the call matter. */
  readonly calledIds: readonly ts.Identifier[];
}

interface Builder {
  callees: string[];
  opaqueCall: boolean;
  memberCall: boolean;
  storesToMember: boolean;
  assigned: ts.Identifier[];
  calledIds: ts.Identifier[];
}

export class FactsCollector {
  readonly facts: FunctionFacts[] = [];
  /** Names of members the file reads (`a.name`, `a['name']`), for getters. */
  readonly readMembers = new Set<string>();
  private readonly stack: Builder[] = [];

  /** Starts the facts of a function (its body is visited next). */
  enter(): void {
    const b: Builder = { callees: [], opaqueCall: false, memberCall: false, storesToMember: false, assigned: [], calledIds: [] };
    this.stack.push(b);
    this.facts.push(b);
  }

  exit(): void {
    this.stack.pop();
  }

  /** Records what one node does, for the innermost function being visited. */
  note(node: ts.Node): void {
    switch (node.kind) {
      case SyntaxKind.PropertyAccessExpression:
        this.readMembers.add((node as ts.PropertyAccessExpression).name.text);
        return;
      case SyntaxKind.ElementAccessExpression: {
        const arg = (node as ts.ElementAccessExpression).argumentExpression;
        if (isStringLiteralLike(arg)) this.readMembers.add(arg.text);
        return;
      }
    }
    const f = this.stack[this.stack.length - 1];
    if (!f) return;
    switch (node.kind) {
      case SyntaxKind.CallExpression: case SyntaxKind.NewExpression:
        this.call(f, node as ts.CallExpression);
        break;
      case SyntaxKind.BinaryExpression: {
        const b = node as ts.BinaryExpression;
        if (ASSIGNMENT_OPERATORS.has(b.operatorToken.kind)) this.store(f, b.left);
        break;
      }
      case SyntaxKind.ForOfStatement: case SyntaxKind.ForInStatement: {
        const init = (node as ts.ForOfStatement).initializer;
        if (init.kind !== SyntaxKind.VariableDeclarationList) this.store(f, init as ts.Expression);
        break;
      }
    }
  }

  private call(f: Builder, call: ts.CallExpression | ts.NewExpression): void {
    // A function passed by name (`list.forEach(relay)`, `p.then(this.done)`) is called through the callee.
    for (const a of call.arguments ?? []) {
      const x = skipOuterExpressions(a);
      if (isIdentifier(x)) f.callees.push(x.text);
      else if (isPropertyAccessExpression(x)) f.callees.push(x.name.text);
    }
    const callee = skipOuterExpressions(call.expression);
    if (isIdentifier(callee)) {
      f.callees.push(callee.text);
      f.calledIds.push(callee);
      return;
    }
    if (!isPropertyAccessExpression(callee)) {
      f.opaqueCall = true;
      return;
    }
    f.memberCall = true;
    const name = callee.name.text;
    if (MUTATING_METHODS.has(name)) this.store(f, callee.expression);
    if (name === 'assign' && call.arguments?.[0]) this.store(f, call.arguments[0]);
    // Every name along the chain (a tagged receiver makes the call a destination).
    let cur: ts.Expression = callee;
    for (;;) {
      cur = skipOuterExpressions(cur);
      if (isIdentifier(cur)) {
        f.callees.push(cur.text);
        return;
      }
      if (isPropertyAccessExpression(cur)) f.callees.push(cur.name.text);
      else if (cur.kind !== SyntaxKind.CallExpression && cur.kind !== SyntaxKind.ElementAccessExpression) return;
      cur = (cur as ts.PropertyAccessExpression).expression;
    }
  }

  private store(f: Builder, target: ts.Expression): void {
    const t = skipOuterExpressions(target);
    if (isIdentifier(t)) f.assigned.push(t);
    else f.storesToMember = true;
  }
}

/** Facts of a function whose index is missing (conservative: it may act). */
export const UNKNOWN_FACTS: FunctionFacts = { callees: [], opaqueCall: true, memberCall: true, storesToMember: true, assigned: [], calledIds: [] };
