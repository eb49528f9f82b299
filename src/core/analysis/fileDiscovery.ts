/**
 * Finds the source files to analyse under a root (SPEC §6.0) through the FileHost: walks directories
 * (node_modules, VCS folders and build output excluded, symlink loops cut), keeps TS/JS files, and sets
 * aside files that cannot be analysed (binary, too large, unreadable) with a located notice.
 */
import type { FileHost } from '../host';
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

/** Every source file below `dir`, in a stable order. */
export function walkSourceFiles(host: FileHost, dir: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (d: string): void => {
    const real = host.realpath(d);
    if (seen.has(real)) return;
    seen.add(real);
    for (const name of [...host.readDirectory(d)].sort()) {
      const path = joinPath(d, name);
      const st = host.stat(path);
      if (!st) continue;
      if (st.isDirectory) {
        if (!SKIPPED_DIRECTORIES.has(name)) visit(path);
      } else if (st.isFile && isSourceFile(name)) out.push(path);
    }
  };
  visit(dir);
  return out;
}

function fileLoc(file: string) {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

function looksBinary(bytes: Uint8Array): boolean {
  return bytes.includes(0);
}

/** Splits files into those that can be analysed and notices for the others. */
export function screenFiles(host: FileHost, files: readonly string[], maxBytes = MAX_FILE_BYTES): { files: string[]; problems: Problem[] } {
  const ok: string[] = [];
  const problems: Problem[] = [];
  const skip = (file: string, why: string): void => {
    problems.push({ kind: 'file', code: PROBLEM_CODES.fileSkipped, severity: 'warning', message: `Skipped: ${why}`, location: fileLoc(file) });
  };
  for (const file of files) {
    const st = host.stat(file);
    if (!st || !st.isFile) skip(file, 'the file cannot be read');
    else if (st.size > maxBytes) skip(file, `the file is ${(st.size / 1024).toFixed(0)} KB, above the ${(maxBytes / 1024).toFixed(0)} KB limit for analysis`);
    else {
      const prefix = host.readPrefix?.(file, 8192);
      if (prefix && looksBinary(prefix)) skip(file, 'the file is binary (it contains NUL bytes)');
      else ok.push(file);
    }
  }
  return { files: ok, problems };
}
