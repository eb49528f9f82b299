/**
 * Tokens of the HCL subset Terraform files are read with (hclParser.ts): identifiers, numbers, quoted
 * strings (their `${…}` interpolations kept as source spans, parsed later), heredocs, punctuation and
 * operators, and newlines (which end attributes). Comments (`#`, `//`, `/* *\/`) are skipped. Every token
 * keeps its offsets, so every problem and every hop can be located at its line and column.
 */

export type TokenKind = 'ident' | 'number' | 'string' | 'heredoc' | 'punct' | 'newline' | 'eof';

/** A piece of a quoted string or heredoc: literal text, or an interpolation's source span (`${` … `}` excluded). */
export type StringPart = { readonly text: string } | { readonly start: number; readonly end: number };

export interface Token {
  readonly kind: TokenKind;
  /** The text: the identifier, number, punctuation; for strings the raw source. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** For strings and heredocs. */
  readonly parts?: readonly StringPart[];
}

export interface LexProblem {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

const PUNCT = ['==', '!=', '<=', '>=', '&&', '||', '=>', '...', '{', '}', '[', ']', '(', ')', '=', ',', '.', ':', '?', '+', '-', '*', '/', '%', '<', '>', '!'];
const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_-]/;

/** The tokens of `text`, ending with `eof`; problems for characters and strings it cannot read. */
export function lexHcl(text: string, from = 0, to = text.length): { tokens: Token[]; problems: LexProblem[] } {
  const tokens: Token[] = [];
  const problems: LexProblem[] = [];
  let i = from;
  while (i < to) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\ufeff') i++;
    else if (ch === '\n' || ch === '\r') {
      const end = ch === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
      tokens.push({ kind: 'newline', text: '\n', start: i, end });
      i = end;
    } else if (ch === '#' || (ch === '/' && text[i + 1] === '/')) i = lineEnd(text, i, to);
    else if (ch === '/' && text[i + 1] === '*') i = blockCommentEnd(text, i, to, problems);
    else if (IDENT_START.test(ch)) i = pushWhile(tokens, 'ident', text, i, to, IDENT_PART);
    else if (/[0-9]/.test(ch)) i = pushWhile(tokens, 'number', text, i, to, /[0-9.eE]/);
    else if (ch === '"') i = lexString(text, i, to, tokens, problems);
    else if (ch === '<' && text.startsWith('<<', i) && /^<<-?[A-Za-z_]/.test(text.slice(i, i + 4))) i = lexHeredoc(text, i, to, tokens, problems);
    else i = lexPunct(text, i, tokens, problems);
  }
  tokens.push({ kind: 'eof', text: '', start: to, end: to });
  return { tokens, problems };
}

function lineEnd(text: string, i: number, to: number): number {
  while (i < to && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function blockCommentEnd(text: string, i: number, to: number, problems: LexProblem[]): number {
  const end = text.indexOf('*/', i + 2);
  if (end < 0 || end + 2 > to) {
    problems.push({ message: 'unterminated comment', start: i, end: i + 2 });
    return to;
  }
  return end + 2;
}

function pushWhile(tokens: Token[], kind: TokenKind, text: string, i: number, to: number, part: RegExp): number {
  let j = i + 1;
  while (j < to && part.test(text[j])) j++;
  tokens.push({ kind, text: text.slice(i, j), start: i, end: j });
  return j;
}

function lexPunct(text: string, i: number, tokens: Token[], problems: LexProblem[]): number {
  const p = PUNCT.find((x) => text.startsWith(x, i));
  if (!p) {
    problems.push({ message: `unexpected character "${text[i]}"`, start: i, end: i + 1 });
    return i + 1;
  }
  tokens.push({ kind: 'punct', text: p, start: i, end: i + p.length });
  return i + p.length;
}

/** A quoted string: escapes decoded, `${…}` and `%{…}` kept as spans. */
function lexString(text: string, start: number, to: number, tokens: Token[], problems: LexProblem[]): number {
  const parts: StringPart[] = [];
  let lit = '';
  let i = start + 1;
  while (i < to && text[i] !== '"' && text[i] !== '\n') {
    if (text[i] === '\\' && i + 1 < to) {
      lit += unescape(text[i + 1]);
      i += 2;
    } else if ((text[i] === '$' || text[i] === '%') && text[i + 1] === '{') {
      if (lit) parts.push({ text: lit });
      lit = '';
      const close = matchingBrace(text, i + 2, to);
      if (close < 0) break;
      parts.push({ start: i + 2, end: close });
      i = close + 1;
    } else lit += text[i++];
  }
  if (text[i] !== '"') {
    // Kept as a string up to the line's end, so that the parser reports nothing more on this line.
    problems.push({ message: 'unterminated string', start, end: Math.min(i, to) });
    tokens.push({ kind: 'string', text: text.slice(start, i), start, end: i, parts: [{ text: lit }] });
    return i;
  }
  if (lit || parts.length === 0) parts.push({ text: lit });
  tokens.push({ kind: 'string', text: text.slice(start, i + 1), start, end: i + 1, parts });
  return i + 1;
}

function unescape(ch: string): string {
  return ch === 'n' ? '\n' : ch === 't' ? '\t' : ch === 'r' ? '\r' : ch;
}

/** The offset of the `}` closing a `${` whose body starts at `i` (strings inside skipped), or -1. */
function matchingBrace(text: string, i: number, to: number): number {
  let depth = 1;
  for (; i < to; i++) {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < to && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    } else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
    else if (ch === '\n') return -1;
  }
  return -1;
}

/** `<<EOT` … `EOT` (or `<<-EOT`, indented): the body as one literal part (interpolations are not read in heredocs). */
function lexHeredoc(text: string, start: number, to: number, tokens: Token[], problems: LexProblem[]): number {
  const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/.exec(text.slice(start, Math.min(to, start + 200)));
  if (!m) {
    problems.push({ message: 'malformed heredoc', start, end: start + 2 });
    return start + 2;
  }
  const bodyStart = start + m[0].length;
  const close = new RegExp(`^[ \\t]*${m[1]}[ \\t]*$`, 'm');
  const rest = text.slice(bodyStart, to);
  const found = close.exec(rest);
  if (!found) {
    problems.push({ message: `heredoc "${m[1]}" is never closed`, start, end: bodyStart });
    return to;
  }
  const end = bodyStart + found.index + found[0].length;
  tokens.push({ kind: 'heredoc', text: text.slice(start, end), start, end, parts: [{ text: rest.slice(0, found.index) }] });
  return end;
}
