/**
 * A FileHost over an in-memory workspace at a virtual root (files the test edits in place), with the real
 * disk behind it for everything outside the root (TypeScript's library files).
 */
import { createNodeHost } from '../../src/cli/nodeHost';
import { inputFromText, type FileHost } from '../../src/core/host';

export function memoryHost(root: string, files: Record<string, string>): FileHost {
  const disk = createNodeHost();
  const inside = (p: string) => p === root || p.startsWith(`${root}/`);
  const rel = (p: string) => (p === root ? '' : p.slice(root.length + 1));
  const dirs = () => new Set(Object.keys(files).flatMap((f) => f.split('/').slice(0, -1).map((_, i, a) => a.slice(0, i + 1).join('/'))));
  const readFile = (p: string): string | undefined => (inside(p) ? files[rel(p)] : disk.readFile(p));
  return {
    readInput: (p, maxBytes) => (inside(p) ? inputFromText(readFile(p), maxBytes) : disk.readInput(p, maxBytes)),
    readFile,
    fileExists: (p) => (inside(p) ? rel(p) in files : disk.fileExists(p)),
    directoryExists: (p) => (inside(p) ? p === root || dirs().has(rel(p)) : disk.directoryExists(p)),
    readDirectory: (p) => {
      if (!inside(p)) return disk.readDirectory(p);
      const prefix = p === root ? '' : `${rel(p)}/`;
      return [...new Set(Object.keys(files).filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0]))];
    },
    stat: (p) => {
      if (!inside(p)) return disk.stat(p);
      const r = rel(p);
      if (r in files) return { size: files[r].length, isFile: true, isDirectory: false, isSymbolicLink: false };
      return p === root || dirs().has(r) ? { size: 0, isFile: false, isDirectory: true, isSymbolicLink: false } : undefined;
    },
    realpath: (p) => p,
  };
}
