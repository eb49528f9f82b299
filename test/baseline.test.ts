/**
 * `--baseline FILE` (SPEC §7.2, issue 5): a JSON report written earlier is the baseline. After lines move
 * (blank lines and comments inserted above the sources and sinks) the same fingerprints come out and every
 * old finding stays baselined (exit 0); a newly written flow is the only one reported (exit 1); the
 * summary says how many were baselined. A missing or invalid baseline is a usage error (exit 2).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../src/cli/main';
import { parseBaseline, splitByBaseline } from '../src/core/report/baseline';
import type { Finding } from '../src/core/report/model';
import { PROBLEM_MATCHER, ensureBundle, lines, makeTempDir, removeDir, runChild, runInProcess, summaryOf, writeFiles } from './support/cli';
import { TRANSFER_MAIN, transferWorkspace } from './support/transferWorkspace';

/* eslint-disable @typescript-eslint/no-explicit-any -- JSON reports are read as plain JSON */
type Json = any;

const MOVED_HEADER = `// A new header comment that moves every line below it.

/* and a block comment
   over three lines */

`;

const NEW_FLOW = `
export function escalate(m: Member): void {
  shareWithGroup(m.email);
}
`;

let tmp = '';
let ws = '';
let baselineFile = '';
let original: Json;

function jsonReport(dir: string, extra: readonly string[] = []): { code: number; report: Json } {
  const r = runInProcess(['check', '--format', 'json', ...extra], dir);
  return { code: r.code, report: JSON.parse(r.stdout) };
}

function prepend(rel: string, text: string): void {
  const file = path.join(ws, rel);
  fs.writeFileSync(file, text + fs.readFileSync(file, 'utf8'));
}

function fingerprints(report: Json): string[] {
  return report.findings.map((f: Json) => `${f.rule} ${f.fingerprint}`).sort();
}

before(() => {
  tmp = makeTempDir('rg-baseline-');
  ws = writeFiles(path.join(tmp, 'members'), transferWorkspace(false));
  baselineFile = path.join(tmp, 'baseline.json');
  const r = runInProcess(['check', '--format', 'json', '--output', baselineFile], ws);
  assert.equal(r.code, EXIT_FINDINGS);
  original = JSON.parse(fs.readFileSync(baselineFile, 'utf8'));
  assert.equal(original.findings.length, 7);
});

after(() => {
  if (tmp) removeDir(tmp);
});

describe('baselines across edits', () => {
  test('after lines move, the same fingerprints come out at other lines, and all are baselined', () => {
    for (const rel of ['src/main.ts', 'src/lib/relay.ts', 'src/lib/model.ts']) prepend(rel, MOVED_HEADER);
    const moved = jsonReport(ws).report;
    assert.deepEqual(fingerprints(moved), fingerprints(original));
    assert.notDeepEqual(moved.findings.map((f: Json) => f.location.line), original.findings.map((f: Json) => f.location.line));
    const r = runInProcess(['check', '--baseline', baselineFile], ws);
    assert.equal(r.code, EXIT_OK);
    assert.equal(r.stdout, '');
    assert.equal(summaryOf(r.stderr), '0 findings (0 errors, 0 warnings, 0 info), 1 suppressed, 7 baselined, 0 problems in 3 files (N ms)\n');
  });

  test('a newly written flow is the only one reported, and fails the run', () => {
    fs.writeFileSync(path.join(ws, 'src/main.ts'), MOVED_HEADER + TRANSFER_MAIN + NEW_FLOW);
    const r = runInProcess(['check', '--baseline', baselineFile], ws);
    assert.equal(r.code, EXIT_FINDINGS);
    const reported = lines(r.stdout).map((l) => PROBLEM_MATCHER.exec(l)?.slice(1, 6).join(' '));
    const newLine = (MOVED_HEADER + TRANSFER_MAIN).split('\n').length + 2;
    assert.deepEqual(reported, [`src/main.ts ${newLine} 3 error JPR004`]);
    assert.match(summaryOf(r.stderr), /^1 findings \(1 errors, 0 warnings, 0 info\), 1 suppressed, 7 baselined, 0 problems/);
  });

  test('the JSON report counts the baselined findings in its summary', () => {
    const { code, report } = jsonReport(ws, ['--baseline', baselineFile]);
    assert.equal(code, EXIT_FINDINGS);
    assert.equal(report.findings.length, 1);
    assert.equal(report.summary.baselined, 7);
    assert.equal(report.summary.findings, 1);
  });

  test('a changed flow gets a new fingerprint: a new source at an old sink is reported again', () => {
    const main = fs.readFileSync(path.join(ws, 'src/main.ts'), 'utf8');
    fs.writeFileSync(path.join(ws, 'src/main.ts'), main.replace('shareWithGroup({ id: m.memberId, card: m.cardLast4 })', 'shareWithGroup({ id: m.memberId, card: m.cardLast4, mail: m.email })'));
    const { code, report } = jsonReport(ws, ['--baseline', baselineFile]);
    assert.equal(code, EXIT_FINDINGS);
    assert.deepEqual(report.findings.map((f: Json) => f.rule), ['JPR004', 'JPR004']);
    assert.equal(report.summary.baselined, 6);
  });

  test('the bundled CLI applies the baseline too', () => {
    ensureBundle();
    const r = runChild(['check', '--baseline', baselineFile, '--fail-on', 'none'], ws);
    assert.equal(r.code, EXIT_OK);
    assert.match(r.stderr, /, 6 baselined, /);
  });

  test('SARIF leaves baselined findings out as well', () => {
    const r = runInProcess(['check', '--format', 'sarif', '--baseline', baselineFile], ws);
    const results = JSON.parse(r.stdout).runs[0].results;
    assert.deepEqual(results.map((x: Json) => x.ruleId), ['JPR004', 'JPR004', 'JPR005']);
  });
});

describe('bad baselines are usage errors', () => {
  const cases: ReadonlyArray<readonly [string, string | undefined, RegExp]> = [
    ['a missing file', undefined, /^residency-guard: Cannot read the baseline .*missing\.json/],
    ['a file that is not JSON', 'findings: none', /^residency-guard: Invalid baseline .*: it is not JSON/],
    ['JSON that is not a report', '{ "runs": [] }', /^residency-guard: Invalid baseline .*: it is not a JSON report of residency-guard/],
    ['a finding without a fingerprint', '{ "findings": [{ "rule": "JPR001" }] }', /^residency-guard: Invalid baseline .*: findings\[0\] has no "fingerprint" string/],
  ];
  for (const [what, content, message] of cases) {
    test(`${what}: exit 2, nothing on stdout`, () => {
      const file = path.join(tmp, content === undefined ? 'missing.json' : `${what.replace(/\W+/g, '-')}.json`);
      if (content !== undefined) fs.writeFileSync(file, content);
      const r = runInProcess(['check', '--baseline', file], ws);
      assert.equal(r.code, EXIT_USAGE);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
    });
  }
});

describe('baseline matching', () => {
  const finding = (fp: string) => ({ fingerprint: fp }) as Finding;

  test('a fingerprint listed once covers one finding: a second copy of an accepted flow is new', () => {
    const baseline = parseBaseline(JSON.stringify({ findings: [{ fingerprint: 'a' }, { fingerprint: 'b' }, { fingerprint: 'b' }] }));
    const { fresh, known } = splitByBaseline([finding('a'), finding('a'), finding('b'), finding('b'), finding('c')], baseline);
    assert.deepEqual(fresh.map((f) => f.fingerprint), ['a', 'c']);
    assert.deepEqual(known.map((f) => f.fingerprint), ['a', 'b', 'b']);
  });

  test('an empty baseline holds nothing', () => {
    const { fresh } = splitByBaseline([finding('a')], parseBaseline('{ "findings": [] }'));
    assert.equal(fresh.length, 1);
  });
});
