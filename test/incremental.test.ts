/**
 * Incremental runs (the language server's) must give exactly what a fresh run gives: after each edit,
 * the findings of a run that reuses the previous state equal those of a run from scratch.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { AnalysisSession, CancelledError, checkWorkspace, checkWorkspaceAsync, checkWorkspaceSession } from '../src/core/engine';
import { memoryHost as memoryHostAt } from './support/memoryHost';

const ROOT = '/virtual/ws';
const memoryHost = (files: Record<string, string>) => memoryHostAt(ROOT, files);
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
  'src/late.ts': `import { toOps } from './model';
let held = '';
export function hold(v: string): string {
  return v.trim();
}
export function release(): void {
  toOps(held);
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

const fingerprints = (r: { findings: readonly { rule: string; location: { file: string; line: number }; fingerprint: string }[] }) =>
  r.findings.map((f) => `${f.rule} ${f.location.file}:${f.location.line} ${f.fingerprint}`).sort();

/** A fixture workspace's files (all but its expected findings), by root-relative path. */
function fixtureFiles(name: string): Record<string, string> {
  const dir = path.resolve(__dirname, '../../test/fixtures', name);
  const files: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.name !== 'expected.txt') files[r] = fs.readFileSync(path.join(dir, r), 'utf8');
    }
  };
  walk('');
  return files;
}

/** An edit of one file: its name and how its text changes. */
type Edit = [string, (s: string) => string];

/** Applies the edits one by one; after each, the incremental run must equal a fresh one. Returns the fresh runs' finding counts. */
function editEachAndCompare(files: Record<string, string>, session: AnalysisSession, edits: readonly Edit[]): number[] {
  const host = memoryHost(files);
  const counts: number[] = [];
  for (const [file, edit] of edits) {
    files[file] = edit(files[file]);
    const incremental = checkWorkspaceSession(host, { root: ROOT, session }).result;
    const fresh = checkWorkspace(host, { root: ROOT });
    assert.deepEqual(fingerprints(incremental), fingerprints(fresh), `after editing ${file}`);
    counts.push(fresh.findings.length);
  }
  return counts;
}

test('incremental runs give the same findings as fresh runs after each edit', () => {
  const files = { ...FILES };
  const host = memoryHost(files);
  const session = new AnalysisSession();
  const edits: Edit[] = [
    ['src/main.ts', (s) => s.replace('forward(u.theme)', 'forward(u.phone)')],
    ['src/helper.ts', (s) => s.replace('return v;', "return 'x';")],
    ['src/main.ts', (s) => s.replace('keep(u.theme)', 'keep(u.id)')],
    ['src/helper.ts', (s) => s.replace("return 'x';", 'return v;')],
    ['src/model.ts', (s) => s.replace('  theme: string;', '  /** @category profile */ theme: string;')],
    ['src/store.ts', (s) => s.replace('toOps(this.items);', 'void this.items;')],
    ['src/store.ts', (s) => s.replace('void this.items;', 'toOps(this.items);')],
    // A function that could not act starts storing into a module variable, then stops, then sends directly.
    ['src/main.ts', (s) => s.replace('s.items.push(k);', 's.items.push(k);\n  hold(u.phone);').replace("import { Store } from './store';", "import { Store } from './store';\nimport { hold } from './late';")],
    ['src/late.ts', (s) => s.replace('return v.trim();', 'held = v;\n  return v.trim();')],
    ['src/late.ts', (s) => s.replace('held = v;\n', '')],
    ['src/late.ts', (s) => s.replace('return v.trim();', 'toOps(v);\n  return v.trim();')],
  ];
  const first = checkWorkspaceSession(host, { root: ROOT, session }).result;
  assert.deepEqual(fingerprints(first), fingerprints(checkWorkspace(host, { root: ROOT })));
  const counts = editEachAndCompare(files, session, edits);
  // The edits really change the findings (the comparison above is not between two empty lists).
  assert.deepEqual(counts, [6, 3, 3, 6, 6, 3, 6, 6, 9, 6, 9]);
});

/** The analysis-depth fixtures (function values, per-site heap, exceptions, conditions), edited file by file. */
test('incremental runs equal fresh runs on the analysis-depth fixtures, file by file', () => {
  for (const name of ['flow-higher-order', 'flow-heap', 'flow-heap-generic', 'flow-exceptions', 'flow-conditions']) {
    const files = fixtureFiles(name);
    const host = memoryHost(files);
    const session = new AnalysisSession();
    checkWorkspaceSession(host, { root: ROOT, session });
    for (const file of Object.keys(files).filter((f) => f.startsWith('src/') && !f.endsWith('model.ts'))) {
      const original = files[file];
      const before = checkWorkspace(host, { root: ROOT }).findings.length;
      // Every personal read of the file becomes a constant, then comes back.
      for (const text of [original.replace(/\bd\.\w+/g, "'x'"), original]) {
        files[file] = text;
        const incremental = checkWorkspaceSession(host, { root: ROOT, session }).result;
        const fresh = checkWorkspace(host, { root: ROOT });
        assert.deepEqual(fingerprints(incremental), fingerprints(fresh), `${name}: after editing ${file}`);
      }
      assert.equal(checkWorkspace(host, { root: ROOT }).findings.length, before, `${name}: ${file} restored`);
    }
  }
});

/**
 * A run the language server cancels (a newer edit arrived) may stop in the middle of its passes; the next
 * run must still give what a fresh run gives: nothing the cancelled run dropped is lost.
 */
test('a run cancelled at any point leaves a state from which the next run equals a fresh run', async () => {
  const edits: Edit[] = [
    ['src/main.ts', (s) => s.replace('forward(u.theme)', 'forward(u.phone)')],
    ['src/store.ts', (s) => s.replace('toOps(this.items);', 'void this.items;')],
    ['src/store.ts', (s) => s.replace('void this.items;', 'toOps(this.items);')],
    ['src/main.ts', (s) => s.replace('keep(u.theme)', 'keep(u.id)')],
    ['src/helper.ts', (s) => s.replace('return v;', "return 'x';")],
  ];
  let cancellations = 0;
  for (let stopAt = 0; stopAt < 12; stopAt++) {
    const files = { ...FILES };
    const host = memoryHost(files);
    const session = new AnalysisSession();
    checkWorkspaceSession(host, { root: ROOT, session });
    for (const [file, edit] of edits) {
      files[file] = edit(files[file]);
      let asked = 0;
      try {
        await checkWorkspaceAsync(host, { root: ROOT, session, isCancelled: () => asked++ >= stopAt }, async () => undefined);
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        cancellations++;
      }
      const next = checkWorkspaceSession(host, { root: ROOT, session }).result;
      assert.deepEqual(fingerprints(next), fingerprints(checkWorkspace(host, { root: ROOT })), `cancelled after ${stopAt} checks, then ${file} edited`);
    }
  }
  assert.ok(cancellations > 20, `runs were cancelled (${cancellations})`);
});

/**
 * An edit inside one function body sends the file's direct importers to the next pass, and their importers
 * only when what they give changed, or when they re-export the edited file: chains and re-exports.
 */
test('edits inside a function body reach importers of importers only through what changed', () => {
  const files: Record<string, string> = {
    'residency.config.json': FILES['residency.config.json'],
    'src/model.ts': FILES['src/model.ts'],
    'src/leaf.ts': `export function pass(v: string): string {
  return v;
}
export class Box {
  held = '';
  put(v: string): void {
    this.held = v;
  }
}
`,
    'src/middle.ts': `import { pass, Box } from './leaf';
export function viaMiddle(v: string): string {
  return pass(v);
}
export function boxed(v: string): Box {
  const b = new Box();
  b.put(v);
  return b;
}
`,
    'src/barrel.ts': `export { pass } from './leaf';
`,
    'src/top.ts': `import { viaMiddle, boxed } from './middle';
import { toOps, type User } from './model';
export function top(u: User): void {
  toOps(viaMiddle(u.phone));
  toOps(boxed(u.phone).held);
}
`,
    'src/other.ts': `import { pass } from './barrel';
import { toOps, type User } from './model';
export function other(u: User): void {
  toOps(pass(u.id));
}
`,
  };
  const session = new AnalysisSession();
  checkWorkspaceSession(memoryHost(files), { root: ROOT, session });
  const edits: Edit[] = [
    ['src/leaf.ts', (s) => s.replace('return v;', "return 'x';")],
    ['src/leaf.ts', (s) => s.replace("return 'x';", 'return v;')],
    ['src/leaf.ts', (s) => s.replace('this.held = v;', "this.held = 'x';")],
    ['src/leaf.ts', (s) => s.replace("this.held = 'x';", 'this.held = v;')],
    ['src/middle.ts', (s) => s.replace('return pass(v);', "return 'y';")],
    ['src/middle.ts', (s) => s.replace("return 'y';", 'return pass(v);')],
  ];
  const counts = editEachAndCompare(files, session, edits);
  // Each edit removes or restores findings that only a file two imports away reports.
  assert.ok(new Set(counts).size > 1, `the findings change (${counts.join(', ')})`);
});

/**
 * The labels of types are kept from run to run while edits stay inside function bodies (FlowState.typeTaints);
 * an edit of a declaration in another file changes them and must not leave the kept ones in use.
 */
test('labels of types kept between runs are forgotten when an edit may change a type', () => {
  const files: Record<string, string> = {
    'residency.config.json': FILES['residency.config.json'],
    'src/model.ts': `/** @residency jp-with-basis */
export interface User {
  /** @category contact */ phone: string;
  theme: string;
}
export interface Wrapper { user: User; note: string }
/** @recipient cn-ops */
export declare function toOps(v: unknown): void;
`,
    'src/send.ts': `import { toOps, type Wrapper } from './model';
export function send(w: Wrapper): void {
  toOps(w);
}
export function other(): number {
  return 1;
}
`,
  };
  const session = new AnalysisSession();
  const host = memoryHost(files);
  const sources = (r: { findings: readonly { rule: string; sources: readonly { symbol: string }[] }[] }) =>
    r.findings.map((f) => `${f.rule} ${f.sources.map((s) => s.symbol).sort().join(',')}`).sort();
  checkWorkspaceSession(host, { root: ROOT, session });
  const seen: string[][] = [];
  const edits: Edit[] = [
    ['src/send.ts', (s) => s.replace('return 1;', 'return 2;')],
    ['src/model.ts', (s) => s.replace('  theme: string;', '  theme: string;\n  /** @category contact */ email: string;')],
    ['src/send.ts', (s) => s.replace('return 2;', 'return 3;')],
    ['src/model.ts', (s) => s.replace('user: User;', 'user: string;')],
  ];
  for (const [file, edit] of edits) {
    files[file] = edit(files[file]);
    const incremental = checkWorkspaceSession(host, { root: ROOT, session }).result;
    const fresh = checkWorkspace(host, { root: ROOT });
    assert.deepEqual(sources(incremental), sources(fresh), `after editing ${file}`);
    seen.push(sources(fresh));
  }
  // The type's labels really change: a new member, then none.
  assert.ok(seen[0].length > 0 && !seen[0].some((s) => s.includes('User.email')), seen[0].join(' | '));
  assert.ok(seen[1].some((s) => s.includes('User.email')), seen[1].join(' | '));
  assert.deepEqual(seen[3], []);
});

/**
 * A comment added above declarations (the sources' own, say) is a narrow edit: files kept from earlier runs
 * then name nodes of the file as it was, and a finding must still show where each step and source is now.
 */
test('after comment lines above declarations, kept results show the steps and sources where they are now', () => {
  const files: Record<string, string> = {
    'residency.config.json': FILES['residency.config.json'],
    'src/model.ts': FILES['src/model.ts'],
    'src/leaf.ts': `export function pass(v: string): string {
  const copy = v;
  return copy;
}
`,
    'src/middle.ts': `import { pass } from './leaf';
export function viaMiddle(v: string): string {
  const held = pass(v);
  return held;
}
`,
    'src/top.ts': `import { viaMiddle } from './middle';
import { toOps, type User } from './model';
export function top(u: User): void {
  toOps(viaMiddle(u.phone));
}
`,
  };
  const session = new AnalysisSession();
  const host = memoryHost(files);
  const full = (r: { findings: readonly unknown[]; suppressed: readonly unknown[] }) => [...r.findings, ...r.suppressed].map((f) => JSON.stringify(f)).sort();
  checkWorkspaceSession(host, { root: ROOT, session });
  const comment = (s: string) => `// a note\n// another\n${s}`;
  const uncomment = (s: string) => s.replace('// a note\n// another\n', '');
  const directive = '  // residency-guard-disable-next-line JPR001 -- the ops team is the controller here\n';
  const edits: Edit[] = [
    ['src/leaf.ts', comment], ['src/model.ts', comment], ['src/middle.ts', comment],
    ['src/leaf.ts', uncomment], ['src/model.ts', uncomment], ['src/middle.ts', uncomment],
    // A suppression directive is a comment too: it applies to what the run reports.
    ['src/top.ts', (s) => s.replace('  toOps(', `${directive}  toOps(`)], ['src/top.ts', (s) => s.replace(directive, '')],
  ];
  const lines: string[] = [];
  for (const [file, edit] of edits) {
    files[file] = edit(files[file]);
    const incremental = checkWorkspaceSession(host, { root: ROOT, session }).result;
    const fresh = checkWorkspace(host, { root: ROOT });
    assert.deepEqual(full(incremental), full(fresh), `after editing ${file}`);
    const f = fresh.findings[0];
    assert.ok(f, 'a finding');
    lines.push([f.sources[0].location.line, ...f.path.map((s) => s.location.line), fresh.suppressed.length].join(','));
  }
  assert.ok(lines[6].endsWith(',1') && lines[7].endsWith(',0'), `the directive suppresses a finding, then no more: ${lines.join(' | ')}`);
  // The edits really move the steps and the source: each edit gives other lines than the one before.
  assert.ok(lines.every((l, i) => i === 0 || l !== lines[i - 1]), lines.join(' | '));
});

/** A Prisma schema's tags are annotations no TypeScript file holds: an edit of the schema makes the next run a full one. */
test('an edit of a Prisma schema reaches the findings of the next incremental run', () => {
  const files = fixtureFiles('sources-prisma');
  const session = new AnalysisSession();
  const host = memoryHost(files);
  checkWorkspaceSession(host, { root: ROOT, session });
  const edits: Edit[] = [
    ['prisma/schema.prisma', (s) => s.replace('/// A user in Japan.\n/// @residency jp-with-basis', '/// A user in Japan.\n/// @residency unrestricted')],
    ['prisma/schema.prisma', (s) => s.replace('/// A user in Japan.\n/// @residency unrestricted', '/// A user in Japan.\n/// @residency jp-with-basis')],
  ];
  const counts = editEachAndCompare(files, session, edits);
  assert.ok(counts[0] < counts[1], `the schema edit changes the findings (${counts.join(', ')})`);
});
