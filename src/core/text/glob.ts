/**
 * Glob patterns (`src/**`, `**\/*.test.ts`, `lib/*.js`) as used by the config's include/exclude and by
 * tsconfig's include/exclude, matched against root-relative paths with `/` separators.
 */

function escapeRegex(ch: string): string {
  return /[.+^${}()|[\]\\]/.test(ch) ? `\\${ch}` : ch;
}

/** Converts a glob to an anchored regular expression. A pattern naming a directory matches everything below it. */
export function globToRegExp(pattern: string): RegExp {
  const p = pattern.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '') || '**';
  let src = '';
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '*' && p[i + 1] === '*') {
      const slash = p[i + 2] === '/';
      src += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') src += '[^/]*';
    else if (ch === '?') src += '[^/]';
    else src += escapeRegex(ch);
  }
  return new RegExp(`^${src}(?:/.*)?$`);
}

export class GlobSet {
  private readonly res: RegExp[];
  constructor(patterns: readonly string[]) {
    this.res = patterns.map(globToRegExp);
  }
  get size(): number {
    return this.res.length;
  }
  matches(relativePath: string): boolean {
    return this.res.some((r) => r.test(relativePath));
  }
}
