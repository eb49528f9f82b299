/**
 * Small helpers over TypeScript nodes and symbols shared by the analysis modules: locations, alias
 * resolution, function-like detection, and display names.
 */
import ts = require('typescript');
import type { Loc } from '../model';
import { sourceLoc } from '../text/positions';

/** The TypeScript functions and enums this module uses, bound once: the `ts` namespace object is slow to read from. */
const { SymbolFlags, SyntaxKind, isBinaryExpression, isClassLike, isComputedPropertyName, isConstructorDeclaration, isElementAccessExpression, isIdentifier, isInterfaceDeclaration, isNumericLiteral, isParameter, isParameterPropertyDeclaration, isPrivateIdentifier, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isShorthandPropertyAssignment, isStringLiteral, isStringLiteralLike, isTypeAliasDeclaration, isTypeLiteralNode, isVariableDeclaration } = ts;

export function locOf(node: ts.Node, sf: ts.SourceFile = node.getSourceFile()): Loc {
  return sourceLoc(sf, node.getStart(sf), node.getEnd());
}

/**
 * Where a node sits in its file's tree: its index among its parent's children, from the file down
 * (`3.1.4`). Unlike a position, it stays the same when comments or blank lines are added or removed, or when
 * code changes after it inside another declaration.
 */
export function treePath(node: ts.Node): string {
  const steps: string[] = [];
  for (let cur = node; cur.parent; cur = cur.parent) {
    let i = 0;
    const found = ts.forEachChild(cur.parent, (child) => (child === cur ? true : void i++));
    // A JSDoc comment (a JavaScript file's `@typedef`) is no child of the node it documents, but one of its docs.
    steps.push(found ? String(i) : `d${(cur.parent as { jsDoc?: readonly ts.Node[] }).jsDoc?.indexOf(cur) ?? -1}`);
  }
  return steps.reverse().join('.');
}

export function resolveAlias(checker: ts.TypeChecker, sym: ts.Symbol | undefined): ts.Symbol | undefined {
  if (sym && sym.flags & SymbolFlags.Alias) {
    try {
      return checker.getAliasedSymbol(sym);
    } catch {
      return sym;
    }
  }
  return sym;
}

export function symbolAt(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  return resolveAlias(checker, checker.getSymbolAtLocation(node));
}

/** The symbol an expression names: for `a.b` and `a['b']` the member's, otherwise the expression's own (aliases resolved). */
export function referencedSymbol(checker: ts.TypeChecker, e: ts.Expression): ts.Symbol | undefined {
  const x = skipOuterExpressions(e);
  const at = isPropertyAccessExpression(x) ? x.name : isElementAccessExpression(x) ? x.argumentExpression : x;
  return resolveAlias(checker, checker.getSymbolAtLocation(at));
}

export type FunctionLike =
  | ts.FunctionDeclaration | ts.MethodDeclaration | ts.FunctionExpression | ts.ArrowFunction
  | ts.ConstructorDeclaration | ts.GetAccessorDeclaration | ts.SetAccessorDeclaration;

/** A function's parameters as callers pass them: without a TypeScript `this` parameter, which only types the receiver. */
export function valueParameters(fn: ts.SignatureDeclarationBase): readonly ts.ParameterDeclaration[] {
  const first = fn.parameters[0];
  return first && isIdentifier(first.name) && first.name.escapedText === 'this' ? fn.parameters.slice(1) : fn.parameters;
}

export function isFunctionWithBody(node: ts.Node): node is FunctionLike {
  switch (node.kind) {
    case SyntaxKind.FunctionDeclaration: case SyntaxKind.MethodDeclaration: case SyntaxKind.FunctionExpression:
    case SyntaxKind.ArrowFunction: case SyntaxKind.Constructor: case SyntaxKind.GetAccessor: case SyntaxKind.SetAccessor:
      return (node as FunctionLike).body !== undefined;
    default:
      return false;
  }
}

export function skipOuterExpressions(e: ts.Expression): ts.Expression {
  let cur = e;
  for (;;) {
    switch (cur.kind) {
      case SyntaxKind.ParenthesizedExpression: case SyntaxKind.AsExpression: case SyntaxKind.NonNullExpression:
      case SyntaxKind.TypeAssertionExpression: case SyntaxKind.SatisfiesExpression:
        cur = (cur as ts.ParenthesizedExpression).expression;
        break;
      default:
        return cur;
    }
  }
}

/** Parentheses, `!` and `satisfies` (which keep the expression's type), but not `as`/`<T>` assertions. */
export function skipParenthesesAndNonNull(e: ts.Expression): ts.Expression {
  let cur = e;
  while (cur.kind === SyntaxKind.ParenthesizedExpression || cur.kind === SyntaxKind.NonNullExpression || cur.kind === SyntaxKind.SatisfiesExpression) {
    cur = (cur as ts.ParenthesizedExpression).expression;
  }
  return cur;
}

/** The function implementing a declaration: itself, or the function assigned to a variable/property. */
export function functionOfDeclaration(decl: ts.Node): FunctionLike | undefined {
  if (isFunctionWithBody(decl)) return decl;
  let init: ts.Expression | undefined;
  if (isVariableDeclaration(decl) || isPropertyDeclaration(decl) || isPropertyAssignment(decl)) init = decl.initializer;
  else if (isBinaryExpression(decl)) init = decl.right;
  else if ((isPropertyAccessExpression(decl) || isIdentifier(decl)) && isBinaryExpression(decl.parent) && decl.parent.left === decl) init = decl.parent.right;
  else if (isShorthandPropertyAssignment(decl)) return undefined;
  if (!init) return undefined;
  const e = skipOuterExpressions(init);
  return isFunctionWithBody(e) ? e : undefined;
}

/** The name shown for a declaration: `Type.member` for members, the plain name otherwise. */
export function displayName(decl: ts.Node): string {
  const own = nameText(decl) ?? '<anonymous>';
  const parent = decl.parent;
  if (parent && isParameter(decl) && isConstructorDeclaration(parent) && isParameterPropertyDeclaration(decl, parent)) {
    return `${parent.parent.name?.text ?? '<anonymous>'}.${own}`;
  }
  if (parent && (isInterfaceDeclaration(parent) || isClassLike(parent))) {
    return `${parent.name?.text ?? '<anonymous>'}.${own}`;
  }
  const alias = parent && isTypeLiteralNode(parent) ? aliasHolder(parent) : undefined;
  if (alias) return `${alias.name.text}.${own}`;
  return scopedName(decl, own);
}

/** The type alias a type literal is an object-literal part of: directly, or inside intersections, unions and parentheses. */
export function aliasHolder(literal: ts.TypeLiteralNode): ts.TypeAliasDeclaration | undefined {
  let cur: ts.Node = literal.parent;
  while (cur && (ts.isIntersectionTypeNode(cur) || ts.isUnionTypeNode(cur) || ts.isParenthesizedTypeNode(cur))) cur = cur.parent;
  return cur && isTypeAliasDeclaration(cur) ? cur : undefined;
}

/** The declaration (variable or parameter) a destructured name belongs to; the node itself when it is not destructured. */
export function bindingRoot(decl: ts.Node): ts.Node {
  let cur = decl;
  while (ts.isBindingElement(cur) || ts.isObjectBindingPattern(cur) || ts.isArrayBindingPattern(cur)) cur = cur.parent;
  return cur;
}

/**
 * A parameter or local variable named by where it is declared (`register(phone)`, `register.draft`), never by
 * its bare local name alone (SPEC §3.1 "Names"); module-level declarations keep their own name.
 */
function scopedName(decl: ts.Node, own: string): string {
  const literal = objectLiteralHolder(decl);
  if (literal) return `${literal}.${own}`;
  const root = bindingRoot(decl);
  if (root !== decl) return scopedName(root, own);
  if (isParameter(decl)) {
    const fn = decl.parent;
    const fnName = fn ? nameText(fn) ?? nameOfHolder(fn) : undefined;
    return fnName ? `${fnName}(${own})` : own;
  }
  if (!isVariableDeclaration(decl)) return own;
  let cur: ts.Node | undefined = decl.parent;
  while (cur && !ts.isFunctionLike(cur) && !ts.isSourceFile(cur)) cur = cur.parent;
  if (!cur || ts.isSourceFile(cur)) return own;
  const fnName = nameText(cur) ?? nameOfHolder(cur);
  return fnName ? `${fnName}.${own}` : own;
}

/**
 * The name of what holds the object literal a property is written in: `userSchema` for
 * `const userSchema = new Schema({ email: … })`, `userSchema.profile` one level down, `module.exports`.
 */
function objectLiteralHolder(decl: ts.Node): string | undefined {
  if (!isPropertyAssignment(decl) && !isShorthandPropertyAssignment(decl) && !ts.isMethodDeclaration(decl)) return undefined;
  const literal = decl.parent;
  if (!ts.isObjectLiteralExpression(literal)) return undefined;
  let holder: ts.Node = literal.parent;
  while (holder && (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder) || ts.isCallExpression(holder) || ts.isNewExpression(holder))) holder = holder.parent;
  if (!holder) return undefined;
  if (isPropertyAssignment(holder)) {
    const outer = objectLiteralHolder(holder);
    const name = nameText(holder);
    return outer ? `${outer}.${name}` : name;
  }
  if (isVariableDeclaration(holder) || isPropertyDeclaration(holder)) return nameText(holder);
  if (isBinaryExpression(holder)) return holder.left.getText().replace(/\s+/g, '');
  return undefined;
}

/** The name of the variable or property a function expression is assigned to, or of a constructor's class. */
function nameOfHolder(fn: ts.Node): string | undefined {
  if (isConstructorDeclaration(fn)) return fn.parent.name?.text;
  const p = fn.parent;
  if (p && (isVariableDeclaration(p) || isPropertyAssignment(p) || isPropertyDeclaration(p))) return nameText(p);
  // `exports.postContact = async (req, res) => { … }`, `module.exports.f = function () { … }`
  if (p && isBinaryExpression(p) && p.right === fn && isPropertyAccessExpression(p.left)) return p.left.name.text;
  return undefined;
}

/** A declaration's name as written (`sf` when parent pointers may not be set yet). */
export function nameText(decl: ts.Node, sf?: ts.SourceFile): string | undefined {
  const name = (decl as { name?: ts.Node }).name;
  if (!name) return undefined;
  if (isIdentifier(name) || isPrivateIdentifier(name) || isStringLiteral(name) || isNumericLiteral(name)) return name.text;
  return name.getText(sf);
}

export function propertyNameText(name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (isIdentifier(name) || isStringLiteral(name) || isNumericLiteral(name) || isPrivateIdentifier(name)) return name.text;
  if (isComputedPropertyName(name)) {
    const e = name.expression;
    if (isStringLiteralLike(e) || isNumericLiteral(e)) return e.text;
  }
  return undefined;
}

/** Whether a symbol is a variable or parameter declared inside a function. */
export function declaredIn(fn: FunctionLike, sym: ts.Symbol | undefined): boolean {
  const decl = sym?.valueDeclaration;
  return !!decl && decl.pos >= fn.pos && decl.end <= fn.end && decl.getSourceFile() === fn.getSourceFile();
}

/** Operators the analysis treats as storing into their left operand. */
export const ASSIGNMENT_OPERATORS: ReadonlySet<ts.SyntaxKind> = new Set([
  SyntaxKind.EqualsToken, SyntaxKind.PlusEqualsToken, SyntaxKind.QuestionQuestionEqualsToken, SyntaxKind.BarBarEqualsToken,
]);

export function enclosingFunction(node: ts.Node): FunctionLike | undefined {
  let cur = node.parent;
  while (cur) {
    if (isFunctionWithBody(cur)) return cur;
    cur = cur.parent;
  }
  return undefined;
}

/** Keyword types: a value written down as one of these (or arrays and unions of them) has no fields to tag. */
const PRIMITIVE_TYPES = new Set<ts.SyntaxKind>([
  SyntaxKind.StringKeyword, SyntaxKind.NumberKeyword, SyntaxKind.BooleanKeyword, SyntaxKind.BigIntKeyword, SyntaxKind.SymbolKeyword,
  SyntaxKind.VoidKeyword, SyntaxKind.UndefinedKeyword, SyntaxKind.NeverKeyword, SyntaxKind.LiteralType,
]);

/** Whether a type node names only primitive types: its labels are none, whatever the checker would say. */
export function isPrimitiveTypeNode(t: ts.TypeNode): boolean {
  if (PRIMITIVE_TYPES.has(t.kind)) return true;
  if (t.kind === SyntaxKind.ArrayType) return isPrimitiveTypeNode((t as ts.ArrayTypeNode).elementType);
  if (t.kind === SyntaxKind.ParenthesizedType) return isPrimitiveTypeNode((t as ts.ParenthesizedTypeNode).type);
  if (t.kind === SyntaxKind.UnionType) return (t as ts.UnionTypeNode).types.every(isPrimitiveTypeNode);
  return false;
}
