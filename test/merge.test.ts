/**
 * `residency-guard merge` (SPEC §7.2 v2, issue 20): the merge of two repositories' JSON reports is their
 * union — every finding, suppressed finding, problem and flow of each, with its repository — and its register
 * names every country of both; a merged report can be merged again; a party id declared differently in two
 * repositories is kept apart; bad inputs are errors naming the file, line and column.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { mergeReports } from '../src/core/report/merge';
import { parseReport, ReportInputError } from '../src/core/report/reportInput';
import { REPO, makeTempDir, removeDir, runInProcess } from './support/cli';

interface JsonFinding { rule: string; fingerprint: string; location: { file: string; line: number }; repository?: string; destination: { party: string | null } }
interface JsonReport { findings: JsonFinding[]; suppressed: JsonFinding[]; problems: unknown[]; repositories?: string[]; register: { flows: Array<{ repository?: string }>; parties: Record<string, { name: string }> } }

let tmp = '';
const reports: Record<string, string> = {};

function check(dir: string, repository: string, file: string): void {
  const out = path.join(tmp, file);
  const r = runInProcess(['check', dir, '--format', 'json', '--repository', repository, '--output', out], REPO);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  reports[repository] = out;
}

function merge(files: readonly string[], format: string): { code: number; stdout: string; stderr: string } {
  return runInProcess(['merge', ...files, '--format', format], tmp);
}

function key(f: JsonFinding, repository: string): string {
  return `${f.repository ?? repository}|${f.rule}|${f.location.file}:${f.location.line}|${f.fingerprint}`;
}

function read(file: string): JsonReport {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as JsonReport;
}

before(() => {
  tmp = makeTempDir('rg-merge-');
  check(path.join(REPO, 'sample'), 'acme/messenger', 'messenger.json');
  check(path.join(REPO, 'test/workspaces/disclosure-multi'), 'acme/shop', 'shop.json');
});

after(() => {
  if (tmp) removeDir(tmp);
});

describe('merging two reports', () => {
  test('the merged JSON report is the union of both, each finding with its repository', () => {
    const r = merge([reports['acme/messenger'], reports['acme/shop']], 'json');
    assert.equal(r.code, 0, r.stderr);
    const merged = JSON.parse(r.stdout) as JsonReport;
    const a = read(reports['acme/messenger']);
    const b = read(reports['acme/shop']);
    assert.deepEqual(merged.repositories, ['acme/messenger', 'acme/shop']);
    for (const list of ['findings', 'suppressed'] as const) {
      const union = [...a[list].map((f) => key(f, 'acme/messenger')), ...b[list].map((f) => key(f, 'acme/shop'))].sort();
      assert.deepEqual(merged[list].map((f) => key(f, '')).sort(), union);
      assert.ok(merged[list].every((f) => f.repository === 'acme/messenger' || f.repository === 'acme/shop'));
    }
    assert.equal(merged.problems.length, a.problems.length + b.problems.length);
    assert.equal(merged.register.flows.length, a.register.flows.length + b.register.flows.length);
    assert.ok(merged.register.flows.every((f) => f.repository !== undefined));
  });

  test('the merged register names every country of both registers, and each location with its repository', () => {
    const countries = (text: string) => [...text.split('## Countries the privacy policy must name')[1].split('\n## ')[0].matchAll(/^\| ([A-Z]{2}) \(/gm)].map((m) => m[1]);
    const one = (file: string) => runInProcess(['merge', file, '--format', 'markdown', '--lang', 'en'], tmp).stdout;
    const both = merge([reports['acme/messenger'], reports['acme/shop']], 'markdown');
    assert.equal(both.code, 0, both.stderr);
    const expected = [...new Set([...countries(one(reports['acme/messenger'])), ...countries(one(reports['acme/shop']))])].sort();
    assert.deepEqual(countries(both.stdout).sort(), expected);
    assert.ok(expected.includes('CN') && expected.includes('US') && expected.includes('KR'));
    assert.match(both.stdout, /`acme\/messenger:src\/moderation\.ts:14`/);
    assert.match(both.stdout, /`acme\/shop:src\/crm\.ts:29`/);
  });

  test('a merged report merges again into the same union', () => {
    const first = path.join(tmp, 'first.json');
    fs.writeFileSync(first, runInProcess(['merge', reports['acme/messenger'], '--format', 'json'], tmp).stdout);
    const again = JSON.parse(merge([first, reports['acme/shop']], 'json').stdout) as JsonReport;
    const direct = JSON.parse(merge([reports['acme/messenger'], reports['acme/shop']], 'json').stdout) as JsonReport;
    assert.deepEqual(again.findings.map((f) => key(f, '')).sort(), direct.findings.map((f) => key(f, '')).sort());
  });

  test('the disclosure draft of the merge covers the countries of both repositories', () => {
    const r = merge([reports['acme/messenger'], reports['acme/shop']], 'disclosure');
    assert.equal(r.code, 0, r.stderr);
    for (const heading of ['### China (CN)', '### South Korea (KR)', '### United States (US)', '### Germany (DE)']) assert.ok(r.stdout.includes(heading), heading);
  });
});

describe('merging in the core', () => {
  function parsed(name: string, edit: (r: Record<string, unknown>) => void = () => undefined) {
    const json = JSON.parse(fs.readFileSync(reports[name], 'utf8')) as Record<string, unknown>;
    edit(json);
    return parseReport(`${name}.json`, JSON.stringify(json));
  }

  test('a party id declared differently in two repositories becomes id@repository in the later one', () => {
    const shop = parsed('acme/shop', (r) => {
      const register = r.register as { parties: Record<string, unknown> };
      register.parties['dalian-ops'] = { name: 'Another contractor', access: 'contractor-overseas', country: 'VN' };
    });
    const merged = mergeReports([{ report: parsed('acme/messenger'), fallbackName: 'x' }, { report: shop, fallbackName: 'y' }]);
    assert.equal(merged.config.parties.get('dalian-ops')?.name, 'Dalian monitoring contractor');
    assert.equal(merged.config.parties.get('dalian-ops@acme/shop')?.country, 'VN');
  });

  test('the same repository in two reports is an error naming both files', () => {
    const a = parsed('acme/messenger');
    assert.throws(() => mergeReports([{ report: a, fallbackName: 'a' }, { report: { ...a, file: 'again.json' }, fallbackName: 'b' }]),
      (e: unknown) => e instanceof ReportInputError && e.file === 'again.json' && /acme\/messenger.*acme\/messenger\.json/.test(e.reason));
  });

  test('a report without a repository is named after its file', () => {
    const a = parsed('acme/messenger', (r) => delete r.repository);
    assert.deepEqual(mergeReports([{ report: a, fallbackName: 'messenger' }]).repositories, ['messenger']);
  });
});

describe('inputs merge refuses', () => {
  function refused(text: string): ReportInputError {
    try {
      parseReport('r.json', text);
    } catch (e) {
      if (e instanceof ReportInputError) return e;
      throw e;
    }
    assert.fail('accepted');
  }

  test('not JSON: the position of the syntax error', () => {
    const e = refused('{\n  "tool": "residency-guard",\n  "findings": [ }');
    assert.deepEqual([e.line, e.column], [3, 17]);
    assert.match(e.message, /^r\.json:3:17: not valid JSON/);
  });

  test('another schemaVersion, another tool, no register', () => {
    assert.match(refused('{ "tool": "residency-guard", "schemaVersion": 2 }').message, /^r\.json:1:47: schemaVersion 2 is not supported/);
    assert.match(refused('{ "tool": "eslint" }').message, /^r\.json:1:11: not a JSON report of residency-guard/);
    const old = JSON.parse(fs.readFileSync(reports['acme/messenger'], 'utf8')) as Record<string, unknown>;
    delete old.register;
    assert.match(refused(JSON.stringify(old)).message, /^r\.json:1:1: the report has no "register" section: it was written by an earlier residency-guard/);
  });

  test('a value of the wrong type: its line and column', () => {
    const text = fs.readFileSync(reports['acme/messenger'], 'utf8').replace(/"line": 14,/, '"line": "14",');
    const line = text.split('\n').findIndex((l) => l.includes('"line": "14"')) + 1;
    const e = refused(text);
    assert.equal(e.line, line);
    assert.match(e.reason, /^not a valid report: findings\.\d+\.location\.line must be integer$/);
  });
});
