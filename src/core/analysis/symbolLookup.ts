/**
 * Symbol resolution for the flow analysis, cheaper than asking the TypeChecker every time. The analysis asks
 * for the symbol of nearly every identifier it reads, and TypeScript resolves a name by walking scopes on
 * each call. Here:
 * - a name read inside a function is looked up in the scopes the binder built (`locals` of blocks, loops,
 *   catch clauses and function bodies); every case where TypeScript's rules differ from that plain walk
 *   (parameter initializers, named function and class expressions, `arguments`, namespaces, enums, `with`,
 *   decorators, class property initializers) is left to the checker;
 * - a name that no enclosing function declares resolves the same anywhere in its file, so the checker's
 *   answer is kept per file and name;
 * - every other answer is kept per node, for the loop bodies and closures the analysis reads more than once.
 * The result is a TypeChecker whose getSymbolAtLocation answers from these; everything else is the checker's.
 */
import ts = require('typescript');

/** The TypeScript functions and enums this module uses, bound once: the `ts` namespace object is slow to read from. */
const { SymbolFlags, SyntaxKind, isClassExpression, isFunctionExpression, isFunctionLike } = ts;

type Locals = ReadonlyMap<ts.__String, ts.Symbol>;

/** Parents under which an identifier is read as a value (getSymbolAtLocation resolves it as a Value). */
const VALUE_PARENTS = new Set<ts.SyntaxKind>([
  SyntaxKind.BinaryExpression, SyntaxKind.CallExpression, SyntaxKind.NewExpression, SyntaxKind.ElementAccessExpression,
  SyntaxKind.ConditionalExpression, SyntaxKind.ReturnStatement, SyntaxKind.ExpressionStatement, SyntaxKind.ArrayLiteralExpression,
  SyntaxKind.SpreadElement, SyntaxKind.SpreadAssignment, SyntaxKind.TemplateSpan, SyntaxKind.PrefixUnaryExpression,
  SyntaxKind.PostfixUnaryExpression, SyntaxKind.ParenthesizedExpression, SyntaxKind.AwaitExpression, SyntaxKind.IfStatement,
  SyntaxKind.WhileStatement, SyntaxKind.DoStatement, SyntaxKind.SwitchStatement, SyntaxKind.CaseClause, SyntaxKind.ThrowStatement,
  SyntaxKind.TypeOfExpression, SyntaxKind.VoidExpression, SyntaxKind.DeleteExpression, SyntaxKind.YieldExpression,
  SyntaxKind.NonNullExpression,
]);

/** Parents whose `expression` (or `initializer`) child is read as a value. */
const VALUE_CHILD = new Map<ts.SyntaxKind, 'expression' | 'initializer' | 'body'>([
  [SyntaxKind.PropertyAccessExpression, 'expression'], [SyntaxKind.AsExpression, 'expression'],
  [SyntaxKind.SatisfiesExpression, 'expression'], [SyntaxKind.TypeAssertionExpression, 'expression'],
  [SyntaxKind.ForOfStatement, 'expression'], [SyntaxKind.ForInStatement, 'expression'],
  [SyntaxKind.VariableDeclaration, 'initializer'], [SyntaxKind.PropertyAssignment, 'initializer'],
  [SyntaxKind.ArrowFunction, 'body'],
]);

/** Scopes whose name rules a plain `locals` walk does not follow. */
const SPECIAL_SCOPES = new Set<ts.SyntaxKind>([
  SyntaxKind.ModuleDeclaration, SyntaxKind.ModuleBlock, SyntaxKind.EnumDeclaration, SyntaxKind.WithStatement,
  SyntaxKind.Decorator, SyntaxKind.PropertyDeclaration, SyntaxKind.ExpressionWithTypeArguments,
]);

function isValueRead(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return false;
  if (VALUE_PARENTS.has(p.kind)) return true;
  const child = VALUE_CHILD.get(p.kind);
  return child !== undefined && (p as unknown as Record<string, ts.Node | undefined>)[child] === id;
}

/** Whether a scope node is a function entered from somewhere other than its body (parameters, types). */
function enteredFromSignature(scope: ts.Node, from: ts.Node): boolean {
  return isFunctionLike(scope) && (scope as ts.FunctionLikeDeclaration).body !== from;
}

/** The function-expression or class-expression name a scope binds for its own body. */
function selfName(scope: ts.Node): string | undefined {
  if ((isFunctionExpression(scope) || isClassExpression(scope)) && scope.name) return scope.name.text;
  return undefined;
}

export class SymbolLookup {
  private readonly byNode = new Map<ts.Node, ts.Symbol | undefined>();
  private readonly byFileName = new Map<ts.SourceFile, Map<ts.__String, ts.Symbol | undefined>>();

  constructor(private readonly checker: ts.TypeChecker) {}

  /** A TypeChecker whose getSymbolAtLocation goes through this lookup. */
  wrap(): ts.TypeChecker {
    const fast = Object.create(this.checker) as ts.TypeChecker;
    fast.getSymbolAtLocation = (node) => this.symbolAt(node);
    return fast;
  }

  symbolAt(node: ts.Node): ts.Symbol | undefined {
    if (node.kind === SyntaxKind.Identifier && isValueRead(node as ts.Identifier)) return this.valueSymbol(node as ts.Identifier);
    return this.memo(node);
  }

  private memo(node: ts.Node): ts.Symbol | undefined {
    if (this.byNode.has(node)) return this.byNode.get(node);
    const sym = this.checker.getSymbolAtLocation(node);
    this.byNode.set(node, sym);
    return sym;
  }

  /** The symbol an identifier read as a value names. */
  private valueSymbol(id: ts.Identifier): ts.Symbol | undefined {
    const name = id.escapedText;
    if (name === 'arguments') return this.memo(id);
    let from: ts.Node = id;
    for (let scope = id.parent; scope; from = scope, scope = scope.parent) {
      if (SPECIAL_SCOPES.has(scope.kind) || enteredFromSignature(scope, from)) return this.memo(id);
      if (scope.kind === SyntaxKind.SourceFile) return this.fileLevel(scope as ts.SourceFile, id);
      const sym = (scope as unknown as { locals?: Locals }).locals?.get(name);
      if (sym && sym.flags & SymbolFlags.Value) return sym;
      if (selfName(scope) === id.text) return this.memo(id);
    }
    return this.memo(id);
  }

  /** A name no enclosing function declares: resolved by the checker once per file. */
  private fileLevel(sf: ts.SourceFile, id: ts.Identifier): ts.Symbol | undefined {
    let names = this.byFileName.get(sf);
    if (!names) this.byFileName.set(sf, (names = new Map()));
    if (names.has(id.escapedText)) return names.get(id.escapedText);
    const sym = this.checker.getSymbolAtLocation(id);
    names.set(id.escapedText, sym);
    return sym;
  }
}
