/**
 * The corpus test (issue 7, point 2): the engine runs over real .ts/.tsx/.js/.d.ts files written by
 * others — package folders of the project's own node_modules, each checked as a workspace root — with
 * annotations injected into every fourth file (a `@residency` tag before top-level declarations, and a
 * tagged value handed to a `@recipient` function). For every package: no crash, every file either analysed
 * or skipped with a stated reason (RG011), every problem at a valid location of its file, every injected
 * declaration annotated and every injected flow found. Time and memory are printed, never asserted.
 *
 * By default a fixed set of packages (the project's runtime dependencies and a few others) is checked,
 * split over two worker processes. `RG_CORPUS=all` checks every package under node_modules (this takes
 * long: see the report of issue 7), `RG_CORPUS=a,b,c` the named ones.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../support/cli';
import { corpusPackages, type CorpusPackage } from '../support/corpus';
import type { PackageReport } from '../support/corpusWorker';

const NODE_MODULES = path.join(REPO, 'node_modules');
const WORKER = path.join(REPO, 'out/test/support/corpusWorker.js');

/**
 * The default selection (about 1,800 files, under a minute on two cores): what the engine itself runs on,
 * large sets of declaration files, a library whose docs use TypeDoc's `@category` tag (so annotation
 * problems are reported on real files), and small everyday packages.
 */
export const DEFAULT_PACKAGES = [
  'ajv',
  'jsonc-parser',
  'vscode-languageserver',
  'vscode-languageserver-protocol',
  'vscode-languageserver-types',
  'vscode-languageserver-textdocument',
  'vscode-jsonrpc',
  '@azure/msal-node',
  '@typescript-eslint/scope-manager',
  'type-fest',
  'semver',
  'minimatch',
  'tslib',
  'chalk',
  'commander',
];

function selection(all: readonly CorpusPackage[]): CorpusPackage[] {
  const wanted = process.env.RG_CORPUS;
  if (wanted === 'all') return [...all];
  const names = wanted ? wanted.split(',').map((s) => s.trim()).filter(Boolean) : DEFAULT_PACKAGES;
  const chosen = all.filter((p) => names.includes(p.name));
  const missing = names.filter((n) => !chosen.some((p) => p.name === n));
  assert.deepEqual(missing, [], 'packages not found under node_modules');
  return chosen;
}

/** Splits packages over `n` workers, the largest first onto the least loaded worker. */
function split(packages: readonly CorpusPackage[], n: number): string[][] {
  const load = Array.from({ length: n }, () => ({ size: 0, names: [] as string[] }));
  for (const p of [...packages].sort((a, b) => b.files.length - a.files.length)) {
    const w = load.reduce((a, b) => (b.size < a.size ? b : a));
    w.size += p.files.length;
    w.names.push(p.name);
  }
  return load.map((w) => w.names).filter((names) => names.length > 0);
}

interface WorkerDone {
  done: true;
  maxRssMb: number;
  cpuMs: number;
}

function runWorker(names: readonly string[], timeoutMs: number): Promise<{ reports: PackageReport[]; done?: WorkerDone; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, NODE_MODULES, ...names], { env: { ...process.env, RG_CORPUS_WORKER: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const lines = stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as PackageReport | WorkerDone);
      resolve({ reports: lines.filter((l): l is PackageReport => !('done' in l)), done: lines.find((l): l is WorkerDone => 'done' in l), code, stderr });
    });
  });
}

test('corpus: the engine runs over package folders of node_modules with injected annotations — no crash, every file analysed or skipped with a reason', async () => {
  const all = corpusPackages(NODE_MODULES);
  const chosen = selection(all);
  const workers = split(chosen, Math.max(1, Math.min(2, os.availableParallelism())));
  const started = Date.now();
  const runs = await Promise.all(workers.map((names) => runWorker(names, process.env.RG_CORPUS === 'all' ? 4 * 3600_000 : 600_000)));
  const wallMs = Date.now() - started;

  const reports = runs.flatMap((r) => r.reports);
  const rows = reports.map((r) => `#   ${r.pkg.padEnd(36)} ${String(r.files).padStart(5)} files ${String(Math.round(r.bytes / 1024)).padStart(6)} KB ${String(r.ms).padStart(7)} ms  rss ${r.rssMb} MB heap ${r.heapUsedMb} MB  skipped ${r.skipped.length} partial ${r.partial.length} parse ${r.parseProblems} problems ${r.problems} injected ${r.injectedFiles} files/${r.injectedSinksFound}/${r.injectedSinks} flows`);
  const files = reports.reduce((n, r) => n + r.files, 0);
  const bytes = reports.reduce((n, r) => n + r.bytes, 0);
  console.log([
    `# corpus: ${reports.length} packages, ${files} files, ${(bytes / 1048576).toFixed(1)} MB in ${wallMs} ms wall on ${workers.length} workers`,
    ...runs.map((r, i) => `#   worker ${i + 1}: cpu ${r.done?.cpuMs ?? '?'} ms, peak rss ${r.done?.maxRssMb ?? '?'} MB, test process rss ${Math.round(process.memoryUsage().rss / 1048576)} MB`),
    ...rows,
    ...reports.flatMap((r) => r.skipped.map((s) => `#   skipped ${r.pkg}/${s.file}: ${s.reason}`)),
    ...reports.flatMap((r) => r.partial.map((s) => `#   partial ${r.pkg}/${s.file}: ${s.reason}`)),
  ].join('\n'));

  for (const [i, r] of runs.entries()) {
    assert.equal(r.code, 0, `worker ${i + 1} (${workers[i].join(', ')}) exited with ${r.code}: ${r.stderr.slice(0, 3000)}`);
    assert.ok(r.done, `worker ${i + 1} did not finish`);
  }
  assert.deepEqual(reports.map((r) => r.pkg).sort(), chosen.map((p) => p.name).sort(), 'every package reported');
  assert.ok(files >= (process.env.RG_CORPUS ? 1 : 1000), `only ${files} files in the corpus`);
  const failures = reports.filter((r) => r.errors.length > 0).map((r) => `${r.pkg}:\n  ${r.errors.slice(0, 10).join('\n  ')}`);
  assert.deepEqual(failures, []);
  const injected = reports.reduce((n, r) => n + r.injectedSinks, 0);
  assert.ok(injected > 0 && reports.reduce((n, r) => n + r.injectedSinksFound, 0) === injected, 'every injected flow is found');
});
