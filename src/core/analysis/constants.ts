/**
 * Compile-time string values: literals, `const` variables, template literals and concatenations, enum
 * members, properties of const objects, `readonly` and `static readonly` fields, `new URL(path, base)` (and
 * its `href`/`toString()`), and `process.env.NAME` / `import.meta.env.NAME` when the config gives the
 * variable's value (`env`, `envFiles`). Used to read SDK regions and endpoint URLs without running code.
 */
import ts = require('typescript');
import { skipOuterExpressions, symbolAt } from './nodes';

/** The TypeScript functions and enums this module uses, bound once: the `ts` namespace object is slow to read from. */
const { ModifierFlags, NodeFlags, SyntaxKind, forEachChild, getCombinedModifierFlags, isBinaryExpression, isCallExpression, isClassLike, isConstructorDeclaration, isParameter, isElementAccessExpression, isEnumMember, isIdentifier, isMetaProperty, isNewExpression, isNumericLiteral, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isShorthandPropertyAssignment, isStringLiteral, isStringLiteralLike, isTemplateExpression, isVariableDeclaration, isVariableDeclarationList } = ts;

/** Environment values known at analysis time (the config's `env` and `envFiles`). */
export type EnvValues = Readonly<Record<string, string>>;

/** A string known at analysis time: the whole of it, or only a prefix when a later part is computed. */
export interface ConstString {
  readonly text: string;
  readonly complete: boolean;
}

const MAX_DEPTH = 8;

export function constString(checker: ts.TypeChecker, expr: ts.Expression | undefined, env?: EnvValues, depth = 0): ConstString | undefined {
  if (!expr || depth > MAX_DEPTH) return undefined;
  const e = skipOuterExpressions(expr);
  if (isStringLiteralLike(e)) return { text: e.text, complete: true };
  if (isNumericLiteral(e)) return { text: e.text, complete: true };
  if (isTemplateExpression(e)) return templateValue(checker, e, env, depth);
  if (isBinaryExpression(e) && e.operatorToken.kind === SyntaxKind.PlusToken) {
    const left = constString(checker, e.left, env, depth + 1);
    if (!left || !left.complete) return left;
    const right = constString(checker, e.right, env, depth + 1);
    return right ? { text: left.text + right.text, complete: right.complete } : { text: left.text, complete: false };
  }
  if (isNewExpression(e)) return urlValue(checker, e, env, depth);
  if (isCallExpression(e)) return urlMethodValue(checker, e, env, depth);
  const fromEnv = envValue(e, env);
  if (fromEnv !== undefined) return fromEnv ?? undefined;
  if (isPropertyAccessExpression(e) && URL_STRING_MEMBERS.has(e.name.text) && isUrlValued(checker, e.expression)) return constString(checker, e.expression, env, depth + 1);
  if (isIdentifier(e) || isPropertyAccessExpression(e) || isElementAccessExpression(e)) return symbolValue(checker, e, env, depth);
  return undefined;
}

/** Members of a URL whose value starts with its scheme and host. */
const URL_STRING_MEMBERS = new Set(['href', 'origin']);

/** `process.env.NAME`, `process.env['NAME']`, `import.meta.env.NAME`: the configured value, null when it is an env read with no configured value, undefined when `e` is no env read. */
function envValue(e: ts.Expression, env: EnvValues | undefined): ConstString | null | undefined {
  const name = isPropertyAccessExpression(e) ? e.name.text : isElementAccessExpression(e) && isStringLiteralLike(e.argumentExpression) ? e.argumentExpression.text : undefined;
  if (name === undefined || !isEnvObject((e as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression)) return undefined;
  const value = env && Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
  return value === undefined ? null : { text: value, complete: true };
}

function isEnvObject(e: ts.Expression): boolean {
  const x = skipOuterExpressions(e);
  if (!isPropertyAccessExpression(x) || x.name.text !== 'env') return false;
  const base = skipOuterExpressions(x.expression);
  return (isIdentifier(base) && base.text === 'process') || (isMetaProperty(base) && base.keywordToken === SyntaxKind.ImportKeyword);
}

/** `new URL(path, base)`: the path when it is absolute, else the base's scheme and host followed by the path. */
function urlValue(checker: ts.TypeChecker, e: ts.NewExpression, env: EnvValues | undefined, depth: number): ConstString | undefined {
  if (!isIdentifier(e.expression) || e.expression.text !== 'URL') return undefined;
  const [a0, a1] = e.arguments ?? [];
  const path = constString(checker, a0, env, depth + 1);
  if (path && /^[a-z][a-z0-9+.-]*:/i.test(path.text)) return path;
  const base = constString(checker, a1, env, depth + 1);
  const origin = base && /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(base.text);
  if (!origin) return undefined;
  return { text: origin[0] + (path?.text.startsWith('/') ? path.text : '/'), complete: !!path?.complete && base.complete };
}

/** `url.toString()` / `url.toJSON()` of a URL known at analysis time. */
function urlMethodValue(checker: ts.TypeChecker, e: ts.CallExpression, env: EnvValues | undefined, depth: number): ConstString | undefined {
  const callee = skipOuterExpressions(e.expression);
  if (!isPropertyAccessExpression(callee) || (callee.name.text !== 'toString' && callee.name.text !== 'toJSON') || e.arguments.length > 0) return undefined;
  return constString(checker, callee.expression, env, depth + 1);
}

/** Whether an expression holds a `new URL(…)` (its edits — `searchParams`, `pathname` — never change the host). */
function isUrlValued(checker: ts.TypeChecker, e: ts.Expression): boolean {
  const x = skipOuterExpressions(e);
  if (isNewExpression(x)) return isIdentifier(x.expression) && x.expression.text === 'URL';
  if (!isIdentifier(x) && !isPropertyAccessExpression(x)) return false;
  return (symbolAt(checker, x)?.declarations ?? []).some((d) => {
    const init = (isVariableDeclaration(d) || isPropertyDeclaration(d)) ? d.initializer && skipOuterExpressions(d.initializer) : undefined;
    return !!init && isNewExpression(init) && isIdentifier(init.expression) && init.expression.text === 'URL';
  });
}

function templateValue(checker: ts.TypeChecker, e: ts.TemplateExpression, env: EnvValues | undefined, depth: number): ConstString {
  let text = e.head.text;
  for (const span of e.templateSpans) {
    const v = constString(checker, span.expression, env, depth + 1);
    if (!v) return { text, complete: false };
    text += v.text;
    if (!v.complete) return { text, complete: false };
    text += span.literal.text;
  }
  return { text, complete: true };
}

function symbolValue(checker: ts.TypeChecker, e: ts.Expression, env: EnvValues | undefined, depth: number): ConstString | undefined {
  const sym = isIdentifier(e) && isShorthandPropertyAssignment(e.parent) && e.parent.name === e
    ? checker.getShorthandAssignmentValueSymbol(e.parent)
    : symbolAt(checker, isElementAccessExpression(e) ? e.argumentExpression : e);
  for (const d of sym?.declarations ?? []) {
    if (isVariableDeclaration(d) && d.initializer && isConstDeclaration(d)) return constString(checker, d.initializer, env, depth + 1);
    if (isPropertyAssignment(d)) return constString(checker, d.initializer, env, depth + 1);
    if (isEnumMember(d) && d.initializer) return constString(checker, d.initializer, env, depth + 1);
    if (isPropertyDeclaration(d) && hasReadonly(d)) return constString(checker, d.initializer ?? constructorAssignment(d), env, depth + 1);
    if (isParameter(d) && d.initializer && hasReadonly(d)) return constString(checker, d.initializer, env, depth + 1);
  }
  return undefined;
}

/** The value the constructor of a field's class assigns to it (`this.baseUrl = …`), the first one found. */
export function constructorAssignment(d: ts.PropertyDeclaration): ts.Expression | undefined {
  const ctor = isClassLike(d.parent) ? d.parent.members.find(isConstructorDeclaration) : undefined;
  const name = isIdentifier(d.name) ? d.name.text : undefined;
  if (!ctor?.body || !name) return undefined;
  let found: ts.Expression | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (isBinaryExpression(n) && n.operatorToken.kind === SyntaxKind.EqualsToken && isPropertyAccessExpression(n.left) &&
      n.left.expression.kind === SyntaxKind.ThisKeyword && n.left.name.text === name) found = n.right;
    else forEachChild(n, visit);
  };
  visit(ctor.body);
  return found;
}

function isConstDeclaration(d: ts.VariableDeclaration): boolean {
  return isVariableDeclarationList(d.parent) && (d.parent.flags & NodeFlags.Const) !== 0;
}

function hasReadonly(d: ts.PropertyDeclaration | ts.ParameterDeclaration): boolean {
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
