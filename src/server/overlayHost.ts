/**
 * The language server's FileHost: the file system, with the text of documents open in the editor laid
 * over it (unsaved edits are what the analysis sees).
 */
import type { FileHost } from '../core/host';
import { createNodeHost } from '../cli/nodeHost';

export interface OpenDocuments {
  /** The editor's text of a file (absolute `/` path), if it is open. */
  textOf(path: string): string | undefined;
}

export function createOverlayHost(docs: OpenDocuments): FileHost {
  const disk = createNodeHost();
  return {
    ...disk,
    readFile: (p) => docs.textOf(p) ?? disk.readFile(p),
    fileExists: (p) => docs.textOf(p) !== undefined || disk.fileExists(p),
    stat: (p) => {
      const text = docs.textOf(p);
      if (text === undefined) return disk.stat(p);
      return { size: Buffer.byteLength(text), isFile: true, isDirectory: false, isSymbolicLink: false };
    },
  };
}
