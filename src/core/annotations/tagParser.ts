/**
 * Reads the `@tags` of one `/** … *\/` doc comment (SPEC §3) with exact offsets. Purely textual: which
 * tags matter and whether their values are valid is decided by `validateTags.ts`.
 *
 * A tag is `@name` whose `@` starts the comment body or follows whitespace or `*` (so `{@link x}` and
 * `a@b` are not tags). Its values are the space/comma separated tokens after the name, up to the end of
 * the line, the next tag or the end of the comment; a tag of arity `one` takes the first token only (the
 * rest is description), `list` takes them all, `none` takes none. Tags inside fenced code blocks
 * (```` ``` ````) are example text and are skipped.
 */
import type { Loc } from '../model';
import { TAGS } from '../vocabulary/jpPack';
import type { Tag } from './types';

export interface RawTagValue {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A tag as found in the text; offsets are absolute in the file text, ends exclusive. */
export interface RawTag {
  readonly name: string;
  /** Offset of the `@`. */
  readonly start: number;
  /** End of the name. */
  readonly nameEnd: number;
  /** End of the last value, or of the name when there is none. */
  readonly end: number;
  readonly values: readonly RawTagValue[];
}

/** Turns a span of the file text into a Loc. */
export type Locate = (start: number, end: number) => Loc;

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The tags of the comment `text.slice(commentStart, commentEnd)` (which includes `/**` and `*\/`).
 */
export function parseTags(text: string, commentStart: number, commentEnd: number): RawTag[] {
  const body = commentBody(text, commentStart, commentEnd);
  const tags: RawTag[] = [];
  let inFence = false;
  for (const line of lines(text, body)) {
    const content = skipDecoration(text, line);
    if (text.startsWith('```', content)) {
      inFence = !inFence;
      continue;
    }
    if (!inFence) tags.push(...tagsOfLine(text, line, body.start));
  }
  return tags;
}

/** The tag with its offsets turned into Locs. */
export function toTag(raw: RawTag, locate: Locate): Tag {
  return {
    name: raw.name,
    values: raw.values.map((v) => ({ text: v.text, loc: locate(v.start, v.end) })),
    loc: locate(raw.start, raw.end),
    nameLoc: locate(raw.start, raw.nameEnd),
  };
}

function commentBody(text: string, start: number, end: number): Span {
  const open = text.startsWith('/**', start) ? 3 : 2;
  const closed = end - start >= open + 2 && text.startsWith('*/', end - 2);
  return { start: start + open, end: closed ? end - 2 : end };
}

function isLineBreak(ch: number): boolean {
  return ch === 10 || ch === 13;
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 11 || ch === 12 || ch === 0xa0 || ch === 0xfeff;
}

function lines(text: string, body: Span): Span[] {
  const result: Span[] = [];
  let start = body.start;
  for (let i = body.start; i < body.end; i++) {
    if (!isLineBreak(text.charCodeAt(i))) continue;
    result.push({ start, end: i });
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  result.push({ start, end: body.end });
  return result;
}

/** Offset of a line's content after leading whitespace and the `*` decoration. */
function skipDecoration(text: string, line: Span): number {
  let i = line.start;
  while (i < line.end && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 42 /* * */ && i < line.end) i++;
  while (i < line.end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function isTagStart(text: string, at: number, bodyStart: number): boolean {
  if (text.charCodeAt(at) !== 64 /* @ */ || !isNameStart(text.charCodeAt(at + 1))) return false;
  if (at === bodyStart) return true;
  const prev = text.charCodeAt(at - 1);
  return isSpace(prev) || prev === 42 /* * */ || prev === 10 /* \n */ || prev === 13 /* \r */;
}

function isNameStart(ch: number): boolean {
  return (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
}

function isNameChar(ch: number): boolean {
  return isNameStart(ch) || (ch >= 48 && ch <= 57) || ch === 45 /* - */ || ch === 95 /* _ */;
}

function tagsOfLine(text: string, line: Span, bodyStart: number): RawTag[] {
  const starts: number[] = [];
  for (let i = line.start; i < line.end; i++) {
    if (isTagStart(text, i, bodyStart)) starts.push(i);
  }
  return starts.map((at, k) => readTag(text, at, k + 1 < starts.length ? starts[k + 1] : line.end));
}

function readTag(text: string, at: number, limit: number): RawTag {
  let nameEnd = at + 1;
  while (nameEnd < limit && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
  const name = text.slice(at + 1, nameEnd);
  const arity = TAGS.get(name)?.arity ?? 'none';
  const tokens = arity === 'none' ? [] : readTokens(text, nameEnd, limit);
  const values = arity === 'one' ? tokens.slice(0, 1) : tokens;
  const end = values.length > 0 ? values[values.length - 1].end : nameEnd;
  return { name, start: at, nameEnd, end, values };
}

function isSeparator(ch: number): boolean {
  return isSpace(ch) || ch === 44 /* , */;
}

/** Space/comma separated tokens of `[from, limit)`, skipping inline `{@link …}` tags. */
function readTokens(text: string, from: number, limit: number): RawTagValue[] {
  const tokens: RawTagValue[] = [];
  let i = from;
  while (i < limit) {
    const ch = text.charCodeAt(i);
    if (isSeparator(ch)) {
      i++;
    } else if (ch === 123 /* { */ && text.charCodeAt(i + 1) === 64 /* @ */) {
      i = skipInlineTag(text, i, limit);
    } else {
      const start = i;
      while (i < limit && !isSeparator(text.charCodeAt(i))) i++;
      tokens.push({ text: text.slice(start, i), start, end: i });
    }
  }
  return tokens;
}

function skipInlineTag(text: string, open: number, limit: number): number {
  const close = text.indexOf('}', open);
  return close < 0 || close >= limit ? limit : close + 1;
}
