/**
 * The engine's only window on the outside world. The core never touches the file system, the network or
 * the process itself: the CLI and the language server hand it an implementation of this interface.
 * Paths are absolute and use `/` separators.
 */
export interface FileStat {
  readonly size: number;
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  readonly isSymbolicLink: boolean;
}

export interface FileHost {
  /** The text of a file, or undefined when it cannot be read. */
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
