/**
 * The FileHost of the CLI and the language server: the real file system through node:fs, read-only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileHost, FileStat } from '../core/host';

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export function createNodeHost(): FileHost {
  return {
    readFile(p) {
      try {
        return fs.readFileSync(p, 'utf8');
      } catch {
        return undefined;
      }
    },
    readPrefix(p, bytes) {
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
