/**
 * The language server's FileHost: the file system, with the text of documents open in the editor laid
 * over it (unsaved edits are what the analysis sees). File contents read from disk are kept until the
 * client reports a change to that file, so a keystroke does not re-read the whole workspace. An open file is
 * screened (size, NUL bytes) on its buffer, like a fresh run of the saved text would screen the disk copy.
 */
import { inputFromText, type FileHost } from '../core/host';
import { createNodeHost } from '../cli/nodeHost';

export interface OpenDocuments {
  /** The editor's text of a file (absolute `/` path), if it is open. */
  textOf(path: string): string | undefined;
}

export class DiskTextCache {
  private readonly texts = new Map<string, string | undefined>();
  /** Only when the client reports file changes may texts be kept. */
  enabled = false;

  read(path: string, load: (p: string) => string | undefined): string | undefined {
    if (!this.enabled) return load(path);
    if (this.texts.has(path)) return this.texts.get(path);
    const text = load(path);
    this.texts.set(path, text);
    return text;
  }

  /** The file changed on disk (or was created, deleted, closed in the editor). */
  forget(path: string): void {
    this.texts.delete(path);
  }

  clear(): void {
    this.texts.clear();
  }
}

export function createOverlayHost(docs: OpenDocuments, disk: DiskTextCache): FileHost {
  const fs = createNodeHost();
  return {
    ...fs,
    readInput: (p, maxBytes) => {
      const text = docs.textOf(p);
      return text === undefined ? fs.readInput(p, maxBytes) : inputFromText(text, maxBytes);
    },
    readFile: (p) => docs.textOf(p) ?? disk.read(p, fs.readFile),
    // The binary sniff looks at what is analysed: the editor's buffer when the file is open, not its disk copy.
    readPrefix: (p, bytes) => {
      const text = docs.textOf(p);
      return text === undefined ? fs.readPrefix?.(p, bytes) : Buffer.from(text.slice(0, bytes), 'utf8').subarray(0, bytes);
    },
    fileExists: (p) => docs.textOf(p) !== undefined || fs.fileExists(p),
    stat: (p) => {
      const text = docs.textOf(p);
      if (text === undefined) return fs.stat(p);
      return { size: Buffer.byteLength(text), isFile: true, isDirectory: false, isSymbolicLink: false };
    },
  };
}
