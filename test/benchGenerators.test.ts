/**
 * The bench's generated app in real shapes (bench/generate-real.mjs, issue 18): the same seed writes the
 * same app byte for byte, the app type-checks cleanly with `tsc --noEmit`, and the checker finds flows in it
 * (each module's service sends a record to a recipient abroad, a region abroad or a domestic vendor).
 * No timing is asserted here: speed is measured by `npm run bench`, never tested.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO, makeTempDir, removeDir, runInProcess } from './support/cli';

const GENERATOR = path.join(REPO, 'bench/generate-real.mjs');

function generate(out: string, lines: number, seed?: number): void {
  const args = [GENERATOR, '--lines', String(lines), '--out', out, ...(seed === undefined ? [] : ['--seed', String(seed)])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
}

/** Every file below `dir`, relative path → text. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(path.relative(dir, p), fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

interface Finding {
  rule: string;
  location: { file: string };
}

describe('bench/generate-real.mjs', () => {
  let tmp: string;
  before(() => {
    tmp = makeTempDir('rg-bench-real-');
  });
  after(() => removeDir(tmp));

  test('the same seed writes the same app; another seed a different one', () => {
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    const c = path.join(tmp, 'c');
    generate(a, 2500);
    generate(b, 2500);
    generate(c, 2500, 99);
    const sa = snapshot(a);
    assert.deepEqual(snapshot(b), sa);
    assert.notDeepEqual(snapshot(c), sa);
    const lines = [...sa.values()].reduce((n, t) => n + t.split('\n').length, 0);
    assert.ok(lines >= 2500 && lines < 2500 + 600, `${lines} lines`);
    for (const shape of ['abstract class Repo<T', 'extends PartialType(', '@Injectable()', 'await this.orm.findOne(', 'Promise.all(']) {
      assert.ok([...sa.values()].some((t) => t.includes(shape)), `no ${shape}`);
    }
  });

  test('it type-checks with tsc --noEmit and the checker finds flows to recipients and regions abroad', () => {
    const dir = path.join(tmp, 'checked');
    generate(dir, 2500);
    const tsc = spawnSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', dir], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);

    const reportFile = path.join(tmp, 'report.json');
    const run = runInProcess(['check', dir, '--format', 'json', '--output', reportFile, '--fail-on', 'none'], dir);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { findings: Finding[]; problems: unknown[] };
    assert.deepEqual(report.problems, []);
    assert.ok(report.findings.length > 0);
    // Findings are where each service sends a record, in update().
    for (const f of report.findings) assert.match(f.location.file, /^src\/[a-z]+\d+\/service\.ts$/);
    const rules = new Set(report.findings.map((f) => f.rule));
    for (const rule of ['JPR001', 'JPR005']) assert.ok(rules.has(rule), `no ${rule} in ${[...rules].join(', ')}`);
  });
});
