/**
 * How deeply a syntax tree nests, measured without recursion. The TypeScript binder and checker, and the
 * analysis's own walks, recurse once per level; a file nested deeper than they can take (generated or
 * minified code) is set aside with a notice instead of overflowing the stack.
 */
import ts = require('typescript');

/** Deeper files are skipped. Ordinary code stays far below; the binder overflows near 2000. */
export const MAX_SYNTAX_DEPTH = 1000;

export function exceedsDepth(sf: ts.SourceFile, limit = MAX_SYNTAX_DEPTH): boolean {
  const stack: Array<[ts.Node, number]> = [[sf, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    ts.forEachChild(node, (child) => {
      stack.push([child, depth + 1]);
    });
  }
  return false;
}
