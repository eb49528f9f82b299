/**
 * Hostile workspaces (issue 16): inputs planted to make the checker report wrong lines, forge CI output,
 * overwrite files outside the workspace, hang on special files, leak the machine's layout or run out of
 * memory. Each case reproduces a failure the audit found; in every one the CLI (run in-process, or as a
 * child process with a time limit where a hang is possible) survives with a located problem and the rest
 * of the workspace is still checked.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { defaultConfig, loadConfig, MAX_CONFIG_PROBLEMS } from '../../src/core/config/loadConfig';
import type { Problem } from '../../src/core/model';
import { formatText, isControl } from '../../src/core/report/formats';
import type { CheckResult } from '../../src/core/report/model';
import { createRegionCatalog } from '../../src/core/vocabulary/regionCatalog';
import { anyText, checkProperty } from '../support/property';
import { lines, makeTempDir, PROBLEM_MATCHER, removeDir, runInProcess, writeFiles } from '../support/cli';
import { FLOW_FILES, FLOW_SINK, runCompiledCli } from '../support/workspace';

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

function workspace(extra: Readonly<Record<string, string>> = {}): string {
  const dir = makeTempDir('rg-hostile-');
  dirs.push(dir);
  return writeFiles(dir, { ...FLOW_FILES, ...extra });
}

/** src/main.ts of FLOW_FILES with line separators inside line 2 and an astral character before the sink on line 3. */
const SEPARATED_MAIN = [
  "import { type User, sendToOps } from './model';",
  'export function report(u: User): void { // a\u2028b\u2029c',
  '  /*\u{1F600}*/ sendToOps(u.phone);',
  '}',
  '',
].join('\n');
/** The sink's column in UTF-16 code units: two spaces, a comment holding a surrogate pair (6 units), a space. */
const SEPARATED_COLUMN = 10;

const FORMATS: ReadonlyArray<{ format: string; locations: (out: string) => Array<{ line: number; column?: number }> }> = [
  { format: 'text', locations: (out) => lines(out).filter((l) => l.startsWith(`${FLOW_SINK.file}:`)).map((l) => {
    const m = PROBLEM_MATCHER.exec(l);
    return { line: Number(m?.[2]), column: Number(m?.[3]) };
  }) },
  { format: 'json', locations: (out) => (JSON.parse(out) as { findings: Array<{ location: { file: string; line: number; column: number } }> }).findings
    .filter((f) => f.location.file === FLOW_SINK.file).map((f) => f.location) },
  { format: 'sarif', locations: (out) => (JSON.parse(out) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }> }> })
    .runs[0].results.map((r) => r.locations[0].physicalLocation).filter((l) => l.artifactLocation.uri === FLOW_SINK.file)
    .map((l) => ({ line: l.region.startLine, column: l.region.startColumn })) },
  { format: 'markdown', locations: (out) => [...out.matchAll(/src\/main\.ts:(\d+)/g)].map((m) => ({ line: Number(m[1]) })) },
];

for (const { format, locations } of FORMATS) {
  test(`U+2028/U+2029 do not end lines and columns count UTF-16 units (${format})`, () => {
    const dir = workspace({ 'src/main.ts': SEPARATED_MAIN });
    const run = runInProcess(['check', '--format', format, '--fail-on', 'none'], dir);
    assert.equal(run.code, 0, run.stderr);
    const found = locations(run.stdout);
    assert.ok(found.length > 0, `no location in src/main.ts:\n${run.stdout}`);
    for (const loc of found) {
      assert.equal(loc.line, FLOW_SINK.line, run.stdout);
      if (loc.column !== undefined) assert.equal(loc.column, SEPARATED_COLUMN, run.stdout);
    }
  });
}

test('a file name with control characters cannot forge a line of the text format (a workflow command, a finding)', () => {
  const forged = 'src/evil\n::error file=src/main.ts,line=1::forged\nsrc/main.ts:9:9: error JPR001 forged\r\u001b[2K.ts';
  const dir = workspace({ [forged]: 'export function (( {\n' });
  const text = runInProcess(['check', '--fail-on', 'none'], dir);
  const json = runInProcess(['check', '--format', 'json', '--fail-on', 'none'], dir);
  const report = JSON.parse(json.stdout) as { findings: unknown[]; problems: Array<{ location: { file: string } }> };
  assert.ok(report.problems.some((p) => p.location.file === forged), `no problem for the forged file: ${json.stdout}`);
  const out = lines(text.stdout);
  assert.equal(out.length, report.findings.length + report.problems.length, text.stdout);
  for (const line of out) {
    assert.match(line, PROBLEM_MATCHER);
    assert.ok(![...line].some((c) => isControl(c.charCodeAt(0))), `a control character in ${JSON.stringify(line)}`);
  }
  assert.ok(out.some((l) => l.startsWith('src/evil\\n::error file=src/main.ts,line=1::forged\\nsrc/main.ts:9:9: error JPR001 forged\\r\\u001b[2K.ts:1:')), text.stdout);
});

/** Each planted `--output` target: how to make it, and whether the run must refuse it (exit 2) or replace it. */
const OUTPUT_TARGETS: ReadonlyArray<{ name: string; plant: (target: string, outside: string) => void; refused: boolean }> = [
  { name: 'a symbolic link to a file outside the workspace', plant: (t, o) => fs.symlinkSync(o, t), refused: true },
  { name: 'a dangling symbolic link', plant: (t, o) => fs.symlinkSync(`${o}.new`, t), refused: true },
  { name: 'a FIFO', plant: (t) => mkfifo(t), refused: true },
  { name: 'a directory', plant: (t) => fs.mkdirSync(t), refused: true },
  { name: 'an existing regular file', plant: (t) => fs.writeFileSync(t, 'old report'), refused: false },
  { name: 'nothing', plant: () => undefined, refused: false },
];

function mkfifo(file: string): void {
  const r = spawnSync('mkfifo', [file]);
  assert.equal(r.status, 0, `mkfifo failed: ${r.stderr}`);
}

for (const { name, plant, refused } of OUTPUT_TARGETS) {
  test(`--output over ${name}: ${refused ? 'refused (exit 2), nothing outside written' : 'replaced atomically'}`, () => {
    const dir = workspace();
    const outside = path.join(makeTempDir('rg-outside-'), 'victim.txt');
    dirs.push(path.dirname(outside));
    fs.writeFileSync(outside, 'precious');
    const target = path.join(dir, 'report.json');
    plant(target, outside);
    const before = fs.readdirSync(dir).sort();
    const run = runInProcess(['check', '--format', 'json', '--output', 'report.json'], dir);
    assert.equal(fs.readFileSync(outside, 'utf8'), 'precious');
    assert.deepEqual(fs.readdirSync(dir).sort(), [...new Set([...before, 'report.json'])].sort(), 'a temporary file was left behind');
    if (refused) {
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /Will not write the report/);
    } else {
      assert.equal(run.code, 1, run.stderr);
      assert.ok(fs.lstatSync(target).isFile());
      assert.equal((JSON.parse(fs.readFileSync(target, 'utf8')) as { tool: string }).tool, 'residency-guard');
    }
  });
}

interface JsonReport {
  readonly findings: ReadonlyArray<{ location: { file: string; line: number } }>;
  readonly problems: ReadonlyArray<{ code: string; severity: string; message: string; location: { file: string; line: number; column: number } }>;
  readonly summary: { files: number };
}

/** Runs the compiled CLI as a child with a time limit (a hang fails the test instead of blocking it) and reads its JSON report. */
function checkJson(dir: string, extraArgs: readonly string[] = []): { code: number; report: JsonReport; stdout: string } {
  const run = runCompiledCli(['check', '--format', 'json', ...extraArgs], dir, 60_000);
  assert.equal(run.timedOut, false, `the check hung:\n${run.stderr}`);
  assert.ok(run.stdout.startsWith('{'), `no report (exit ${run.code}):\n${run.stderr}`);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stdout: run.stdout };
}

/** Plants a special file at `rel` in `dir`. */
type Plant = (file: string, dir: string) => void;
const fifo: Plant = (f) => mkfifo(f);
const devZero: Plant = (f) => fs.symlinkSync('/dev/zero', f);
const directory: Plant = (f) => fs.mkdirSync(f);

/**
 * Special files where an input is expected: `at` is planted, `located` is the file whose problem says so
 * (with its code), and whether the valid flow is still found (a refused config leaves its parties unknown).
 */
const SPECIAL_INPUTS: ReadonlyArray<{ name: string; at: string; plant: Plant; extra?: Record<string, string>; located: string; code: string; flow: boolean }> = [
  { name: 'a FIFO as residency.config.json', at: 'residency.config.json', plant: fifo, located: 'residency.config.json', code: 'RG007', flow: false },
  { name: 'a link to /dev/zero as residency.config.json', at: 'residency.config.json', plant: devZero, located: 'residency.config.json', code: 'RG007', flow: false },
  { name: 'a directory named residency.config.json', at: 'residency.config.json', plant: directory, located: 'residency.config.json', code: 'RG007', flow: false },
  { name: 'a FIFO as tsconfig.json', at: 'tsconfig.json', plant: fifo, located: 'tsconfig.json', code: 'RG011', flow: true },
  { name: 'a link to /dev/zero as tsconfig.json', at: 'tsconfig.json', plant: devZero, located: 'tsconfig.json', code: 'RG011', flow: true },
  { name: 'a directory named tsconfig.json', at: 'tsconfig.json', plant: directory, located: 'tsconfig.json', code: 'RG011', flow: true },
  { name: 'a FIFO as the tsconfig\'s extends target', at: 'base.json', plant: fifo, extra: { 'tsconfig.json': '{ "extends": "./base.json" }' }, located: 'tsconfig.json', code: 'RG011', flow: true },
  { name: 'a link to /dev/zero as the tsconfig\'s extends target', at: 'base.json', plant: devZero, extra: { 'tsconfig.json': '{ "extends": "./base.json" }' }, located: 'tsconfig.json', code: 'RG011', flow: true },
  { name: 'a FIFO as a source file', at: 'src/pipe.ts', plant: fifo, located: 'src/pipe.ts', code: 'RG011', flow: true },
  { name: 'a link to /dev/zero as a source file', at: 'src/zero.ts', plant: devZero, located: 'src/zero.ts', code: 'RG011', flow: true },
];

for (const c of SPECIAL_INPUTS) {
  test(`${c.name}: a located problem, never a hang${c.flow ? '; the rest is checked' : ''}`, () => {
    const dir = workspace(c.extra);
    fs.rmSync(path.join(dir, c.at), { force: true });
    c.plant(path.join(dir, c.at), dir);
    const { code, report, stdout } = checkJson(dir);
    const own = report.problems.filter((p) => p.location.file === c.located && p.code === c.code);
    assert.equal(own.length, 1, stdout);
    assert.ok(own[0].location.line >= 1 && own[0].location.column >= 1);
    assert.ok(report.summary.files >= 2, `the sources were not checked: ${stdout}`);
    if (c.flow) assert.ok(report.findings.some((f) => f.location.file === FLOW_SINK.file && f.location.line === FLOW_SINK.line), stdout);
    assert.equal(code, c.code === 'RG007' ? 2 : 1, stdout);
    assert.deepEqual(strings(report).filter((s) => s.includes(dir)), [], 'an absolute path in the report');
  });
}

test('a tsconfig.json that does not parse is a located problem, and the workspace is still checked', () => {
  const dir = workspace({ 'tsconfig.json': '{\n  "compilerOptions": {\n    "strict": true,,\n  }\n' });
  const { report, stdout } = checkJson(dir);
  const own = report.problems.filter((p) => p.location.file === 'tsconfig.json');
  assert.equal(own.length, 1, stdout);
  assert.deepEqual([own[0].code, own[0].severity, own[0].location.line], ['RG011', 'warning', 3]);
  assert.ok(report.findings.some((f) => f.location.file === FLOW_SINK.file), stdout);
});

/** Every string value of a JSON report. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(strings);
}

test('files whose real path is outside the root: skipped with a notice (a linked file, a linked directory); no absolute path in the report', () => {
  const outside = makeTempDir('rg-outside-');
  dirs.push(outside);
  writeFiles(outside, { 'leak.ts': FLOW_FILES['src/main.ts'].replace('report', 'leak'), 'lib/more.ts': FLOW_FILES['src/main.ts'].replace('report', 'more') });
  const dir = workspace();
  fs.symlinkSync(path.join(outside, 'leak.ts'), path.join(dir, 'src/leak.ts'));
  fs.symlinkSync(path.join(outside, 'lib'), path.join(dir, 'src/lib'));
  const { report, stdout } = checkJson(dir);
  for (const file of ['src/leak.ts', 'src/lib']) {
    assert.equal(report.problems.filter((p) => p.location.file === file && p.code === 'RG011').length, 1, stdout);
  }
  assert.deepEqual([...new Set(report.findings.map((f) => f.location.file))], [FLOW_SINK.file], stdout);
  assert.deepEqual(strings(JSON.parse(stdout)).filter((s) => s.includes(outside) || s.includes(dir)), []);
});

test('a file outside the root that the tsconfig names is analysed and reported by a relative path', () => {
  const outside = makeTempDir('rg-outside-');
  dirs.push(outside);
  writeFiles(outside, { 'shared.ts': 'export function (( {\n' });
  const dir = workspace();
  const tsconfig = { files: ['src/main.ts', 'src/model.ts', path.relative(dir, path.join(outside, 'shared.ts'))] };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const { report, stdout } = checkJson(dir, ['--fail-on', 'none']);
  const shared = path.relative(dir, path.join(outside, 'shared.ts'));
  assert.ok(report.problems.some((p) => p.location.file === shared && p.code === 'RG010'), stdout);
  assert.ok(report.findings.some((f) => f.location.file === FLOW_SINK.file), stdout);
  assert.deepEqual(strings(JSON.parse(stdout)).filter((s) => s.startsWith('/') || s.includes(outside)), []);
});

/** A config whose `n` parties each have an unknown access class and a malformed country (a few problems each). */
function badParties(n: number): string {
  const parties: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) parties[`p${i}`] = { access: 'bogus', country: 'cn' };
  return JSON.stringify({ parties }, null, 1);
}

test('config problems in linear time, at most MAX_CONFIG_PROBLEMS reported and a last one saying how many more', () => {
  const regions = createRegionCatalog();
  const time = (n: number): { ms: number; problems: readonly Problem[] } => {
    const text = badParties(n);
    const started = process.hrtime.bigint();
    const { problems } = loadConfig(text, '/w/residency.config.json', regions);
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, problems };
  };
  time(500); // warm up
  const small = time(2_000);
  const large = time(16_000);
  console.log(`# config problems of 2,000 parties in ${small.ms.toFixed(0)} ms, of 16,000 in ${large.ms.toFixed(0)} ms`);
  // Eight times the errors: linear takes about 8×, quadratic 64×.
  assert.ok(large.ms < 24 * small.ms + 1000, `${large.ms} ms for 8× the errors of ${small.ms} ms`);
  assert.equal(large.problems.length, MAX_CONFIG_PROBLEMS + 1);
  const last = large.problems[MAX_CONFIG_PROBLEMS];
  const perParty = time(10).problems.length / 10;
  assert.match(last.message, new RegExp(`${16_000 * perParty - MAX_CONFIG_PROBLEMS} more problems`));
  assert.ok(last.location.line >= large.problems[MAX_CONFIG_PROBLEMS - 1].location.line);
});

/** A file whose types make the TypeScript checker explode (10,000 keys, each an object of 1,000), indexed and spread into a sink. */
function explodingTypes(n: number): string {
  return [
    '/** Work queue of the Dalian contractor. @recipient cn-ops */',
    `export declare function sink${n}(payload: unknown): void;`,
    "type L = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j';",
    'type S = `${L}${L}${L}${L}`;',
    'type S3 = `${L}${L}${L}`;',
    '/** @residency jp-only */',
    'type M = { [K in S]: { [J in S3]: K } };',
    'declare const m: M; declare const k: S;',
    `export function go${n}(): void { sink${n}({ ...m[k] }); }`,
    '',
  ].join('\n');
}

test('three files of exploding template-literal mapped types: each skipped over its analysis budget, the rest checked, no out-of-memory', () => {
  const files = ['src/boom1.ts', 'src/boom2.ts', 'src/boom3.ts'];
  const dir = workspace(Object.fromEntries(files.map((f, i) => [f, explodingTypes(i + 1)])));
  const run = runCompiledCli(['check', '--format', 'json', '--budget-seconds', '3', '--budget-memory-mb', '384'], dir, 240_000);
  assert.equal(run.timedOut, false, run.stderr);
  assert.doesNotMatch(run.stderr, /heap out of memory/i);
  assert.ok(run.stdout.startsWith('{'), `no report (exit ${run.code}):\n${run.stderr}`);
  const report = JSON.parse(run.stdout) as JsonReport;
  for (const file of files) {
    const notices = report.problems.filter((p) => p.location.file === file && p.code === 'RG011');
    assert.equal(notices.length, 1, run.stdout);
    assert.match(notices[0].message, /over its analysis budget \(3 s, 384 MB\)/);
  }
  assert.ok(report.findings.some((f) => f.location.file === FLOW_SINK.file && f.location.line === FLOW_SINK.line), run.stdout);
  assert.equal(run.code, 1);
});

test('the analysis budget is validated: a budget that is not a positive number is a usage error', () => {
  const dir = workspace();
  for (const args of [['--budget-seconds', '0'], ['--budget-memory-mb', 'lots']]) {
    const run = runInProcess(['check', ...args], dir);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, new RegExp(`Invalid value "${args[1]}" for ${args[0]}`));
  }
});

test('a file name with a newline and a pipe cannot forge a line or a column of the markdown register', () => {
  const forged = 'src/ev|il\n# Forged heading\n| forged | row |.ts';
  const dir = workspace({ [forged]: FLOW_FILES['src/main.ts'] });
  const run = runInProcess(['check', '--format', 'markdown', '--fail-on', 'none'], dir);
  assert.equal(run.code, 0, run.stderr);
  const out = lines(run.stdout);
  assert.ok(out.some((l) => l.includes('ev\\|il\\n# Forged heading\\n\\| forged \\| row \\|.ts:3')), run.stdout);
  assert.deepEqual(out.filter((l) => l.startsWith('# Forged') || l.startsWith('| forged')), []);
});

/** A result holding one problem per (file, message) pair, for the text format. */
function resultOf(pairs: ReadonlyArray<readonly [string, string]>): CheckResult {
  const problems: Problem[] = pairs.map(([file, message]) => ({
    kind: 'parse', code: 'RG010', severity: 'error', message, location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 },
  }));
  return { root: '/w', findings: [], suppressed: [], problems, files: 1, config: defaultConfig(undefined), flows: [], declarations: [] };
}

test('fuzz (bounded): whatever the file names and messages hold, the text format has one problem-matcher line per problem', () => {
  const pair = fc.tuple(anyText(40), anyText(40));
  checkProperty(fc.property(fc.array(pair, { maxLength: 6 }), (pairs) => {
    const out = formatText(resultOf(pairs));
    const printed = lines(out);
    assert.equal(printed.length, pairs.length, JSON.stringify(out));
    for (const line of printed) {
      assert.match(line, PROBLEM_MATCHER);
      assert.ok(![...line].some((c) => isControl(c.charCodeAt(0))), JSON.stringify(line));
    }
  }), { numRuns: 300, interruptAfterTimeLimit: 5000 });
});
