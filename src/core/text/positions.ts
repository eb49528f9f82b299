/**
 * The one place where offsets become lines and columns (SPEC §7.2 v2): lines end only at `\n`, `\r\n` and
 * `\r` — not at U+2028/U+2029, which TypeScript's own line map counts — and columns are UTF-16 code units,
 * as editors and LSP count them. Every location in every output (CLI, JSON, SARIF, register, editor) comes
 * from here. Lines and columns are 1-based, as in every report.
 *
 * `sourceLoc` keeps one LineMap per parsed source file in a WeakMap: a memo of a pure function of an
 * immutable tree (the same thing TypeScript does with its own line map), dropped with the tree.
 */
import type { Loc } from '../model';

export class LineMap {
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 /* \n */) this.starts.push(i + 1);
      else if (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** 1-based line and column of an offset (clamped to the text). */
  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1 };
  }

  loc(file: string, start: number, end: number): Loc {
    const s = this.position(start);
    const e = this.position(Math.max(start, end));
    return { file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  }
}

/** What `sourceLoc` needs of a parsed file (a `ts.SourceFile`). */
export interface TextFile {
  readonly fileName: string;
  readonly text: string;
}

const lineMaps = new WeakMap<TextFile, LineMap>();

/** The line map of a parsed file, made once per file. */
export function lineMapOf(file: TextFile): LineMap {
  let map = lineMaps.get(file);
  if (!map) {
    map = new LineMap(file.text);
    lineMaps.set(file, map);
  }
  return map;
}

/** The location of `start`–`end` in a parsed file. */
export function sourceLoc(file: TextFile, start: number, end: number): Loc {
  return lineMapOf(file).loc(file.fileName, start, end);
}

/** The 1-based line of an offset in a parsed file. */
export function sourceLine(file: TextFile, offset: number): number {
  return lineMapOf(file).position(offset).line;
}
