/**
 * The engine's only window on the outside world. The core never touches the file system, the network or
 * the process itself: the CLI and the language server hand it an implementation of this interface.
 * Paths are absolute and use `/` separators.
 *
 * Every input file (the config, tsconfig files and their `extends` targets, sources; later env files and
 * Prisma schemas) is read through `readInput` (or `readFile`, which is `readInput` with the host's own size
 * cap): regular files only — a FIFO, a device, a socket or a directory where a file is expected is refused
 * without being opened for reading, so it can never block or stream forever — and at most a given size.
 */
/** Why an input was not read: `missing` (nothing there) or one of the located problems. */
export type InputRefusal = 'missing' | 'not-a-file' | 'too-large' | 'unreadable';

/** The text of an input file, or why there is none (with its size when it was too large). */
export type InputRead =
  | { readonly text: string }
  | { readonly text?: undefined; readonly refused: InputRefusal; readonly bytes?: number };

export interface FileStat {
  readonly size: number;
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly isSymbolicLink: boolean;
}

export interface FileHost {
  /** The text of a regular file of at most `maxBytes` bytes, or why it was not read. */
  readInput(path: string, maxBytes: number): InputRead;
  /** The text of a file, or undefined when it cannot be read (not a regular file, missing, over the host's cap). */
  readFile(path: string): string | undefined;
  /** The first bytes of a file (for binary sniffing), or undefined when it cannot be read. */
  readPrefix?(path: string, bytes: number): Uint8Array | undefined;
  fileExists(path: string): boolean;
  directoryExists(path: string): boolean;
  /** Entries (names, not paths) of a directory; empty when it cannot be read. */
  readDirectory(path: string): readonly string[];
  stat(path: string): FileStat | undefined;
  /** Resolves symbolic links; returns the path itself when it cannot. */
  realpath(path: string): string;
}

/** An InputRead for a host that holds texts (in memory, the editor's buffers): missing when undefined, refused above `maxBytes` (UTF-8). */
export function inputFromText(text: string | undefined, maxBytes: number): InputRead {
  if (text === undefined) return { refused: 'missing' };
  // UTF-8 takes at most 3 bytes per UTF-16 unit: count exactly only when that bound is over the limit.
  const bytes = text.length * 3 <= maxBytes ? text.length : utf8Length(text);
  return bytes > maxBytes ? { refused: 'too-large', bytes } : { text };
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
