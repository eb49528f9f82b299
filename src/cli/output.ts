/**
 * Writes a report to a file (`--output`, SPEC §7.2 v2): atomically, never through a symbolic link or over a
 * non-regular file.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './errors';

/** Why `file` cannot be replaced by the report: it is a symbolic link or not a regular file (undefined: it can). */
function outputRefusal(file: string): string | undefined {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    return undefined; // does not exist yet
  }
  if (st.isSymbolicLink()) return 'it is a symbolic link';
  return st.isFile() ? undefined : 'it is not a regular file';
}

/**
 * Writes the report atomically (SPEC §7.2 v2): into a new temporary file beside `file` (created exclusively,
 * so never through a link), then renamed over it. A symbolic link or a non-regular file at `file` is refused;
 * rename replaces a directory entry, never what a link planted meanwhile points to.
 */
export function writeOutput(file: string, report: string): void {
  const refusal = outputRefusal(file);
  if (refusal) throw new UsageError(`Will not write the report to ${file}: ${refusal}`);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, report, { flag: 'wx', mode: 0o644 });
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new UsageError(`Cannot write the report to ${file}: ${(e as Error).message}`);
  }
}
