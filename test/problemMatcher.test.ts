/**
 * The problem matcher and the task definition contributed in package.json (SPEC §7.2, issue 5): the
 * matcher's regexp, read from package.json, matches every line of real `--format text` output (findings
 * and input problems, English and Japanese) and its groups give the file, line, column, severity, code and
 * message of the JSON report; the task definition offers every output format and --fail-on level.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPORT_FORMATS } from '../src/core/report/formats';
import { REPO, lines, makeTempDir, removeDir, runInProcess, writeFiles } from './support/cli';
import { transferWorkspace } from './support/transferWorkspace';

/* eslint-disable @typescript-eslint/no-explicit-any -- package.json and reports are read as plain JSON */
type Json = any;

const contributes: Json = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).contributes;

let tmp = '';
let ws = '';

before(() => {
  tmp = makeTempDir('rg-matcher-');
  ws = writeFiles(path.join(tmp, 'members'), transferWorkspace());
});

after(() => {
  if (tmp) removeDir(tmp);
});

function matcher(): Json {
  const all = contributes.problemMatchers as Json[];
  assert.equal(all.length, 1);
  return all[0];
}

/** What the matcher extracts from a text report: file, line, column, severity, code, message. */
function extract(stdout: string): string[][] {
  const m = matcher();
  const re = new RegExp(m.pattern.regexp);
  const p = m.pattern;
  return lines(stdout).map((line) => {
    const g = re.exec(line);
    assert.ok(g, `the problem matcher does not match: ${line}`);
    return [g[p.file], g[p.line], g[p.column], g[p.severity], g[p.code], g[p.message]];
  });
}

/** The same fields from the JSON report, in the text format's order (problems, then findings). */
function expected(report: Json): string[][] {
  const row = (loc: Json, severity: string, code: string, message: string) => [loc.file, String(loc.line), String(loc.column), severity, code, message];
  return [
    ...report.problems.map((p: Json) => row(p.location, p.severity, p.code, p.message)),
    ...report.findings.map((f: Json) => row(f.location, f.severity, f.rule, f.message)),
  ];
}

describe('the problem matcher in package.json', () => {
  test('is named residency-guard, owned by it, with files relative to the workspace folder', () => {
    const m = matcher();
    assert.equal(m.name, 'residency-guard');
    assert.equal(m.owner, 'residency-guard');
    assert.equal(m.source, 'residency-guard');
    assert.deepEqual(m.fileLocation, ['relative', '${workspaceFolder}']);
    assert.deepEqual([m.pattern.file, m.pattern.line, m.pattern.column, m.pattern.severity, m.pattern.code, m.pattern.message], [1, 2, 3, 4, 5, 6]);
  });

  for (const lang of ['en', 'ja']) {
    test(`matches every line of real --format text output (${lang}) with the JSON report's fields`, () => {
      const text = runInProcess(['check', '--lang', lang], ws);
      const json = runInProcess(['check', '--lang', lang, '--format', 'json'], ws);
      assert.equal(text.code, 1);
      const got = extract(text.stdout);
      assert.ok(got.length >= 8, text.stdout);
      assert.deepEqual(got, expected(JSON.parse(json.stdout)));
      for (const [file] of got) assert.ok(fs.existsSync(path.join(ws, file)), `${file} is relative to the workspace folder`);
    });
  }

  test('does not match the summary line or usage text', () => {
    const re = new RegExp(matcher().pattern.regexp);
    const r = runInProcess(['check', '--format', 'xml'], ws);
    for (const line of [...lines(r.stderr), '7 findings (7 errors, 0 warnings, 0 info), 1 suppressed, 1 problems in 3 files (10 ms)']) {
      assert.doesNotMatch(line, re);
    }
  });
});

describe('the task definition in package.json', () => {
  test('type residency-guard with paths, every format and every --fail-on level, none required', () => {
    const defs = contributes.taskDefinitions as Json[];
    assert.equal(defs.length, 1);
    const [d] = defs;
    assert.equal(d.type, 'residency-guard');
    assert.deepEqual(d.required, []);
    assert.equal(d.properties.paths.type, 'array');
    assert.equal(d.properties.paths.items.type, 'string');
    assert.deepEqual(d.properties.format.enum, [...REPORT_FORMATS]);
    assert.deepEqual(d.properties.failOn.enum, ['error', 'warning', 'info', 'none']);
  });
});
