/**
 * Control characters in report text: a file name or message may hold any character, and a line of the
 * text format, a cell of the markdown register or a CI log line must stay one line (SPEC §7.2 v2).
 */
const NAMED_ESCAPES: Readonly<Record<number, string>> = { 9: '\\t', 10: '\\n', 13: '\\r' };

/** Control characters (C0, DEL, C1) and the Unicode line separators, which could start a line of their own. */
export function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/** `text` with every control character written as an escape (`\n`, `\u001b` …): one line, whatever it holds. */
export function escapeControl(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += isControl(code) ? (NAMED_ESCAPES[code] ?? `\\u${code.toString(16).padStart(4, '0')}`) : text[i];
  }
  return out;
}
