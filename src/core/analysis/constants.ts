/**
 * Compile-time string values: literals, `const` variables, template literals and concatenations, enum
 * members and properties of const objects. Used to read SDK regions and endpoint URLs without running code.
 */
import ts = require('typescript');
import { skipOuterExpressions, symbolAt } from './nodes';

/** The TypeScript functions and enums this module uses, bound once: the `ts` namespace object is slow to read from. */
const { ModifierFlags, NodeFlags, SyntaxKind, getCombinedModifierFlags, isBinaryExpression, isElementAccessExpression, isEnumMember, isIdentifier, isNumericLiteral, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isShorthandPropertyAssignment, isStringLiteral, isStringLiteralLike, isTemplateExpression, isVariableDeclaration, isVariableDeclarationList } = ts;

/** A string known at analysis time: the whole of it, or only a prefix when a later part is computed. */
export interface ConstString {
  readonly text: string;
  readonly complete: boolean;
}

const MAX_DEPTH = 8;

export function constString(checker: ts.TypeChecker, expr: ts.Expression | undefined, depth = 0): ConstString | undefined {
  if (!expr || depth > MAX_DEPTH) return undefined;
  const e = skipOuterExpressions(expr);
  if (isStringLiteralLike(e)) return { text: e.text, complete: true };
  if (isNumericLiteral(e)) return { text: e.text, complete: true };
  if (isTemplateExpression(e)) return templateValue(checker, e, depth);
  if (isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.PlusToken) {
    const left = constString(checker, e.left, depth + 1);
    if (!left || !left.complete) return left;
    const right = constString(checker, e.right, depth + 1);
    return right ? { text: left.text + right.text, complete: right.complete } : { text: left.text, complete: false };
  }
  if (isIdentifier(e) || isPropertyAccessExpression(e) || isElementAccessExpression(e)) return symbolValue(checker, e, depth);
  return undefined;
}

function templateValue(checker: ts.TypeChecker, e: ts.TemplateExpression, depth: number): ConstString {
  let text = e.head.text;
  for (const span of e.templateSpans) {
    const v = constString(checker, span.expression, depth + 1);
    if (!v) return { text, complete: false };
    text += v.text;
    if (!v.complete) return { text, complete: false };
    text += span.literal.text;
  }
  return { text, complete: true };
}

function symbolValue(checker: ts.TypeChecker, e: ts.Expression, depth: number): ConstString | undefined {
  const sym = isIdentifier(e) && isShorthandPropertyAssignment(e.parent) && e.parent.name === e
    ? checker.getShorthandAssignmentValueSymbol(e.parent)
    : symbolAt(checker, isElementAccessExpression(e) ? e.argumentExpression : e);
  for (const d of sym?.declarations ?? []) {
    if (isVariableDeclaration(d) && d.initializer && isConstDeclaration(d)) return constString(checker, d.initializer, depth + 1);
    if (isPropertyAssignment(d)) return constString(checker, d.initializer, depth + 1);
    if (isEnumMember(d) && d.initializer) return constString(checker, d.initializer, depth + 1);
    if (isPropertyDeclaration(d) && d.initializer && hasReadonly(d)) return constString(checker, d.initializer, depth + 1);
  }
  return undefined;
}

function isConstDeclaration(d: ts.VariableDeclaration): boolean {
  return isVariableDeclarationList(d.parent) && (d.parent.flags & NodeFlags.Const) !== 0;
}

function hasReadonly(d: ts.PropertyDeclaration): boolean {
  return (getCombinedModifierFlags(d) & ModifierFlags.Readonly) !== 0;
}

/** An object literal, directly or through a `const` that holds one. */
export function constObject(checker: ts.TypeChecker, e: ts.Expression | undefined, depth = 0): ts.ObjectLiteralExpression | undefined {
  if (!e || depth > MAX_DEPTH) return undefined;
  const x = skipOuterExpressions(e);
  if (isObjectLiteralExpression(x)) return x;
  if (!isIdentifier(x)) return undefined;
  for (const d of symbolAt(checker, x)?.declarations ?? []) {
    if (isVariableDeclaration(d) && d.initializer && isConstDeclaration(d)) return constObject(checker, d.initializer, depth + 1);
  }
  return undefined;
}

/** The value of property `name` in an object literal argument (or a const holding one). */
export function objectProperty(arg: ts.Expression | undefined, name: string, checker?: ts.TypeChecker): ts.Expression | undefined {
  if (!arg) return undefined;
  const obj = checker ? constObject(checker, arg) : skipOuterExpressions(arg);
  if (!obj || !isObjectLiteralExpression(obj)) return undefined;
  for (const p of obj.properties) {
    const pname = p.name && (isIdentifier(p.name) || isStringLiteral(p.name)) ? p.name.text : undefined;
    if (pname !== name) continue;
    if (isPropertyAssignment(p)) return p.initializer;
    if (isShorthandPropertyAssignment(p)) return p.name;
  }
  return undefined;
}
