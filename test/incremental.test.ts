/**
 * Incremental runs (the language server's) must give exactly what a fresh run gives: after each edit,
 * the findings of a run that reuses the previous state equal those of a run from scratch.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { createNodeHost } from '../src/cli/nodeHost';
import { AnalysisSession, checkWorkspace, checkWorkspaceSession } from '../src/core/engine';
import type { FileHost } from '../src/core/host';

const ROOT = '/virtual/ws';
const FILES: Record<string, string> = {
  'residency.config.json': JSON.stringify({ parties: { 'cn-ops': { name: 'Ops', access: 'contractor-overseas', country: 'CN' } } }),
  'src/model.ts': `/** @residency jp-with-basis */
export interface User {
  /** @category contact */ phone: string;
  /** @category identifier */ id: string;
  theme: string;
}
/** @recipient cn-ops */
export declare function toOps(v: unknown): void;
`,
  'src/helper.ts': `import { toOps } from './model';
export function forward(v: string): void {
  toOps({ v });
}
export function keep(v: string): string {
  return v;
}
`,
  'src/store.ts': `import { toOps } from './model';
export class Store {
  items: string[] = [];
  flush(): void {
    toOps(this.items);
  }
}
`,
  'src/main.ts': `import { forward, keep } from './helper';
import type { User } from './model';
import { Store } from './store';
export function run(u: User, s: Store): void {
  forward(u.theme);
  const k = keep(u.theme);
  s.items.push(k);
}
`,
};

/** A FileHost over an in-memory workspace whose files the test edits. */
function memoryHost(files: Record<string, string>): FileHost {
  const disk = createNodeHost();
  const abs = (p: string) => p.slice(ROOT.length + 1);
  const dirs = new Set(Object.keys(files).flatMap((f) => f.split('/').slice(0, -1).map((_, i, a) => a.slice(0, i + 1).join('/'))));
  return {
    readFile: (p) => (p.startsWith(`${ROOT}/`) ? files[abs(p)] : disk.readFile(p)),
    fileExists: (p) => (p.startsWith(`${ROOT}/`) ? abs(p) in files : disk.fileExists(p)),
    directoryExists: (p) => p === ROOT || (p.startsWith(`${ROOT}/`) ? dirs.has(abs(p)) : disk.directoryExists(p)),
    readDirectory: (p) => {
      if (!(p === ROOT || p.startsWith(`${ROOT}/`))) return disk.readDirectory(p);
      const prefix = p === ROOT ? '' : `${abs(p)}/`;
      return [...new Set(Object.keys(files).filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0]))];
    },
    stat: (p) => {
      if (!(p === ROOT || p.startsWith(`${ROOT}/`))) return disk.stat(p);
      const rel = p === ROOT ? '' : abs(p);
      if (rel in files) return { size: files[rel].length, isFile: true, isDirectory: false, isSymbolicLink: false };
      return p === ROOT || dirs.has(rel) ? { size: 0, isFile: false, isDirectory: true, isSymbolicLink: false } : undefined;
    },
    realpath: (p) => p,
  };
}

const fingerprints = (r: { findings: readonly { rule: string; location: { file: string; line: number }; fingerprint: string }[] }) =>
  r.findings.map((f) => `${f.rule} ${f.location.file}:${f.location.line} ${f.fingerprint}`).sort();

test('incremental runs give the same findings as fresh runs after each edit', () => {
  const files = { ...FILES };
  const host = memoryHost(files);
  const session = new AnalysisSession();
  const edits: Array<[string, (s: string) => string]> = [
    ['src/main.ts', (s) => s.replace('forward(u.theme)', 'forward(u.phone)')],
    ['src/helper.ts', (s) => s.replace('return v;', "return 'x';")],
    ['src/main.ts', (s) => s.replace('keep(u.theme)', 'keep(u.id)')],
    ['src/helper.ts', (s) => s.replace("return 'x';", 'return v;')],
    ['src/model.ts', (s) => s.replace('  theme: string;', '  /** @category profile */ theme: string;')],
    ['src/store.ts', (s) => s.replace('toOps(this.items);', 'void this.items;')],
    ['src/store.ts', (s) => s.replace('void this.items;', 'toOps(this.items);')],
  ];
  const first = checkWorkspaceSession(host, { root: ROOT, session }).result;
  assert.deepEqual(fingerprints(first), fingerprints(checkWorkspace(host, { root: ROOT })));
  const counts: number[] = [];
  for (const [file, edit] of edits) {
    files[file] = edit(files[file]);
    const incremental = checkWorkspaceSession(host, { root: ROOT, session }).result;
    const fresh = checkWorkspace(host, { root: ROOT });
    assert.deepEqual(fingerprints(incremental), fingerprints(fresh), `after editing ${file}`);
    counts.push(fresh.findings.length);
  }
  // The edits really change the findings (the comparison above is not between two empty lists).
  assert.deepEqual(counts, [6, 3, 3, 6, 6, 3, 6]);
});
