/**
 * How deeply a syntax tree may nest. The TypeScript binder and checker, and the analysis's own walks, recurse
 * once per level; a file nested deeper than they can take (generated or minified code) is set aside with a
 * notice instead of overflowing the stack. The depth is measured by the file's index (fileIndex.ts).
 */

/** Deeper files are skipped. Ordinary code stays far below; the binder overflows near 2000. */
export const MAX_SYNTAX_DEPTH = 1000;
