/**
 * Member paths of values: `ctx.session.user` as a root variable and the path below it, and writes of a
 * value at such a path into a taint (SPEC §6.2 v2: stores through a parameter's member paths, nested element
 * stores `g[0][0] = v`, and a callee's writes into its arguments, seen by the caller).
 */
import ts = require('typescript');
import { EMPTY, flatten, join, withField, type Taint } from './labels';
import { skipOuterExpressions } from './nodes';

const { SyntaxKind, isElementAccessExpression, isIdentifier, isPropertyAccessExpression } = ts;

/** How deep a member path is followed (deeper writes merge into the value at this depth). */
const MAX_PATH = 4;

export interface MemberPath {
  /** The variable at the root (`ctx`), or `this`. */
  readonly root: ts.Identifier | ts.ThisExpression;
  /** The members below it, outermost first; a computed member ends the path (`complete` false). */
  readonly path: readonly string[];
  /** Whether every member on the way is named (else the write lands, merged, where the path stops). */
  readonly complete: boolean;
}

/** `a.b[0].c` → root `a`, path `b, 0, c`; undefined when the root is not a variable or `this`. */
export function memberPath(e: ts.Expression): MemberPath | undefined {
  const path: string[] = [];
  let complete = true;
  let cur = skipOuterExpressions(e);
  while (isPropertyAccessExpression(cur) || isElementAccessExpression(cur)) {
    const key = isPropertyAccessExpression(cur) ? cur.name.text : literalKey(cur.argumentExpression);
    if (key === undefined) {
      // `a[k].b`: what is below a computed member is merged into the value above it.
      path.length = 0;
      complete = false;
    } else path.unshift(key);
    cur = skipOuterExpressions(cur.expression);
  }
  if (!isIdentifier(cur) && cur.kind !== SyntaxKind.ThisKeyword) return undefined;
  return { root: cur as ts.Identifier | ts.ThisExpression, path, complete };
}

function literalKey(e: ts.Expression): string | undefined {
  const x = skipOuterExpressions(e);
  return x.kind === SyntaxKind.StringLiteral || x.kind === SyntaxKind.NumericLiteral || x.kind === SyntaxKind.NoSubstitutionTemplateLiteral
    ? (x as ts.LiteralExpression).text : undefined;
}

/**
 * `cur` with `value` written at `path`: replacing what the last member held (`strong`), or added to it.
 * An empty path merges the value's labels into the whole (a write under a computed member, `push`).
 */
export function writeAtPath(cur: Taint, path: readonly string[], value: Taint, strong: boolean): Taint {
  if (path.length === 0) return join(cur, { labels: flatten(value) });
  if (path.length > MAX_PATH) return writeAtPath(cur, path.slice(0, MAX_PATH), { labels: flatten(value) }, false);
  const [head, ...rest] = path;
  const own = cur.fields?.get(head) ?? EMPTY;
  const next = rest.length > 0 ? writeAtPath(own, rest, value, strong) : strong ? value : join(own, value);
  return withField(cur, head, next);
}
