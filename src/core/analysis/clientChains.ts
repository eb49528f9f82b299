/**
 * Where a client object comes from, without running code: an expression such as
 * `this.stripe.checkout.sessions` is followed back through member reads, calls and `new`, `const`
 * initialisers, class fields (initialiser or `this.x = …` in the constructor), parameters and fields with a
 * written-down type, and `require(…)`, to the import it starts from. The result is the module specifier,
 * the member names from the import to the expression (`['checkout', 'sessions']`) and the calls and `new`s
 * passed on the way (their option objects choose regions), and helpers of the program that return a client.
 * Only the code is read, never the packages' typings (which the program loads when they are installed), so
 * the result is the same whether or not the packages are installed.
 */
import ts = require('typescript');
import { constructorAssignment } from './constants';
import { importOrigin } from './imports';
import { functionOfDeclaration, referencedSymbol, skipOuterExpressions } from './nodes';

/** The TypeScript functions and enums this module uses, bound once: the `ts` namespace object is slow to read from. */
const { SyntaxKind, forEachChild, isAwaitExpression, isBlock, isFunctionLike, isReturnStatement, isBindingElement, isCallExpression, isClassLike, isIdentifier, isNewExpression, isObjectBindingPattern, isParameter, isPropertyAccessExpression, isPropertyDeclaration, isQualifiedName, isStringLiteralLike, isTypeReferenceNode, isVariableDeclaration } = ts;

export interface Chain {
  /** The module specifier the value is imported from. */
  readonly module: string;
  /** Member names from the import to the value (the imported name first, unless default or namespace). */
  readonly path: readonly string[];
  /** Calls and `new`s the value was made by, outermost last. */
  readonly made: ReadonlyArray<ts.CallExpression | ts.NewExpression>;
}

const MAX_DEPTH = 12;

export class ChainTracer {
  private readonly memo = new Map<ts.Node, Chain | null>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** The chain of an expression, if it starts from an import. */
  of(expr: ts.Expression): Chain | undefined {
    return this.trace(expr, 0);
  }

  private trace(expr: ts.Expression, depth: number): Chain | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const e = skipOuterExpressions(expr);
    const known = this.memo.get(e);
    if (known !== undefined) return known ?? undefined;
    this.memo.set(e, null);
    const found = this.traceNode(e, depth);
    this.memo.set(e, found ?? null);
    return found;
  }

  private traceNode(e: ts.Expression, depth: number): Chain | undefined {
    if (isAwaitExpression(e)) return this.trace(e.expression, depth + 1);
    if (isIdentifier(e)) return this.identifier(e, depth);
    if (isPropertyAccessExpression(e)) return this.member(e, depth);
    if (isCallExpression(e) || isNewExpression(e)) return this.made(e, depth);
    return undefined;
  }

  private identifier(id: ts.Identifier, depth: number): Chain | undefined {
    const origin = importOrigin(this.checker, id);
    if (origin && !isRelative(origin.module)) return { module: origin.module, path: origin.name === 'default' || origin.name === '*' ? [] : [origin.name], made: [] };
    const sym = referencedSymbol(this.checker, id);
    // A function's or class's results are followed where it is called.
    if (sym?.declarations?.some((d) => isFunctionLike(d) || isClassLike(d))) return undefined;
    return this.fromSymbol(sym, depth);
  }

  private member(e: ts.PropertyAccessExpression, depth: number): Chain | undefined {
    if (e.expression.kind === SyntaxKind.ThisKeyword) return this.fromSymbol(referencedSymbol(this.checker, e), depth);
    const inner = this.trace(e.expression, depth + 1);
    return inner ? { ...inner, path: [...inner.path, e.name.text] } : undefined;
  }

  private made(e: ts.CallExpression | ts.NewExpression, depth: number): Chain | undefined {
    const callee = skipOuterExpressions(e.expression);
    if (isCallExpression(e) && isIdentifier(callee) && callee.text === 'require' && e.arguments.length === 1 && isStringLiteralLike(e.arguments[0])) {
      return { module: e.arguments[0].text, path: [], made: [] };
    }
    const inner = this.trace(callee, depth + 1);
    if (inner) return { ...inner, made: [...inner.made, e] };
    if (!isCallExpression(e)) return undefined;
    return this.returnedBy(callee, depth);
  }

  /** A helper of the program that returns a client (`function client() { return new Stripe(key); }`). */
  private returnedBy(callee: ts.Expression, depth: number): Chain | undefined {
    for (const d of referencedSymbol(this.checker, callee)?.declarations ?? []) {
      const fn = functionOfDeclaration(d);
      if (!fn?.body || fn.getSourceFile().isDeclarationFile) continue;
      if (!isBlock(fn.body)) return this.trace(fn.body, depth + 1);
      let found: Chain | undefined;
      const visit = (n: ts.Node): void => {
        if (found || isFunctionLike(n)) return;
        if (isReturnStatement(n) && n.expression) found = this.trace(n.expression, depth + 1);
        else forEachChild(n, visit);
      };
      forEachChild(fn.body, visit);
      if (found) return found;
    }
    return undefined;
  }

  /** A variable, field or parameter: its initialiser, the value the constructor assigns, or its written-down type. */
  private fromSymbol(sym: ts.Symbol | undefined, depth: number): Chain | undefined {
    for (const d of sym?.declarations ?? []) {
      const found = this.fromDeclaration(d, depth);
      if (found) return found;
    }
    return undefined;
  }

  private fromDeclaration(d: ts.Declaration, depth: number): Chain | undefined {
    if (isVariableDeclaration(d) && isIdentifier(d.name)) return d.initializer ? this.trace(d.initializer, depth + 1) : this.fromTypeNode(d.type);
    if (isBindingElement(d) && isObjectBindingPattern(d.parent) && isVariableDeclaration(d.parent.parent) && d.parent.parent.initializer) {
      const inner = this.trace(d.parent.parent.initializer, depth + 1);
      const name = d.propertyName ?? d.name;
      return inner && isIdentifier(name) ? { ...inner, path: [...inner.path, name.text] } : undefined;
    }
    if (isPropertyDeclaration(d)) {
      const assigned = d.initializer ?? constructorAssignment(d);
      return (assigned && this.trace(assigned, depth + 1)) ?? this.fromTypeNode(d.type);
    }
    if (isParameter(d)) return this.fromTypeNode(d.type);
    return undefined;
  }

  /** A written-down type `Stripe`, `twilio.Twilio` or `WebClient` that names an import. */
  private fromTypeNode(type: ts.TypeNode | undefined): Chain | undefined {
    if (!type || !isTypeReferenceNode(type)) return undefined;
    const names: string[] = [];
    let n: ts.EntityName = type.typeName;
    while (isQualifiedName(n)) {
      names.unshift(n.right.text);
      n = n.left;
    }
    const origin = importOrigin(this.checker, n);
    if (!origin) return undefined;
    const head = origin.name === 'default' || origin.name === '*' ? [] : [origin.name];
    return { module: origin.module, path: [...head, ...names], made: [] };
  }
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/');
}
