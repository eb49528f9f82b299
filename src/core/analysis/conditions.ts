/**
 * Constant conditions (SPEC §6.2 v2): the value of literals and of operators over known constants, so that
 * `if (false)`, `let x = 2; x++; if (x === 2)` and `const debug = true; if (debug) … else …` do not create
 * flows on paths that cannot run. A taint's `constant` says what the value certainly is; a value without one
 * is unknown. Only primitives are folded, and only by operators whose result JavaScript defines exactly.
 */
import ts = require('typescript');
import { EMPTY, join, withoutConstant, type Constant, type Taint } from './labels';

const { SyntaxKind } = ts;

const TRUE: Taint = { labels: [], constant: true };
const FALSE: Taint = { labels: [], constant: false };
const NULL: Taint = { labels: [], constant: null };

export function constantTaint(c: Constant): Taint {
  return c === true ? TRUE : c === false ? FALSE : c === null ? NULL : { labels: [], constant: c };
}

/** The value of a literal expression, or undefined. */
export function literalValue(e: ts.Expression): Taint | undefined {
  switch (e.kind) {
    case SyntaxKind.TrueKeyword: return TRUE;
    case SyntaxKind.FalseKeyword: return FALSE;
    case SyntaxKind.NullKeyword: return NULL;
    case SyntaxKind.NumericLiteral: return constantTaint(Number((e as ts.NumericLiteral).text));
    case SyntaxKind.StringLiteral: case SyntaxKind.NoSubstitutionTemplateLiteral: return constantTaint((e as ts.StringLiteral).text);
    default: return undefined;
  }
}

/** Whether a value is certainly truthy (true), certainly falsy (false), or unknown. */
export function truthiness(t: Taint): boolean | undefined {
  return t.constant === undefined ? undefined : Boolean(t.constant);
}

/** `a op b` over known constants; undefined when either is unknown or the operator is not folded. */
export function foldBinary(op: ts.SyntaxKind, a: Taint, b: Taint): Taint | undefined {
  const x = a.constant;
  const y = b.constant;
  if (x === undefined || y === undefined) return undefined;
  switch (op) {
    case SyntaxKind.EqualsEqualsEqualsToken: return constantTaint(x === y);
    case SyntaxKind.ExclamationEqualsEqualsToken: return constantTaint(x !== y);
    case SyntaxKind.EqualsEqualsToken: return constantTaint(x == y);
    case SyntaxKind.ExclamationEqualsToken: return constantTaint(x != y);
    default: break;
  }
  if (typeof x !== 'number' || typeof y !== 'number') {
    return op === SyntaxKind.PlusToken && typeof x === 'string' && typeof y === 'string' ? constantTaint(x + y) : undefined;
  }
  switch (op) {
    case SyntaxKind.LessThanToken: return constantTaint(x < y);
    case SyntaxKind.LessThanEqualsToken: return constantTaint(x <= y);
    case SyntaxKind.GreaterThanToken: return constantTaint(x > y);
    case SyntaxKind.GreaterThanEqualsToken: return constantTaint(x >= y);
    case SyntaxKind.PlusToken: case SyntaxKind.PlusEqualsToken: return constantTaint(x + y);
    case SyntaxKind.MinusToken: case SyntaxKind.MinusEqualsToken: return constantTaint(x - y);
    case SyntaxKind.AsteriskToken: case SyntaxKind.AsteriskEqualsToken: return constantTaint(x * y);
    default: return undefined;
  }
}

/** `x++`, `--x`: the new value of a counter, when it is a known number. */
export function stepped(t: Taint, op: ts.SyntaxKind): Taint {
  if (typeof t.constant !== 'number') return withoutConstant(t);
  return constantTaint(op === SyntaxKind.PlusPlusToken ? t.constant + 1 : t.constant - 1);
}

/** The join of two values that reach the same point by different paths: a constant only if both agree. */
export function joinPaths(a: Taint, b: Taint): Taint {
  if (a === b) return a;
  const j = join(a, b);
  return a.constant === b.constant ? j : withoutConstant(j);
}

export { EMPTY };
