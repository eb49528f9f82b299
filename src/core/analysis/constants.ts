/**
 * Compile-time string values: literals, `const` variables, template literals and concatenations, enum
 * members and properties of const objects. Used to read SDK regions and endpoint URLs without running code.
 */
import ts = require('typescript');
import { skipOuterExpressions, symbolAt } from './nodes';

/** A string known at analysis time: the whole of it, or only a prefix when a later part is computed. */
export interface ConstString {
  readonly text: string;
  readonly complete: boolean;
}

const MAX_DEPTH = 8;

export function constString(checker: ts.TypeChecker, expr: ts.Expression | undefined, depth = 0): ConstString | undefined {
  if (!expr || depth > MAX_DEPTH) return undefined;
  const e = skipOuterExpressions(expr);
  if (ts.isStringLiteralLike(e)) return { text: e.text, complete: true };
  if (ts.isNumericLiteral(e)) return { text: e.text, complete: true };
  if (ts.isTemplateExpression(e)) return templateValue(checker, e, depth);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = constString(checker, e.left, depth + 1);
    if (!left || !left.complete) return left;
    const right = constString(checker, e.right, depth + 1);
    return right ? { text: left.text + right.text, complete: right.complete } : { text: left.text, complete: false };
  }
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return symbolValue(checker, e, depth);
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
  const sym = ts.isIdentifier(e) && ts.isShorthandPropertyAssignment(e.parent) && e.parent.name === e
    ? checker.getShorthandAssignmentValueSymbol(e.parent)
    : symbolAt(checker, ts.isElementAccessExpression(e) ? e.argumentExpression : e);
  for (const d of sym?.declarations ?? []) {
    if (ts.isVariableDeclaration(d) && d.initializer && isConstDeclaration(d)) return constString(checker, d.initializer, depth + 1);
    if (ts.isPropertyAssignment(d)) return constString(checker, d.initializer, depth + 1);
    if (ts.isEnumMember(d) && d.initializer) return constString(checker, d.initializer, depth + 1);
    if (ts.isPropertyDeclaration(d) && d.initializer && hasReadonly(d)) return constString(checker, d.initializer, depth + 1);
  }
  return undefined;
}

function isConstDeclaration(d: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(d.parent) && (d.parent.flags & ts.NodeFlags.Const) !== 0;
}

function hasReadonly(d: ts.PropertyDeclaration): boolean {
  return (ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly) !== 0;
}

/** An object literal, directly or through a `const` that holds one. */
export function constObject(checker: ts.TypeChecker, e: ts.Expression | undefined, depth = 0): ts.ObjectLiteralExpression | undefined {
  if (!e || depth > MAX_DEPTH) return undefined;
  const x = skipOuterExpressions(e);
  if (ts.isObjectLiteralExpression(x)) return x;
  if (!ts.isIdentifier(x)) return undefined;
  for (const d of symbolAt(checker, x)?.declarations ?? []) {
    if (ts.isVariableDeclaration(d) && d.initializer && isConstDeclaration(d)) return constObject(checker, d.initializer, depth + 1);
  }
  return undefined;
}

/** The value of property `name` in an object literal argument (or a const holding one). */
export function objectProperty(arg: ts.Expression | undefined, name: string, checker?: ts.TypeChecker): ts.Expression | undefined {
  if (!arg) return undefined;
  const obj = checker ? constObject(checker, arg) : skipOuterExpressions(arg);
  if (!obj || !ts.isObjectLiteralExpression(obj)) return undefined;
  for (const p of obj.properties) {
    const pname = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
    if (pname !== name) continue;
    if (ts.isPropertyAssignment(p)) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p)) return p.name;
  }
  return undefined;
}
