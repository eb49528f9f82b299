/**
 * The check fails closed (SPEC §6.0 and §7.3 v2, issue 15): a solution-style tsconfig is followed into its
 * references; a run that analyses nothing exits 2 saying why; skipped files (NUL bytes that are not UTF-8
 * text, over-size files), an undeclared workspace, unresolved path aliases and placeholder suppression
 * reasons are located problems that make `--fail-on warning` fail; a NUL inside a comment of a UTF-8 file
 * does not hide it; the JSON summary counts skipped files, declared sources and egress points, and the
 * report lists them. Each case is a small workspace written by the test.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../src/cli/main';
import { MAX_FILE_BYTES } from '../src/core/analysis/fileDiscovery';
import { isPlaceholderReason } from '../src/core/annotations/suppressions';
import { PROBLEM_MATCHER, lines, makeTempDir, removeDir, runInProcess, writeFiles } from './support/cli';

/** `file:line:column severity code` of each text report line. */
function heads(stdout: string): string[] {
  return lines(stdout).map((l) => {
    const m = PROBLEM_MATCHER.exec(l);
    return m ? `${m[1]}:${m[2]}:${m[3]} ${m[4]} ${m[5]}` : `(not a report line) ${l}`;
  });
}

const MODEL = `/** @residency jp-only */
export interface User {
  /** @category contact */ email: string;
}
`;
const SEND = `import type { User } from '@app/model';
export async function send(u: User): Promise<void> {
  await fetch('https://api.partner.example/v1', { method: 'POST', body: u.email });
}
`;

let tmp = '';
before(() => {
  tmp = makeTempDir('rg-closed-');
});
after(() => removeDir(tmp));

function ws(name: string, files: Record<string, string>): string {
  return writeFiles(path.join(tmp, name), files);
}

interface JsonLoc { readonly file: string; readonly line: number; readonly column: number; readonly endLine: number; readonly endColumn: number }
/** The parts of the JSON report these tests read. */
interface Report {
  readonly summary: Readonly<Record<string, number>>;
  readonly findings: ReadonlyArray<{ readonly rule: string; readonly location: JsonLoc }>;
  readonly problems: ReadonlyArray<{ readonly code: string; readonly message: string; readonly location: JsonLoc }>;
  readonly inventory: {
    readonly sources: readonly unknown[];
    readonly egress: ReadonlyArray<{ readonly location: JsonLoc; readonly kind: string; readonly resolved: boolean }>;
  };
}

function json(dir: string, ...args: string[]): { code: number; report: Report; stderr: string } {
  const r = runInProcess(['check', '--format', 'json', ...args], dir);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

test('a solution-style tsconfig ("files": [] + references) is followed: its projects are analysed and their path aliases resolve', () => {
  const dir = ws('solution', {
    'tsconfig.json': JSON.stringify({ files: [], references: [{ path: './packages/model' }, { path: './apps/api/tsconfig.app.json' }] }),
    'packages/model/tsconfig.json': JSON.stringify({ compilerOptions: { composite: true }, include: ['src'] }),
    'packages/model/src/index.ts': MODEL,
    'apps/api/tsconfig.app.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@app/model': ['../../packages/model/src/index.ts'] } }, include: ['src'] }),
    'apps/api/src/send.ts': SEND,
  });
  const { code, report } = json(dir, '--fail-on', 'warning');
  assert.equal(report.summary.files, 2);
  assert.deepEqual(report.findings.map((f: { rule: string; location: { file: string } }) => `${f.rule} ${f.location.file}`), ['JPR010 apps/api/src/send.ts']);
  assert.deepEqual(report.problems, []);
  assert.equal(code, EXIT_FINDINGS);
});

test('a tsconfig that names no file, or an include that matches nothing, exits 2 saying why', () => {
  const empty = ws('emptyTsconfig', { 'tsconfig.json': '{ "files": [] }', 'src/a.ts': MODEL });
  const r = runInProcess(['check'], empty);
  assert.equal(r.code, EXIT_USAGE);
  assert.deepEqual(heads(r.stdout), ['tsconfig.json:1:1 error RG014']);
  assert.match(r.stderr, /No file was analysed: tsconfig\.json and the projects it references name no source file/);
  const include = ws('emptyInclude', { 'residency.config.json': '{ "include": ["app/**"] }', 'src/a.ts': MODEL });
  const i = runInProcess(['check', '--fail-on', 'none'], include);
  assert.equal(i.code, EXIT_USAGE);
  assert.match(i.stderr, /the "include"\/"exclude" of residency\.config\.json leave none of the 1 source files/);
  const nothing = ws('noSources', { 'README.md': '# nothing here\n' });
  assert.match(runInProcess(['check'], nothing).stderr, /there is no TypeScript or JavaScript file under the checked root/);
});

test('a NUL byte in a comment of a UTF-8 file does not hide it; a binary file is skipped and fails --fail-on warning', () => {
  const dir = ws('nul', {
    'src/model.ts': MODEL.replace('export interface', '// padding \u0000 byte\nexport interface'),
    'src/send.ts': SEND.replace('@app/model', './model'),
  });
  const text = runInProcess(['check', '--fail-on', 'warning'], dir);
  assert.deepEqual(heads(text.stdout), ['src/send.ts:3:9 warning JPR010']);
  fs.writeFileSync(path.join(dir, 'src', 'blob.ts'), Buffer.from([0x00, 0xff, 0xfe, 0x41, 0x00]));
  const { code, report } = json(dir, '--fail-on', 'warning');
  assert.deepEqual(report.problems.map((p: { code: string; location: { file: string } }) => `${p.code} ${p.location.file}`), ['RG011 src/blob.ts']);
  assert.equal(report.summary.filesSkipped, 1);
  assert.equal(code, EXIT_FINDINGS);
  assert.equal(runInProcess(['check'], dir).code, EXIT_OK, 'a warning does not fail the default --fail-on error');
});

test('an over-size file is a located warning that fails --fail-on warning', () => {
  const big = `/** @residency jp-only */ export type Secret = string;\n${'// pad\n'.repeat(Math.ceil((MAX_FILE_BYTES + 1) / 7))}`;
  const dir = ws('oversize', { 'src/big.ts': big, 'src/ok.ts': 'export const ok = 1;\n' });
  const r = runInProcess(['check', '--fail-on', 'warning'], dir);
  assert.deepEqual(heads(r.stdout), ['residency.config.json:1:1 warning RG015', 'src/big.ts:1:1 warning RG011']);
  assert.equal(r.code, EXIT_FINDINGS);
});

test('a workspace that declares no source says so at the config file and fails --fail-on warning', () => {
  const dir = ws('undeclared', { 'src/send.ts': "export const send = (x: string) => fetch('https://api.example.com', { method: 'POST', body: x });\n" });
  const r = runInProcess(['check', '--fail-on', 'warning'], dir);
  assert.deepEqual(heads(r.stdout), ['residency.config.json:1:1 warning RG015']);
  assert.equal(r.code, EXIT_FINDINGS);
  const { report } = json(dir, '--fail-on', 'none');
  assert.equal(report.summary.sourcesDeclared, 0);
  assert.equal(report.summary.destinations, 1);
  assert.deepEqual(report.inventory.egress.map((e: { location: { file: string; line: number }; kind: string; resolved: boolean }) => `${e.location.file}:${e.location.line} ${e.kind} ${e.resolved}`),
    ['src/send.ts:1 http false']);
});

test('unresolved imports through path aliases are counted, the first five located', () => {
  const files: Record<string, string> = { 'src/model.ts': MODEL };
  for (let i = 0; i < 7; i++) files[`src/f${i}.ts`] = `import type { User } from '@/missing/m${i}';\nexport type U${i} = User;\n`;
  const dir = ws('aliases', files);
  const { report, code } = json(dir, '--fail-on', 'warning');
  const rg016 = report.problems.filter((p: { code: string }) => p.code === 'RG016');
  assert.equal(rg016.length, 5);
  assert.deepEqual(rg016[0].location, { file: 'src/f0.ts', line: 1, column: 27, endLine: 1, endColumn: 41 });
  assert.match(rg016[0].message, /"@\/missing\/m0".*7 such imports in all, the first 5 reported/);
  assert.equal(code, EXIT_FINDINGS);
});

test('a placeholder suppression reason is an error and suppresses nothing', () => {
  const dir = ws('placeholder', {
    'src/model.ts': MODEL,
    'src/send.ts': `import type { User } from './model';
export async function send(u: User): Promise<void> {
  // residency-guard-disable-next-line JPR010 -- <why this transfer is acceptable>
  await fetch('https://api.partner.example/v1', { method: 'POST', body: u.email });
}
`,
  });
  const r = runInProcess(['check', '--fail-on', 'error'], dir);
  assert.deepEqual(heads(r.stdout), ['src/send.ts:3:3 error RG005', 'src/send.ts:4:9 warning JPR010']);
  assert.equal(r.code, EXIT_FINDINGS);
  for (const p of ['<why this transfer is acceptable>', 'TODO', 'tbd', '...', 'TODO: ask legal']) assert.ok(isPlaceholderReason(p), p);
  for (const p of ['consent record CR-2022-07 covers KR', 'todos are stored in Tokyo only']) assert.ok(!isPlaceholderReason(p), p);
});

test('the JSON report lists every declared source and egress point, and the summary counts them', () => {
  const dir = ws('inventory', { 'src/model.ts': MODEL, 'src/send.ts': SEND.replace('@app/model', './model') });
  const { report } = json(dir);
  assert.deepEqual(report.inventory.sources, [
    { symbol: 'User', category: 'personal', residency: 'jp-only', location: { file: 'src/model.ts', line: 2, column: 1, endLine: 4, endColumn: 2 } },
    { symbol: 'User.email', category: 'contact', residency: 'jp-only', location: { file: 'src/model.ts', line: 3, column: 28, endLine: 3, endColumn: 42 } },
  ]);
  assert.equal(report.summary.sourcesDeclared, 2);
  assert.equal(report.summary.destinations, 1);
  assert.equal(report.summary.filesSkipped, 0);
  assert.equal(lines(runInProcess(['check', '--format', 'markdown'], dir).stdout).filter((l) => l.includes('src/send.ts:3')).length > 0, true);
});
