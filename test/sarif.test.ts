/**
 * `--format sarif` (SPEC §7.2, issue 5): the log validates with Microsoft's SARIF multitool (shipped in
 * the npm package @microsoft/sarif-multitool, run offline) with no error or warning; one result with a
 * code flow (source → hops → sink) per JSON finding, carrying the JSON fingerprint; rule metadata with
 * help and absolute help URIs; suppressed findings as suppressed results; input problems as results of
 * RG pseudo-rules; paths relative to %SRCROOT%.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { EXIT_FINDINGS } from '../src/cli/main';
import { fileUri, FINGERPRINT_KEY, SARIF_SCHEMA, SRCROOT } from '../src/core/report/sarif';
import { RULES } from '../src/core/rules/index';
import { REPO, ensureBundle, makeTempDir, removeDir, runChild, runInProcess, writeFiles } from './support/cli';
import { transferWorkspace } from './support/transferWorkspace';

/* eslint-disable @typescript-eslint/no-explicit-any -- SARIF logs are read as plain JSON */
type Json = any;

const MULTITOOL: string = require('@microsoft/sarif-multitool');

let tmp = '';
let ws = '';
let log: Json;
let report: Json;

function readJson(file: string): Json {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The binary ships in the npm package; its postinstall only sets the execute bit, which may not have run. */
function ensureExecutable(file: string): void {
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    fs.chmodSync(file, 0o755);
  }
}

/** Runs `Sarif.Multitool validate` on `file`; returns the validation log (itself SARIF). */
function validate(file: string): Json {
  ensureExecutable(MULTITOOL);
  const out = `${file}.validation.sarif`;
  const r = spawnSync(MULTITOOL, ['validate', file, '--output', out, '--log', 'ForceOverwrite', '--level', 'Error;Warning;Note'], { encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  assert.equal(r.status, 0, `the multitool failed:\n${r.stdout}\n${r.stderr}`);
  return readJson(out);
}

/** `level message` of every validation result that is not a note. */
function complaints(validation: Json): string[] {
  return validation.runs[0].results.filter((r: Json) => r.level !== 'note').map((r: Json) => `${r.level ?? 'warning'} ${r.ruleId}: ${JSON.stringify(r.message)}`);
}

function sarifOf(dir: string, extra: readonly string[] = []): { code: number; file: string } {
  const file = path.join(tmp, `${path.basename(dir)}.sarif`);
  const r = runInProcess(['check', '--format', 'sarif', '--output', file, ...extra], dir);
  return { code: r.code, file };
}

before(() => {
  tmp = makeTempDir('rg-sarif-');
  ws = writeFiles(path.join(tmp, 'members'), transferWorkspace());
  const run = sarifOf(ws);
  assert.equal(run.code, EXIT_FINDINGS);
  log = readJson(run.file);
  const jsonFile = path.join(tmp, 'members.json');
  runInProcess(['check', '--format', 'json', '--output', jsonFile], ws);
  report = readJson(jsonFile);
});

after(() => {
  if (tmp) removeDir(tmp);
});

describe('SARIF validation with the SARIF multitool', () => {
  test('the log of a workspace with hops, a suppression and a problem has no error or warning', () => {
    const validation = validate(path.join(tmp, 'members.sarif'));
    assert.deepEqual(complaints(validation), []);
    // The validator did read our results: it comments (as notes) on the first result's region.
    const notes = validation.runs[0].results.map((r: Json) => JSON.stringify(r.message));
    assert.ok(notes.some((n: string) => n.includes('runs[0].results[0]')), 'the validator saw no result');
  });

  test('the log of the sample workspace has no error or warning', () => {
    const sample = sarifOf(path.join(REPO, 'sample'), ['--root', path.join(REPO, 'sample')]);
    assert.deepEqual(complaints(validate(sample.file)), []);
  });

  test('a broken log does get errors (the validator is not a no-op)', () => {
    const broken = structuredClone(log);
    broken.runs[0].tool.driver.rules[0].helpUri = 'docs/rules/JPR001.md';
    broken.runs[0].results[0].ruleIndex = 999;
    const file = path.join(tmp, 'broken.sarif');
    fs.writeFileSync(file, JSON.stringify(broken));
    const errors = complaints(validate(file)).filter((c) => c.startsWith('error'));
    assert.ok(errors.some((e) => e.includes('SARIF1005')), errors.join('\n'));
    assert.ok(errors.some((e) => e.includes('SARIF1009')), errors.join('\n'));
  });
});

describe('SARIF content', () => {
  test('SARIF 2.1.0 with the schema, one run and the tool driver', () => {
    assert.equal(log.$schema, SARIF_SCHEMA);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'residency-guard');
    assert.equal(driver.version, report.version);
    assert.match(driver.informationUri, /^https:\/\//);
  });

  test('one result with a code flow per JSON finding: same rule, location, fingerprint and path', () => {
    const results: Json[] = log.runs[0].results;
    const all = [...report.findings, ...report.suppressed];
    assert.equal(results.length, all.length + report.problems.length);
    assert.ok(report.findings.some((f: Json) => f.path.length > 3), 'the workspace has a flow with hops');
    for (const f of all) {
      const matching = results.filter((r) => r.partialFingerprints?.[FINGERPRINT_KEY] === f.fingerprint && r.ruleId === f.rule);
      assert.equal(matching.length, 1, `one result for ${f.rule} ${f.fingerprint}`);
      const [r] = matching;
      const loc = r.locations[0].physicalLocation;
      assert.deepEqual([loc.artifactLocation.uri, loc.region.startLine, loc.region.startColumn, loc.region.endLine, loc.region.endColumn],
        [f.location.file, f.location.line, f.location.column, f.location.endLine, f.location.endColumn]);
      assert.equal(r.message.text, f.message);
      assert.equal(r.codeFlows.length, 1);
      const steps = r.codeFlows[0].threadFlows[0].locations.map((l: Json) => {
        const p = l.location.physicalLocation;
        return { location: { file: p.artifactLocation.uri, line: p.region.startLine, column: p.region.startColumn }, note: l.location.message.text };
      });
      assert.deepEqual(steps, f.path);
      assert.deepEqual(r.relatedLocations.map((l: Json) => l.physicalLocation.artifactLocation.uri), f.sources.map((s: Json) => s.location.file));
    }
  });

  test('the code flow of a flow through a helper walks source declaration → hops → sink', () => {
    const r = log.runs[0].results.find((x: Json) => x.ruleId === 'JPR003');
    const notes = r.codeFlows[0].threadFlows[0].locations.map((l: Json) => `${l.location.physicalLocation.artifactLocation.uri}:${l.location.physicalLocation.region.startLine} ${l.location.message.text}`);
    assert.deepEqual(notes, [
      'src/lib/model.ts:4 declared Member.email (@residency jp-with-basis, @category contact)',
      'src/main.ts:5 assigned to contact',
      'src/main.ts:6 passed to relay()',
      'src/lib/relay.ts:4 assigned to wrapped',
      'src/lib/relay.ts:5 sent to moderate()',
    ]);
  });

  test('rules JPR001–JPR012 come first with help, absolute help URIs, default levels and the law in tags', () => {
    const rules: Json[] = log.runs[0].tool.driver.rules;
    assert.deepEqual(rules.slice(0, 12).map((r) => r.id), RULES.map((r) => r.id));
    const levels = { error: 'error', warning: 'warning', info: 'note' } as const;
    RULES.forEach((def, i) => {
      const r = rules[i];
      assert.match(r.name, /^[A-Z][A-Za-z0-9]+$/);
      assert.ok(r.shortDescription.text.length > 0 && r.fullDescription.text.length > r.shortDescription.text.length);
      assert.ok(r.help.text.includes(def.cites) && r.help.markdown.includes(def.cites));
      assert.equal(r.helpUri, new URL(r.helpUri).href, 'a valid absolute URI');
      assert.ok(r.helpUri.endsWith(`/docs/rules/${def.id}.md`), r.helpUri);
      assert.ok(r.help.markdown.includes(r.helpUri));
      assert.equal(r.defaultConfiguration.level, levels[def.defaultSeverity]);
      assert.ok(r.properties.tags.some((t: string) => def.cites.includes(t) && t.includes('Art.')), `${def.id} tags name the law`);
    });
    assert.ok(rules.slice(12).every((r) => /^RG\d{3}$/.test(r.id)));
  });

  test('every ruleIndex points at its rule', () => {
    const rules: Json[] = log.runs[0].tool.driver.rules;
    for (const r of log.runs[0].results) assert.equal(rules[r.ruleIndex].id, r.ruleId);
  });

  test('levels map error → error, warning → warning, info → note', () => {
    const levels: Record<string, string> = { error: 'error', warning: 'warning', info: 'note' };
    for (const f of [...report.findings, ...report.suppressed]) {
      const r = log.runs[0].results.find((x: Json) => x.partialFingerprints[FINGERPRINT_KEY] === f.fingerprint && x.ruleId === f.rule);
      assert.equal(r.level, levels[f.severity]);
    }
  });

  test('suppressed findings are results with an inSource suppression and its reason', () => {
    const suppressed = log.runs[0].results.filter((r: Json) => r.suppressions);
    assert.equal(suppressed.length, report.suppressed.length);
    assert.equal(suppressed.length, 1);
    assert.equal(suppressed[0].ruleId, 'JPR005');
    assert.equal(suppressed[0].suppressions[0].kind, 'inSource');
    assert.equal(suppressed[0].suppressions[0].justification, 'assessment EA-9 covers us-east-1');
    assert.equal(suppressed[0].suppressions[0].location.physicalLocation.region.startLine, 13);
  });

  test('input problems are results of RG pseudo-rules, without code flows', () => {
    const problems = log.runs[0].results.filter((r: Json) => r.ruleId.startsWith('RG'));
    assert.equal(problems.length, report.problems.length);
    assert.equal(problems[0].ruleId, 'RG001');
    assert.equal(problems[0].level, 'error');
    assert.match(problems[0].message.text, /Unknown party "cn-opps"/);
    assert.equal(problems[0].codeFlows, undefined);
    assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
  });

  test('paths are relative to %SRCROOT%, the file URI of the root with a trailing slash', () => {
    const run = log.runs[0];
    assert.equal(run.originalUriBaseIds[SRCROOT].uri, pathToFileURL(`${ws}/`).href);
    const artifacts = JSON.stringify(run.results).match(/"artifactLocation":\{[^}]*\}/g) ?? [];
    assert.ok(artifacts.length > 0);
    for (const a of artifacts) assert.match(a, /"uri":"src\/[^"]+","uriBaseId":"%SRCROOT%"/);
  });

  test('fileUri encodes like Node for odd characters and keeps Windows drive letters', () => {
    const odd = '/tmp/my ws/データ/#1?/';
    assert.equal(fileUri(odd), pathToFileURL(odd).href);
    assert.equal(fileUri('C:/work/my ws/'), 'file:///C:/work/my%20ws/');
  });

  test('the bundled CLI prints the same results', () => {
    ensureBundle();
    const r = runChild(['check', '--format', 'sarif'], ws);
    assert.equal(r.code, EXIT_FINDINGS);
    const child = JSON.parse(r.stdout);
    assert.deepEqual(child.runs[0].results, log.runs[0].results);
  });
});
