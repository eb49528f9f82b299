/**
 * Offset ↔ line/column conversion for texts that are not TypeScript source files (the config file,
 * comment bodies). Lines and columns are 1-based, as in every report.
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
