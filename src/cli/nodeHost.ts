/**
 * The FileHost of the CLI and the language server: the real file system through node:fs, read-only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileHost, FileStat } from '../core/host';

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * `readOnce` (the CLI's one-shot runs): a file whose first bytes are read to screen it is read whole, and
 * the next readFile of it takes that text instead of reading the file again. A long-lived host (the
 * language server) must not use it: a file read later could have changed.
 */
export function createNodeHost(opts: { readOnce?: boolean } = {}): FileHost {
  const screened = new Map<string, Buffer>();
  return {
    readFile(p) {
      const kept = screened.get(p);
      if (kept) {
        screened.delete(p);
        return kept.toString('utf8');
      }
      try {
        return fs.readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
    readPrefix(p, bytes) {
      if (opts.readOnce) {
        try {
          const whole = fs.readFileSync(p);
          screened.set(p, whole);
          return whole.subarray(0, bytes);
        } catch {
          return undefined;
        }
      }
      let fd: number | undefined;
      try {
        fd = fs.openSync(p, 'r');
        const buf = Buffer.alloc(bytes);
        const n = fs.readSync(fd, buf, 0, bytes, 0);
        return buf.subarray(0, n);
      } catch {
        return undefined;
      } finally {
        if (fd !== undefined) fs.closeSync(fd);
      }
    },
    fileExists: (p) => statOf(p)?.isFile ?? false,
    directoryExists: (p) => statOf(p)?.isDirectory ?? false,
    readDirectory(p) {
      try {
        return fs.readdirSync(p);
      } catch {
        return [];
      }
    },
    stat: statOf,
    realpath(p) {
      try {
        return toPosix(fs.realpathSync(p));
      } catch {
        return p;
      }
    },
  };
}

function statOf(p: string): FileStat | undefined {
  try {
    const link = fs.lstatSync(p);
    const st = link.isSymbolicLink() ? fs.statSync(p) : link;
    return { size: st.size, isFile: st.isFile(), isDirectory: st.isDirectory(), isSymbolicLink: link.isSymbolicLink() };
  } catch {
    return undefined;
  }
}
