/**
 * The "Done when" scenario of issue 7: on a workspace mixing a valid flow, a file that does not parse, a
 * binary file, a multi-megabyte minified file and a misspelt annotation, the CLI exits 1 with valid JSON,
 * the valid flow found and a located problem for the typo; a broken config gives exit 2 with its
 * position; running over the TypeScript library (`node_modules/typescript/lib`) ends without a crash.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXIT_FINDINGS, EXIT_USAGE } from '../../src/cli/main';
import { REPO, makeTempDir, removeDir, runInProcess, writeFiles } from '../support/cli';
import { locationError } from '../support/corpus';
import { FLOW_FILES, minifiedScript, runCompiledCli } from '../support/workspace';

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

interface Report {
  tool: string;
  schemaVersion: number;
  findings: Array<{ rule: string; location: { file: string; line: number; column: number } }>;
  problems: Array<{ kind: string; code: string; message: string; suggestion?: string; location: { file: string; line: number; column: number; endLine: number; endColumn: number } }>;
  summary: { files: number; findings: number; problems: number };
}

test('done when: a mixed workspace gives exit 1, valid JSON, the valid flow and a located problem for the typo; a broken config gives exit 2 with its position', () => {
  const dir = makeTempDir('rg-done-');
  dirs.push(dir);
  writeFiles(dir, {
    ...FLOW_FILES,
    'src/broken.ts': 'export function (( {\n  return ;\n',
    'src/typo.ts': ['/** A session token. @residancy jp-only @category credentials */', 'export const token = "t";', ''].join('\n'),
    'vendor/bundle.min.js': minifiedScript(3 * 1024 * 1024),
  });
  const binary = Buffer.alloc(2048);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 131) % 256;
  fs.writeFileSync(path.join(dir, 'src/logo.ts'), binary);

  const run = runInProcess(['check', '.', '--format', 'json'], dir);
  assert.equal(run.code, EXIT_FINDINGS, run.stderr);
  const report = JSON.parse(run.stdout) as Report;
  assert.equal(report.tool, 'residency-guard');
  assert.ok(report.findings.some((f) => f.location.file === 'src/main.ts' && f.location.line === 3), `the valid flow: ${JSON.stringify(report.findings)}`);

  const typo = report.problems.filter((p) => p.location.file === 'src/typo.ts');
  assert.equal(typo.length, 1, JSON.stringify(typo));
  assert.equal(typo[0].kind, 'annotation');
  assert.deepEqual([typo[0].location.line, typo[0].location.column], [1, 22]);
  assert.equal(typo[0].suggestion, '@residency', 'the replacement for the misspelt tag name');
  assert.match(typo[0].message, /did you mean "@?residency"/);

  const byFile = (file: string) => report.problems.filter((p) => p.location.file === file).map((p) => p.code);
  assert.ok(byFile('src/broken.ts').length > 0 && byFile('src/broken.ts').every((c) => c === 'RG010'), JSON.stringify(byFile('src/broken.ts')));
  assert.deepEqual(byFile('src/logo.ts'), ['RG011']);
  assert.deepEqual(byFile('vendor/bundle.min.js'), ['RG011']);
  for (const p of report.problems) {
    const text = fs.readFileSync(path.join(dir, p.location.file), 'utf8');
    assert.equal(locationError(p.location, text), undefined, `${p.code} in ${p.location.file}`);
  }

  fs.writeFileSync(path.join(dir, 'residency.config.json'), '{\n  "parties": {\n    "cn-ops": { "name": "Dalian", "access": "contractor-overseas", "country": "CN", }\n  ]\n}\n');
  const broken = runInProcess(['check', '.', '--format', 'json'], dir);
  assert.equal(broken.code, EXIT_USAGE, broken.stderr);
  const config = (JSON.parse(broken.stdout) as Report).problems.filter((p) => p.kind === 'config');
  assert.ok(config.length > 0);
  assert.deepEqual([config[0].location.file, config[0].location.line, config[0].location.column], ['residency.config.json', 4, 3]);
  const text = runInProcess(['check', '.'], dir);
  assert.equal(text.code, EXIT_USAGE);
  assert.match(text.stdout, /^residency\.config\.json:4:3: error RG007 /m);
});

test('done when: checking node_modules/typescript/lib ends without a crash, every file analysed or skipped with a notice', () => {
  const lib = path.join(REPO, 'node_modules/typescript/lib');
  const expected = fs.readdirSync(lib).filter((n) => /\.(ts|js)$/.test(n));
  const big = expected.filter((n) => fs.statSync(path.join(lib, n)).size > 2 * 1024 * 1024);

  const started = Date.now();
  const run = runCompiledCli(['check', 'node_modules/typescript/lib', '--format', 'json'], REPO, 600_000);
  const ms = Date.now() - started;
  assert.equal(run.timedOut, false, 'the check did not end within 10 minutes');
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr.slice(0, 2000)}`);
  const report = JSON.parse(run.stdout) as Report;
  const skipped = report.problems.filter((p) => p.code === 'RG011').map((p) => p.location.file);
  assert.deepEqual(skipped.sort(), big.sort(), 'exactly the files above 2 MB are skipped');
  assert.equal(report.summary.files, expected.length - big.length, 'every other file is analysed');
  console.log(`# typescript/lib: ${expected.length} files (${big.length} skipped as too large), ${ms} ms in a child process; ${run.stderr.trim()}`);
});
