/**
 * Finds the source files to analyse under a root (SPEC §6.0) through the FileHost: walks directories
 * (node_modules, VCS folders and build output excluded, symlink loops cut), keeps TS/JS files, and sets
 * aside files that cannot be analysed (binary, too large, not a regular file, unreadable, real path outside
 * the root) with a located notice in the requested language.
 */
import type { FileHost } from '../host';
import { problemMessage, type Lang } from '../messages/problemMessages';
import { PROBLEM_CODES, type Problem } from '../model';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', 'coverage', '.next', '.turbo', '.cache']);
/** Files larger than this are skipped with a notice (documented in README). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export function isSourceFile(path: string): boolean {
  return SOURCE_EXTENSIONS.some((ext) => path.endsWith(ext));
}

export function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** Whether `path` is `dir` or below it. */
export function isWithin(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

/**
 * Every source file below `dir`, in a stable order. A file or directory whose real path (through symbolic
 * links) is outside the real path of `dir` is not entered or listed but added to `outside` when given.
 */
export function walkSourceFiles(host: FileHost, dir: string, outside?: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const top = host.realpath(dir);
  const visit = (d: string, real: string): void => {
    if (seen.has(real)) return;
    seen.add(real);
    for (const name of [...host.readDirectory(d)].sort()) {
      const path = joinPath(d, name);
      const st = host.stat(path);
      if (!st || !(st.isDirectory ? !SKIPPED_DIRECTORIES.has(name) : isSourceFile(name))) continue;
      const realPath = st.isSymbolicLink ? host.realpath(path) : joinPath(real, name);
      if (!isWithin(realPath, top)) outside?.push(path);
      else if (st.isDirectory) visit(path, realPath);
      else out.push(path);
    }
  };
  visit(dir, top);
  return out;
}

function fileLoc(file: string) {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/**
 * Binary as git sees it, made exact for text (SPEC §7.3 v2): a NUL byte in the first 8 KB, and those bytes are
 * not valid UTF-8. A NUL inside a comment of a UTF-8 source file does not hide the file; a sequence cut at the
 * end of the prefix is not an error.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (!bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return false;
  } catch {
    return true;
  }
}

export function skipped(file: string, message: string): Problem {
  return { kind: 'file', code: PROBLEM_CODES.fileSkipped, severity: 'warning', message, location: fileLoc(file) };
}

/** Why a file cannot be analysed, in `lang` (undefined when it can). */
function skipReason(host: FileHost, file: string, maxBytes: number, lang: Lang): string | undefined {
  const st = host.stat(file);
  if (!st) return problemMessage(lang, 'skippedUnreadable', {});
  if (!st.isFile) return problemMessage(lang, 'skippedNotRegular', {});
  if (st.size > maxBytes) return problemMessage(lang, 'skippedTooLarge', { bytes: st.size, limitBytes: maxBytes });
  const prefix = host.readPrefix?.(file, 8192);
  return prefix && looksBinary(prefix) ? problemMessage(lang, 'skippedBinary', {}) : undefined;
}

/** Splits files into those that can be analysed and notices (in `lang`) for the others. */
export function screenFiles(
  host: FileHost,
  files: readonly string[],
  maxBytes = MAX_FILE_BYTES,
  lang: Lang = 'en',
): { files: string[]; problems: Problem[] } {
  const ok: string[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const why = skipReason(host, file, maxBytes, lang);
    if (why === undefined) ok.push(file);
    else problems.push(skipped(file, why));
  }
  return { files: ok, problems };
}
