/**
 * The FileHost of the CLI and the language server: the real file system through node:fs, read-only.
 * Inputs are opened non-blocking and checked on the open descriptor (fstat) before a byte is read: only
 * regular files are read, and never more than the size asked for, so a FIFO, `/dev/zero` or a directory
 * named like an input neither hangs nor grows memory.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileHost, FileStat, InputRead, InputRefusal } from '../core/host';

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** What `readFile` reads at most (a safety cap: sources are screened against the smaller analysis limit first). */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

/** O_NONBLOCK where the platform has it: opening a FIFO for reading must not wait for a writer. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

function refusalOf(error: unknown): InputRefusal {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
  return code === 'EISDIR' ? 'not-a-file' : 'unreadable';
}

/** Reads at most `maxBytes` of an open regular file; undefined when it holds more (it grew, or lied about its size). */
function readCapped(fd: number, size: number, maxBytes: number): Buffer | undefined {
  const buf = Buffer.alloc(Math.min(size, maxBytes) + 1);
  let total = 0;
  for (;;) {
    const n = fs.readSync(fd, buf, total, buf.length - total, null);
    if (n === 0) return buf.subarray(0, total);
    total += n;
    if (total > maxBytes) return undefined;
    if (total === buf.length) return undefined;
  }
}

/** Reads a regular file of at most `maxBytes` bytes as raw bytes, or says why not. */
export function readInputBytes(p: string, maxBytes: number): { bytes: Buffer } | { refused: InputRefusal; bytes?: number } {
  let fd: number;
  try {
    fd = fs.openSync(p, OPEN_FLAGS);
  } catch (e) {
    return { refused: refusalOf(e) };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { refused: 'not-a-file' };
    if (st.size > maxBytes) return { refused: 'too-large', bytes: st.size };
    const bytes = readCapped(fd, st.size, maxBytes);
    return bytes ? { bytes } : { refused: 'too-large', bytes: maxBytes + 1 };
  } catch (e) {
    return { refused: refusalOf(e) };
  } finally {
    fs.closeSync(fd);
  }
}

export function readInput(p: string, maxBytes: number): InputRead {
  const r = readInputBytes(p, maxBytes);
  return 'refused' in r ? r : { text: r.bytes.toString('utf8') };
}

/**
 * `readOnce` (the CLI's one-shot runs): a file whose first bytes are read to screen it is read whole, and
 * the next readFile of it takes that text instead of reading the file again. A long-lived host (the
 * language server) must not use it: a file read later could have changed.
 */
export function createNodeHost(opts: { readOnce?: boolean } = {}): FileHost {
  const screened = new Map<string, Buffer>();
  return {
    readInput,
    readFile(p) {
      const kept = screened.get(p);
      if (kept) {
        screened.delete(p);
        return kept.toString('utf8');
      }
      return readInput(p, MAX_READ_BYTES).text;
    },
    readPrefix(p, bytes) {
      const whole = opts.readOnce ? readInputBytes(p, MAX_READ_BYTES) : undefined;
      if (whole && !('refused' in whole)) {
        screened.set(p, whole.bytes);
        return whole.bytes.subarray(0, bytes);
      }
      return opts.readOnce ? undefined : readPrefix(p, bytes);
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

/** The first `bytes` bytes of a regular file (non-blocking open, like every input). */
function readPrefix(p: string, bytes: number): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(p, OPEN_FLAGS);
    if (!fs.fstatSync(fd).isFile()) return undefined;
    const buf = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
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
