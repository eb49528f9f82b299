/**
 * The config's `envFiles` (SPEC §4 v2): dotenv files read as text through the FileHost, never executed.
 * `NAME=value` lines (optionally `export NAME=value`), `#` comments, single- or double-quoted values
 * (no expansion of `$VAR`: what is written is what is used). A file that cannot be read, or a line that is
 * not an assignment, is a located problem; the other values are used. The config's own `env` wins.
 */
import type { FileHost } from '../host';
import { problemMessage, type Lang } from '../messages/problemMessages';
import { PROBLEM_CODES, type Loc, type Problem } from '../model';

export interface EnvRead {
  readonly values: Readonly<Record<string, string>>;
  readonly problems: readonly Problem[];
  /** The texts read, for knowing when the environment changed between runs. */
  readonly key: string;
}

const ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

/** Reads `files` (relative to `root`) in order, later files winning, then applies `env` on top. */
export function readEnvironment(host: FileHost, root: string, files: ReadonlyArray<{ readonly path: string; readonly location?: Loc }>, env: Readonly<Record<string, string>>, lang: Lang): EnvRead {
  const values: Record<string, string> = {};
  const problems: Problem[] = [];
  const texts: string[] = [];
  for (const { path: file, location } of files) {
    const path = `${root.replace(/\/$/, '')}/${file.replace(/^\.\//, '')}`;
    const text = host.readFile(path);
    texts.push(text ?? '\u0000');
    if (text === undefined) {
      problems.push(problem(location ?? lineLoc(path, 1), problemMessage(lang, 'envFileUnreadable', { path: file })));
      continue;
    }
    parseDotenv(text, (name, value) => { values[name] = value; }, (line) => problems.push(problem(lineLoc(path, line), problemMessage(lang, 'envFileBadLine', { path: file, line }))));
  }
  return { values: { ...values, ...env }, problems, key: texts.join('\u0001') };
}

/** Calls `set` for each assignment (with its 1-based line) and `bad` with the number of each line that is neither blank, a comment nor an assignment. */
export function parseDotenv(text: string, set: (name: string, value: string, line: number) => void, bad: (line: number) => void): void {
  text.split(/\r?\n/).forEach((raw, i) => {
    if (/^\s*(?:#.*)?$/.test(raw)) return;
    const m = ASSIGNMENT.exec(raw);
    if (!m) return bad(i + 1);
    set(m[1], unquote(m[2]), i + 1);
  });
}

function unquote(v: string): string {
  const q = v[0];
  if ((q === '"' || q === "'") && v.length >= 2) {
    const end = v.indexOf(q, 1);
    if (end > 0) return q === '"' ? v.slice(1, end).replace(/\\n/g, '\n') : v.slice(1, end);
  }
  return v.replace(/\s+#.*$/, '');
}

function lineLoc(file: string, line: number): Loc {
  return { file, line, column: 1, endLine: line, endColumn: 1 };
}

function problem(location: Loc, message: string): Problem {
  return { kind: 'config', code: PROBLEM_CODES.configReference, severity: 'warning', message, location };
}
