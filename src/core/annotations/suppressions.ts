/**
 * Suppression directives (SPEC §3.4):
 * `// residency-guard-disable-next-line JPR001[, JPR005…] -- reason`, in a line or block comment.
 * A directive must start the comment. Only real comments count — the same text inside a string,
 * template literal, regular expression or JSX text is found through the syntax tree and ignored.
 * A directive that names no rule or gives no reason (or a reason still a placeholder: `<…>`, the editor's
 * placeholder text), or names an unknown rule, is a Problem (its message in the requested language) and
 * suppresses nothing.
 *
 * Also home of `commentsAt`/`commentAt`, which tell whether offsets lie inside comments of a source
 * file (used for doc comments that are in no node's leading trivia, too).
 */
import ts = require('typescript');
import { problemMessage, type Lang } from '../messages/problemMessages';
import { PROBLEM_CODES, type Loc, type Problem } from '../model';
import { RULE_IDS, isRuleId, type RuleId } from '../rules/ruleIds';
import { sourceLine, sourceLoc } from '../text/positions';
import { suggest } from '../text/suggest';
import type { Suppression } from './types';

export const DIRECTIVE = 'residency-guard-disable-next-line';

export interface FileSuppressions {
  readonly suppressions: readonly Suppression[];
  readonly problems: readonly Problem[];
}

/** Every suppression directive of a file, and the problems with them. */
export function parseSuppressions(sf: ts.SourceFile, lang: Lang = 'en'): FileSuppressions {
  const suppressions: Suppression[] = [];
  const problems: Problem[] = [];
  const text = sf.text;
  const offsets: number[] = [];
  for (let at = text.indexOf(DIRECTIVE); at >= 0; at = text.indexOf(DIRECTIVE, at + DIRECTIVE.length)) offsets.push(at);
  if (offsets.length === 0) return { suppressions, problems };
  const comments = new Map<number, ts.CommentRange>();
  for (const comment of commentsAt(sf, offsets).values()) comments.set(comment.pos, comment);
  for (const comment of [...comments.values()].sort((a, b) => a.pos - b.pos)) {
    const result = readDirective(sf, comment, lang);
    if (result?.suppression) suppressions.push(result.suppression);
    if (result) problems.push(...result.problems);
  }
  return { suppressions, problems };
}

/**
 * For each offset that lies inside a comment, that comment (offsets in code, literals or whitespace are
 * left out). One descent of the syntax tree serves all offsets: linear in the size of the file.
 */
export function commentsAt(sf: ts.SourceFile, offsets: readonly number[]): Map<number, ts.CommentRange> {
  const result = new Map<number, ts.CommentRange>();
  const sorted = [...new Set(offsets)].filter((o) => o >= 0 && o < sf.text.length).sort((a, b) => a - b);
  if (sorted.length > 0) locateIn(sf, sf, sorted, result);
  return result;
}

/** The comment containing one offset (see `commentsAt`). */
export function commentAt(sf: ts.SourceFile, offset: number): ts.CommentRange | undefined {
  return commentsAt(sf, [offset]).get(offset);
}

/** Resolves the sorted `offsets`, all inside `node`, by handing each to the child that contains it. */
function locateIn(sf: ts.SourceFile, node: ts.Node, offsets: readonly number[], result: Map<number, ts.CommentRange>): void {
  const children: ts.Node[] = [];
  ts.forEachChild(node, (c) => {
    children.push(c);
  });
  let ci = 0;
  let k = 0;
  while (k < offsets.length) {
    const offset = offsets[k];
    while (ci < children.length && children[ci].end <= offset) ci++;
    const child = ci < children.length && children[ci].pos <= offset ? children[ci] : undefined;
    if (!child) {
      const previousEnd = ci > 0 ? children[ci - 1].end : -1;
      const found = ownComment(sf, node, previousEnd, offset);
      if (found) result.set(offset, found);
      k++;
      continue;
    }
    const batch: number[] = [];
    while (k < offsets.length && offsets[k] < child.end) batch.push(offsets[k++]);
    locateIn(sf, child, batch, result);
  }
}

/** The comment at `offset`, which lies in `node` but in none of its children (`previousEnd`: end of the child before it). */
function ownComment(sf: ts.SourceFile, node: ts.Node, previousEnd: number, offset: number): ts.CommentRange | undefined {
  const start = node === sf ? 0 : node.getStart(sf);
  if (offset < start) return containing(commentsInTrivia(sf.text, node.pos), offset);
  if (isTextLeaf(node)) return undefined;
  return scanForComment(sf, Math.max(start, previousEnd), offset);
}

/** All comments in the trivia that starts at `pos` (the same-line ones included). */
export function commentsInTrivia(text: string, pos: number): ts.CommentRange[] {
  const leading = ts.getLeadingCommentRanges(text, pos) ?? [];
  if (pos === 0) return leading;
  return [...(ts.getTrailingCommentRanges(text, pos) ?? []), ...leading];
}

function containing(ranges: readonly ts.CommentRange[], offset: number): ts.CommentRange | undefined {
  return ranges.find((r) => r.pos <= offset && offset < r.end);
}

/** Nodes whose own text is a single token that may contain comment-like text. */
function isTextLeaf(node: ts.Node): boolean {
  const literal = node.kind >= ts.SyntaxKind.FirstLiteralToken && node.kind <= ts.SyntaxKind.LastTemplateToken;
  return literal || ts.isIdentifier(node) || ts.isPrivateIdentifier(node);
}

function scanForComment(sf: ts.SourceFile, from: number, offset: number): ts.CommentRange | undefined {
  const scanner = ts.createScanner(sf.languageVersion, false, sf.languageVariant, sf.text, undefined, from);
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    const pos = scanner.getTokenStart();
    const end = scanner.getTokenEnd();
    if (pos > offset) return undefined;
    if (offset >= end) continue;
    if (kind === ts.SyntaxKind.SingleLineCommentTrivia || kind === ts.SyntaxKind.MultiLineCommentTrivia) {
      return { pos, end, kind };
    }
    return undefined;
  }
  return undefined;
}

function toLoc(sf: ts.SourceFile, start: number, end: number): Loc {
  return sourceLoc(sf, start, end);
}

interface DirectiveResult {
  readonly suppression: Suppression | undefined;
  readonly problems: readonly Problem[];
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The text between the comment's delimiters. */
function commentBody(text: string, comment: ts.CommentRange): { start: number; end: number } {
  const start = comment.pos + 2;
  const closed = comment.kind === ts.SyntaxKind.MultiLineCommentTrivia && text.startsWith('*/', comment.end - 2);
  return { start, end: closed && comment.end - 2 >= start ? comment.end - 2 : comment.end };
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 11 || ch === 12 || ch === 0xa0 || ch === 0xfeff;
}

/** Offset of the directive when it starts the comment (after spaces and block-comment stars). */
function directiveStart(text: string, body: { start: number; end: number }): number | undefined {
  let i = body.start;
  while (i < body.end && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 42 /* * */)) i++;
  if (!text.startsWith(DIRECTIVE, i)) return undefined;
  const after = i + DIRECTIVE.length;
  return after >= body.end || isSpace(text.charCodeAt(after)) ? i : undefined;
}

function readDirective(sf: ts.SourceFile, comment: ts.CommentRange, lang: Lang): DirectiveResult | undefined {
  const text = sf.text;
  const body = commentBody(text, comment);
  const start = directiveStart(text, body);
  if (start === undefined) return undefined;
  const argsStart = start + DIRECTIVE.length;
  const dashes = findReasonSeparator(text, argsStart, body.end);
  const ruleTokens = tokens(text, argsStart, dashes ?? body.end);
  const reason = dashes === undefined ? '' : normaliseReason(text.slice(dashes + 2, body.end));
  const loc = toLoc(sf, comment.pos, comment.end);
  const problems: Problem[] = [];
  const rules = checkRules(sf, ruleTokens, problems, lang);
  if (ruleTokens.length === 0) problems.push(noRule(loc, lang));
  if (reason === '') problems.push(noReason(loc, lang));
  const placeholder = reason !== '' && isPlaceholderReason(reason);
  if (placeholder) problems.push(placeholderReason(loc, reason, lang));
  const valid = rules.length > 0 && reason !== '' && !placeholder;
  const line = sourceLine(sf, start);
  const suppression = valid ? { file: sf.fileName, line, targetLine: loc.endLine + 1, rules, reason, loc } : undefined;
  return { suppression, problems };
}

/** Offset of the `--` that starts the reason: the first one preceded by whitespace (or directly after the rules). */
function findReasonSeparator(text: string, from: number, end: number): number | undefined {
  for (let i = text.indexOf('--', from); i >= 0 && i + 2 <= end; i = text.indexOf('--', i + 1)) {
    if (i === from || isSpace(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 44 /* , */) return i;
  }
  return undefined;
}

function tokens(text: string, from: number, end: number): Token[] {
  const result: Token[] = [];
  let i = from;
  while (i < end) {
    const ch = text.charCodeAt(i);
    if (isSpace(ch) || ch === 44 /* , */ || ch === 42 /* * */) {
      i++;
      continue;
    }
    const start = i;
    while (i < end && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 44) i++;
    result.push({ text: text.slice(start, i), start, end: i });
  }
  return result;
}

/** The reason as one line: block-comment line decorations removed, whitespace collapsed. */
function normaliseReason(raw: string): string {
  return raw
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^\s*\*(?!\/)/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function checkRules(sf: ts.SourceFile, ruleTokens: readonly Token[], problems: Problem[], lang: Lang): RuleId[] {
  const rules: RuleId[] = [];
  for (const token of ruleTokens) {
    if (isRuleId(token.text)) {
      if (!rules.includes(token.text)) rules.push(token.text);
      continue;
    }
    problems.push(unknownRule(toLoc(sf, token.start, token.end), token.text, lang));
  }
  return rules;
}

function unknownRule(location: Loc, written: string, lang: Lang): Problem {
  const suggestion = suggest(written, RULE_IDS);
  const args = { rule: written, suggestion, first: RULE_IDS[0], last: RULE_IDS[RULE_IDS.length - 1] };
  const message = problemMessage(lang, 'suppressionUnknownRule', args);
  const base = { kind: 'suppression' as const, code: PROBLEM_CODES.suppressionUnknownRule, severity: 'error' as const, message, location };
  return suggestion === undefined ? base : { ...base, suggestion };
}

function noRule(location: Loc, lang: Lang): Problem {
  return {
    kind: 'suppression',
    code: PROBLEM_CODES.suppressionWithoutReason,
    severity: 'error',
    message: problemMessage(lang, 'suppressionNoRule', { directive: DIRECTIVE }),
    location,
  };
}

/** The placeholder texts the editor's quick fix offers (English and Japanese), never an audit reason. */
const EDITOR_PLACEHOLDERS = new Set(['why this transfer is acceptable', 'why this finding is acceptable', 'この移転が許される理由', 'この検出結果を受け入れてよい理由']);

/**
 * A reason that is still a placeholder (SPEC §7.3 v2): wholly in angle brackets (what the editor's quick fix
 * inserts, `<why this transfer is acceptable>`), the quick fix's placeholder text itself, or only a word such as
 * TODO, TBD, FIXME, reason, "..." or "xxx".
 */
export function isPlaceholderReason(reason: string): boolean {
  const r = reason.trim();
  if (EDITOR_PLACEHOLDERS.has(r.toLowerCase())) return true;
  return /^<[^<>]*>$/.test(r) || /^(?:todo|tbd|tba|fixme|xxx+|reason|why|\.{2,}|…|-+|\?+)[.:!]?$/i.test(r) || /^(?:todo|tbd|fixme)\b[:\s]/i.test(r);
}

function placeholderReason(location: Loc, reason: string, lang: Lang): Problem {
  return {
    kind: 'suppression',
    code: PROBLEM_CODES.suppressionWithoutReason,
    severity: 'error',
    message: problemMessage(lang, 'suppressionPlaceholderReason', { reason }),
    location,
  };
}

function noReason(location: Loc, lang: Lang): Problem {
  return {
    kind: 'suppression',
    code: PROBLEM_CODES.suppressionWithoutReason,
    severity: 'error',
    message: problemMessage(lang, 'suppressionNoReason', {}),
    location,
  };
}
