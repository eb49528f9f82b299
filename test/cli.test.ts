/**
 * The CLI (SPEC §7.2): exit statuses, `--fail-on`, usage and config errors, the text format (the problem
 * matcher's line format), the versioned JSON report, `--output`, `--config`, `--lang`, narrowing to one
 * file — in-process through `runCli`, and as a child process through `bin/residency-guard.js`.
 * Every workspace is written to a temporary directory by the test itself and removed afterwards.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../src/cli/main';
import {
  PROBLEM_MATCHER,
  REPO,
  ensureBundle,
  lines,
  makeTempDir,
  removeDir,
  runChild,
  runInProcess,
  summaryOf,
  writeFiles,
} from './support/cli';

const VERSION: string = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;

const MODEL = `/** @residency jp-with-basis */
export interface User {
  /** @category identifier */ id: string;
  /** @category contact */ phone: string;
  /** @residency unrestricted */ theme: string;
}
/** Work queue of the Chinese ops contractor. @recipient cn-ops */
export declare function sendToOps(payload: unknown): void;
/** Media storage in Seoul. @region aws:ap-northeast-2 */
export declare function storeInSeoul(payload: unknown): void;
`;

const CONFIG = `{
  "parties": {
    "cn-ops": { "name": "Chinese ops contractor", "access": "contractor-overseas", "country": "CN" }
  }
}
`;

/** src/main.ts of the workspace with three error findings at 3:1. */
const ERRORS_MAIN = `import { sendToOps, type User } from './lib/model';
declare const u: User;
sendToOps(u.phone);
`;

const JPR001_EN = 'User.phone (contact) reaches Chinese ops contractor (contractor-overseas, CN) outside Japan without a basis that covers CN (APPI Art. 28(1))';
const JPR003_EN = "User.phone (contact) can be read by Chinese ops contractor (contractor-overseas, CN), a contractor abroad not allowed by the data's @access; entrustment does not exempt a foreign contractor (APPI Art. 28, 25)";
const JPR008_EN = 'User.phone (contact) is readable in CN (Chinese ops contractor (contractor-overseas, CN)), whose law obliges organisations to cooperate with state intelligence work (APPI Art. 23, Rule 18; PRC National Intelligence Law Art. 7)';
const JPR001_JA = 'User.phone (contact) が Chinese ops contractor (contractor-overseas, CN)（日本国外）に渡りますが、CN を対象とする根拠がありません（個人情報保護法28条1項）';

const ERRORS_TEXT = [
  `src/main.ts:3:1: error JPR001 ${JPR001_EN}`,
  `src/main.ts:3:1: error JPR003 ${JPR003_EN}`,
  `src/main.ts:3:1: error JPR008 ${JPR008_EN}`,
];

let tmp = '';
/** Workspace folders by name, each under `tmp`. */
const ws: Record<string, string> = {};

function workspace(name: string, files: Record<string, string>): void {
  ws[name] = writeFiles(path.join(tmp, name), files);
}

function withConfig(config: string, main = ERRORS_MAIN): Record<string, string> {
  return { 'residency.config.json': config, 'src/lib/model.ts': MODEL, 'src/main.ts': main };
}

before(() => {
  tmp = makeTempDir();
  workspace('clean', withConfig(CONFIG, `import { sendToOps, storeInSeoul, type User } from './lib/model';
export function send(u: User): void {
  sendToOps(u.theme);
  storeInSeoul({ theme: u.theme });
}
`));
  workspace('errors', withConfig(CONFIG));
  workspace('warning', withConfig(CONFIG, `import { storeInSeoul, type User } from './lib/model';
export function store(u: User): void {
  storeInSeoul(u.phone);
}
`));
  workspace('info', withConfig(CONFIG, `import type { User } from './lib/model';
export async function upload(u: User): Promise<void> {
  await fetch('https://storage.googleapis.com/upload/storage/v1/b/media/o', { method: 'POST', body: u.phone });
}
`));
  workspace('report', withConfig(CONFIG, `import { sendToOps, type User } from './lib/model';
declare const u: User;
sendToOps(u.phone);
// residency-guard-disable-next-line JPR001, JPR003, JPR008 -- DPA-7 covers the ops contractor
sendToOps(u.id);
/** @recipient cn-opps */
export declare function typo(v: unknown): void;
`));
  workspace('narrow', {
    'residency.config.json': CONFIG,
    'src/a.ts': `/** @residency jp-only @category contact */
export declare const phoneA: string;
/** @recipient cn-ops */
export declare function sendA(v: unknown): void;
sendA(phoneA);
`,
    'src/b.ts': `/** @residency jp-with-basis @category identifier */
export declare const idB: string;
/** @region aws:ap-northeast-2 */
export declare function storeB(v: unknown): void;
storeB(idB);
`,
  });
  workspace('badJson', withConfig(`{
  "parties": {
    "cn-ops": { "name": "Chinese ops contractor", "access": "contractor-overseas", "country": "CN" }
  }
  "rules": { "JPR008": "off" }
}
`));
  workspace('unknownKey', withConfig(`{
  "parties": {
    "cn-ops": { "name": "Chinese ops contractor", "access": "contractor-overseas", "country": "CN" }
  },
  "colour": "blue"
}
`));
  workspace('wrongType', withConfig(`{
  "parties": {
    "cn-ops": { "name": "Chinese ops contractor", "access": "contractor-overseas", "country": "CN" }
  },
  "disclosure": { "countries": "JP" },
  "include": 5
}
`));
  workspace('altConfig', {
    ...withConfig(CONFIG),
    'configs/domestic.json': `{
  "parties": {
    "cn-ops": { "name": "Ops vendor in Osaka", "access": "contractor-domestic", "country": "JP" }
  }
}
`,
    'configs/broken.json': `{
  "parties": {
    "cn-ops": { "name": "Ops vendor", "access": "contractor-domestic", "country": "JP", "tier": 1 }
  }
}
`,
  });
});

after(() => {
  if (tmp) removeDir(tmp);
});

/** `file:line:column severity code` of each text report line. */
function heads(stdout: string): string[] {
  return lines(stdout).map((l) => {
    const m = PROBLEM_MATCHER.exec(l);
    return m ? `${m[1]}:${m[2]}:${m[3]} ${m[4]} ${m[5]}` : `(not a report line) ${l}`;
  });
}

function assertMatcherLines(stdout: string): void {
  for (const line of lines(stdout)) assert.match(line, PROBLEM_MATCHER, `not in the problem-matcher format: ${line}`);
}

describe('exit status and --fail-on', () => {
  test('a clean workspace exits 0 and prints no report line', () => {
    const r = runInProcess(['check'], ws.clean);
    assert.equal(r.code, EXIT_OK);
    assert.equal(r.stdout, '');
    assert.equal(summaryOf(r.stderr), '0 findings (0 errors, 0 warnings, 0 info), 0 suppressed, 0 problems in 2 files (N ms)\n');
  });

  test('findings at error severity exit 1 and print one problem-matcher line each', () => {
    const r = runInProcess(['check'], ws.errors);
    assert.equal(r.code, EXIT_FINDINGS);
    assert.deepEqual(lines(r.stdout), ERRORS_TEXT);
    assertMatcherLines(r.stdout);
    const m = PROBLEM_MATCHER.exec(lines(r.stdout)[0]);
    assert.deepEqual(m?.slice(1), ['src/main.ts', '3', '1', 'error', 'JPR001', JPR001_EN]);
    assert.equal(summaryOf(r.stderr), '3 findings (3 errors, 0 warnings, 0 info), 0 suppressed, 0 problems in 2 files (N ms)\n');
  });

  test('the exit statuses are the documented numbers', () => {
    assert.deepEqual([EXIT_OK, EXIT_FINDINGS, EXIT_USAGE], [0, 1, 2]);
  });

  test('a warning finding passes by default and fails with --fail-on warning or info', () => {
    const byDefault = runInProcess(['check'], ws.warning);
    assert.equal(byDefault.code, EXIT_OK);
    assert.equal(lines(byDefault.stdout).length, 1);
    assert.match(byDefault.stdout, /^src\/main\.ts:3:3: warning JPR005 User\.phone \(contact\) is stored or processed in storeInSeoul\(\) in aws:ap-northeast-2 with no external-environment assessment for KR /);
    assert.equal(runInProcess(['check', '--fail-on', 'error'], ws.warning).code, EXIT_OK);
    assert.equal(runInProcess(['check', '--fail-on', 'warning'], ws.warning).code, EXIT_FINDINGS);
    assert.equal(runInProcess(['check', '--fail-on', 'info'], ws.warning).code, EXIT_FINDINGS);
    assert.equal(runInProcess(['check', '--fail-on', 'none'], ws.warning).code, EXIT_OK);
  });

  test('an info finding fails only with --fail-on info', () => {
    const r = runInProcess(['check', '--fail-on', 'warning'], ws.info);
    assert.equal(r.code, EXIT_OK);
    assert.deepEqual(heads(r.stdout), ['src/main.ts:3:9 info JPR010']);
    assert.equal(runInProcess(['check', '--fail-on', 'info'], ws.info).code, EXIT_FINDINGS);
    assert.equal(runInProcess(['check'], ws.info).code, EXIT_OK);
  });

  test('--fail-on none exits 0 even with error findings, and still prints them', () => {
    const r = runInProcess(['check', '--fail-on', 'none'], ws.errors);
    assert.equal(r.code, EXIT_OK);
    assert.deepEqual(lines(r.stdout), ERRORS_TEXT);
  });
});

describe('usage errors exit 2', () => {
  const cases: ReadonlyArray<readonly [string, readonly string[], string]> = [
    ['an unknown command', ['chek'], 'residency-guard: Unknown command "chek"\n'],
    ['no command', [], 'residency-guard: No command given\n'],
    ['a bad --format', ['check', '--format', 'xml'], 'residency-guard: Invalid value "xml" for --format; expected one of: text, json, sarif, markdown, disclosure\n'],
    ['a bad --fail-on', ['check', '--fail-on', 'warnings'], 'residency-guard: Invalid value "warnings" for --fail-on; expected one of: error, warning, info, none\n'],
    ['a bad --lang', ['check', '--lang', 'fr'], 'residency-guard: Invalid value "fr" for --lang; expected one of: en, ja\n'],
    ['an unknown option', ['check', '--bogus'], "residency-guard: Unknown option '--bogus'"],
  ];
  for (const [what, argv, message] of cases) {
    test(`${what}: exit 2, the message and the usage on stderr, nothing on stdout`, () => {
      const r = runInProcess(argv, ws.errors);
      assert.equal(r.code, EXIT_USAGE);
      assert.equal(r.stdout, '');
      assert.ok(r.stderr.startsWith(message), r.stderr);
      assert.match(r.stderr, /\nUsage: residency-guard check \[paths\.\.\.\] \[options\]\n/);
    });
  }

  test('a path that does not exist: exit 2 naming the path', () => {
    const r = runInProcess(['check', 'src/missing.ts'], ws.errors);
    assert.equal(r.code, EXIT_USAGE);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.startsWith(`residency-guard: No such file or directory: ${path.join(ws.errors, 'src/missing.ts')}\n`), r.stderr);
  });

  test('--help and --version exit 0', () => {
    const help = runInProcess(['--help'], ws.errors);
    assert.equal(help.code, EXIT_OK);
    assert.ok(help.stdout.startsWith('Usage: residency-guard check [paths...] [options]\n'));
    const version = runInProcess(['--version'], ws.errors);
    assert.equal(version.code, EXIT_OK);
    assert.equal(version.stdout, `${VERSION}\n`);
  });
});

describe('config errors exit 2 and are printed at their position in residency.config.json', () => {
  test('bad JSON', () => {
    const r = runInProcess(['check'], ws.badJson);
    assert.equal(r.code, EXIT_USAGE);
    assertMatcherLines(r.stdout);
    // The comma is missing before `"rules"` on line 5, column 3.
    assert.equal(lines(r.stdout)[0], 'residency.config.json:5:3: error RG007 residency.config.json: Expected comma');
  });

  test('an unknown key', () => {
    const r = runInProcess(['check'], ws.unknownKey);
    assert.equal(r.code, EXIT_USAGE);
    assertMatcherLines(r.stdout);
    const out = lines(r.stdout);
    assert.ok(out[0].startsWith('residency.config.json:5:3: error RG008 Unknown key "colour" in residency.config.json'), out[0]);
    // The rest of the config still applies: the party is known, the findings are the usual ones.
    assert.deepEqual(out.slice(1), ERRORS_TEXT);
  });

  test('values of the wrong type', () => {
    const r = runInProcess(['check'], ws.wrongType);
    assert.equal(r.code, EXIT_USAGE);
    assertMatcherLines(r.stdout);
    assert.deepEqual(lines(r.stdout).slice(0, 2), [
      'residency.config.json:5:32: error RG008 Wrong type for "disclosure.countries": expected an array, found a string',
      'residency.config.json:6:14: error RG008 Wrong type for "include": expected an array, found a number',
    ]);
    assert.deepEqual(lines(r.stdout).slice(2), ERRORS_TEXT);
  });

  test('config problems appear in the JSON report too, with exit 2', () => {
    const r = runInProcess(['check', '--format', 'json'], ws.unknownKey);
    assert.equal(r.code, EXIT_USAGE);
    const report = JSON.parse(r.stdout);
    assert.equal(report.problems.length, 1);
    const p = report.problems[0];
    assert.equal(p.kind, 'config');
    assert.equal(p.code, 'RG008');
    assert.equal(p.severity, 'error');
    assert.deepEqual(p.location, { file: 'residency.config.json', line: 5, column: 3, endLine: 5, endColumn: 11 });
    assert.equal(p.suggestion, undefined);
  });
});

describe('--format json (SPEC §7.2)', () => {
  let report: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  let code = -1;

  before(() => {
    const r = runInProcess(['check', ws.report, '--format', 'json'], tmp);
    code = r.code;
    report = JSON.parse(r.stdout);
  });

  test('top level: tool, version from package.json, schemaVersion 1, then the lists and the summary', () => {
    assert.equal(code, EXIT_FINDINGS);
    assert.deepEqual(Object.keys(report).slice(0, 7), ['tool', 'version', 'schemaVersion', 'findings', 'problems', 'suppressed', 'summary']);
    assert.equal(report.tool, 'residency-guard');
    assert.equal(report.version, VERSION);
    assert.equal(report.schemaVersion, 1);
  });

  test('findings: rule, severity, message, location, sources, destination, path, fingerprint', () => {
    assert.deepEqual(report.findings.map((f: { rule: string }) => f.rule), ['JPR001', 'JPR003', 'JPR008']);
    const f = report.findings[0];
    assert.equal(f.rule, 'JPR001');
    assert.equal(f.severity, 'error');
    assert.equal(f.message, JPR001_EN);
    assert.deepEqual(f.location, { file: 'src/main.ts', line: 3, column: 1, endLine: 3, endColumn: 19 });
    assert.deepEqual(f.sources, [
      { symbol: 'User.phone', category: 'contact', residency: 'jp-with-basis', location: { file: 'src/lib/model.ts', line: 4, column: 28 } },
    ]);
    assert.deepEqual(
      { country: f.destination.country, region: f.destination.region, party: f.destination.party, access: f.destination.access },
      { country: 'CN', region: null, party: 'cn-ops', access: 'contractor-overseas' },
    );
    assert.ok(Array.isArray(f.path) && f.path.length >= 2);
    for (const step of f.path) {
      assert.deepEqual(Object.keys(step.location), ['file', 'line', 'column']);
      assert.equal(typeof step.note, 'string');
    }
    // The path starts at the source declaration and ends at the sink.
    assert.deepEqual(f.path[0].location, { file: 'src/lib/model.ts', line: 4, column: 28 });
    assert.deepEqual(f.path[f.path.length - 1].location, { file: 'src/main.ts', line: 3, column: 1 });
    assert.equal(typeof f.fingerprint, 'string');
    assert.ok(f.fingerprint.length > 0);
  });

  test('fingerprints differ between findings and are stable between runs', () => {
    const prints = report.findings.map((f: { fingerprint: string }) => f.fingerprint);
    assert.equal(new Set(prints).size, prints.length);
    const again = JSON.parse(runInProcess(['check', '--format', 'json'], ws.report).stdout);
    assert.deepEqual(again.findings.map((f: { fingerprint: string }) => f.fingerprint), prints);
  });

  test('problems: kind, message and location of the bad annotation', () => {
    assert.equal(report.problems.length, 1);
    const p = report.problems[0];
    assert.equal(p.kind, 'annotation');
    assert.equal(p.code, 'RG001');
    assert.equal(p.severity, 'error');
    assert.equal(p.message, 'Unknown party "cn-opps"; did you mean "cn-ops"?');
    assert.deepEqual(p.location, { file: 'src/main.ts', line: 6, column: 16, endLine: 6, endColumn: 23 });
  });

  test('suppressed: the findings named by the suppression, with its reason', () => {
    assert.deepEqual(report.suppressed.map((f: { rule: string }) => f.rule), ['JPR001', 'JPR003', 'JPR008']);
    for (const s of report.suppressed) {
      assert.deepEqual(s.location, { file: 'src/main.ts', line: 5, column: 1, endLine: 5, endColumn: 16 });
      assert.deepEqual(s.sources.map((x: { symbol: string }) => x.symbol), ['User.id']);
      assert.equal(s.suppression.reason, 'DPA-7 covers the ops contractor');
      assert.equal(typeof s.fingerprint, 'string');
    }
  });

  test('summary: files, findings, durationMs', () => {
    assert.equal(report.summary.files, 2);
    assert.equal(report.summary.findings, 3);
    assert.equal(typeof report.summary.durationMs, 'number');
    assert.ok(report.summary.durationMs >= 0);
  });

  test('every file is relative to the checked root with / separators, every line and column 1-based', () => {
    const locs: Array<{ file: string; line: number; column: number }> = [];
    for (const f of [...report.findings, ...report.suppressed]) {
      locs.push(f.location, ...f.sources.map((s: { location: never }) => s.location), ...f.path.map((p: { location: never }) => p.location));
    }
    locs.push(...report.problems.map((p: { location: never }) => p.location));
    for (const l of locs) {
      assert.ok(!path.isAbsolute(l.file) && !l.file.includes('\\') && !l.file.startsWith('..'), l.file);
      assert.ok(['src/main.ts', 'src/lib/model.ts'].includes(l.file), l.file);
      assert.ok(Number.isInteger(l.line) && l.line >= 1 && Number.isInteger(l.column) && l.column >= 1);
    }
  });
});

describe('options', () => {
  test('--output FILE writes the report and prints nothing on stdout', () => {
    const out = path.join(tmp, 'report.txt');
    const r = runInProcess(['check', 'errors', '--output', 'report.txt'], tmp);
    assert.equal(r.code, EXIT_FINDINGS);
    assert.equal(r.stdout, '');
    assert.deepEqual(lines(fs.readFileSync(out, 'utf8')), ERRORS_TEXT);
    assert.equal(summaryOf(r.stderr), '3 findings (3 errors, 0 warnings, 0 info), 0 suppressed, 0 problems in 2 files (N ms)\n');
  });

  test('--output FILE with --format json writes the JSON report', () => {
    const out = path.join(tmp, 'report.json');
    const r = runInProcess(['check', ws.errors, '--format', 'json', '--output', out], tmp);
    assert.equal(r.code, EXIT_FINDINGS);
    assert.equal(r.stdout, '');
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.equal(report.tool, 'residency-guard');
    assert.deepEqual(report.findings.map((f: { rule: string; location: { line: number } }) => `${f.rule}@${f.location.line}`), ['JPR001@3', 'JPR003@3', 'JPR008@3']);
  });

  test('--config FILE replaces the root config', () => {
    const r = runInProcess(['check', '--config', 'configs/domestic.json'], ws.altConfig);
    assert.equal(r.code, EXIT_FINDINGS);
    const out = lines(r.stdout);
    assert.deepEqual(heads(r.stdout), ['src/main.ts:3:1 error JPR002']);
    assert.match(out[0], / Ops vendor in Osaka \(contractor-domestic, JP\)/);
  });

  test('--config FILE with an error reports it at its position in that file and exits 2', () => {
    const r = runInProcess(['check', '--config', 'configs/broken.json'], ws.altConfig);
    assert.equal(r.code, EXIT_USAGE);
    assertMatcherLines(r.stdout);
    assert.ok(lines(r.stdout)[0].startsWith('configs/broken.json:3:89: error RG008 '), r.stdout);
  });

  test('--config FILE that does not exist exits 2', () => {
    const r = runInProcess(['check', '--config', 'configs/missing.json'], ws.altConfig);
    assert.equal(r.code, EXIT_USAGE);
    assert.ok(lines(r.stdout).some((l) => /^configs\/missing\.json:1:1: error RG007 /.test(l)), r.stdout);
  });

  test('--lang ja gives Japanese messages; LANG=ja_JP selects them too; --lang en overrides LANG', () => {
    const ja = runInProcess(['check', '--lang', 'ja'], ws.errors);
    assert.equal(ja.code, EXIT_FINDINGS);
    assert.equal(lines(ja.stdout)[0], `src/main.ts:3:1: error JPR001 ${JPR001_JA}`);
    assertMatcherLines(ja.stdout);
    const fromEnv = runInProcess(['check'], ws.errors, { LANG: 'ja_JP.UTF-8' });
    assert.equal(lines(fromEnv.stdout)[0], `src/main.ts:3:1: error JPR001 ${JPR001_JA}`);
    const en = runInProcess(['check', '--lang', 'en'], ws.errors, { LANG: 'ja_JP.UTF-8' });
    assert.deepEqual(lines(en.stdout), ERRORS_TEXT);
  });

  test('check path/to/file.ts narrows the report to that file', () => {
    const all = runInProcess(['check'], ws.narrow);
    assert.deepEqual(heads(all.stdout), [
      'src/a.ts:5:1 error JPR001',
      'src/a.ts:5:1 error JPR003',
      'src/a.ts:5:1 error JPR008',
      'src/b.ts:5:1 warning JPR005',
    ]);
    const b = runInProcess(['check', 'src/b.ts'], ws.narrow);
    assert.equal(b.code, EXIT_OK);
    assert.deepEqual(heads(b.stdout), ['src/b.ts:5:1 warning JPR005']);
    const a = runInProcess(['check', path.join(ws.narrow, 'src/a.ts')], ws.narrow);
    assert.equal(a.code, EXIT_FINDINGS);
    assert.deepEqual(heads(a.stdout), [
      'src/a.ts:5:1 error JPR001',
      'src/a.ts:5:1 error JPR003',
      'src/a.ts:5:1 error JPR008',
    ]);
  });

  test('check DIR from elsewhere reports paths relative to DIR', () => {
    const r = runInProcess(['check', 'errors'], tmp);
    assert.equal(r.code, EXIT_FINDINGS);
    assert.deepEqual(lines(r.stdout), ERRORS_TEXT);
  });
});

describe('--format disclosure and merge (SPEC §7.2 v2)', () => {
  function jsonReport(name: string, repository?: string): string {
    const out = path.join(tmp, `${name}.json`);
    runInProcess(['check', ws[name], '--format', 'json', '--output', out, ...(repository ? ['--repository', repository] : [])], tmp);
    return out;
  }

  test('check --format disclosure keeps the exit statuses: 1 with findings, 0 with --fail-on none or none found', () => {
    const errors = runInProcess(['check', '--format', 'disclosure'], ws.errors);
    assert.equal(errors.code, EXIT_FINDINGS);
    assert.match(errors.stdout, /^# Information on the provision of personal data to third parties in foreign countries \(DRAFT\)/);
    assert.equal(runInProcess(['check', '--format', 'disclosure', '--fail-on', 'none'], ws.errors).code, EXIT_OK);
    assert.equal(runInProcess(['check', '--format', 'disclosure'], ws.clean).code, EXIT_OK);
    assert.equal(runInProcess(['check', '--format', 'disclosure'], ws.badJson).code, EXIT_USAGE);
  });

  test('--repository is recorded in the JSON report', () => {
    const report = JSON.parse(fs.readFileSync(jsonReport('errors', 'acme/errors'), 'utf8')) as { repository?: string };
    assert.equal(report.repository, 'acme/errors');
  });

  test('merge exits 0 and names the repositories; --output writes the merge', () => {
    const out = path.join(tmp, 'merged.md');
    const r = runInProcess(['merge', jsonReport('errors', 'acme/errors'), jsonReport('warning', 'acme/warning'), '--output', out], tmp);
    assert.equal(r.code, EXIT_OK, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(fs.readFileSync(out, 'utf8'), /from `acme\/errors`, `acme\/warning`/);
  });

  test('merge exits 2 on a malformed report, naming the file, line and column, and without the usage text', () => {
    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(bad, '{\n  "tool": "residency-guard",\n  "schemaVersion": 1,\n  "findings": 3\n}\n');
    const r = runInProcess(['merge', 'bad.json'], tmp);
    assert.equal(r.code, EXIT_USAGE);
    assert.match(r.stderr, /^residency-guard: bad\.json:4:15: /);
    assert.doesNotMatch(r.stderr, /Usage:/);
  });

  test('merge exits 2 on a report of another schemaVersion, a missing file, no file or another format', () => {
    const v2 = path.join(tmp, 'v2.json');
    fs.writeFileSync(v2, JSON.stringify({ tool: 'residency-guard', version: '9.0.0', schemaVersion: 2, findings: [] }));
    const wrong = runInProcess(['merge', 'v2.json'], tmp);
    assert.equal(wrong.code, EXIT_USAGE);
    assert.match(wrong.stderr, /v2\.json:1:\d+: schemaVersion 2 is not supported/);
    assert.equal(runInProcess(['merge', 'missing.json'], tmp).code, EXIT_USAGE);
    assert.equal(runInProcess(['merge'], tmp).code, EXIT_USAGE);
    assert.equal(runInProcess(['merge', jsonReport('errors'), '--format', 'sarif'], tmp).code, EXIT_USAGE);
  });
});

describe('the residency-guard command as a child process', () => {
  before(() => {
    ensureBundle();
  });

  test('exit 1 and problem-matcher lines on a workspace with findings', () => {
    const r = runChild(['check', ws.errors], tmp);
    assert.equal(r.code, EXIT_FINDINGS, r.stderr);
    assert.deepEqual(lines(r.stdout), ERRORS_TEXT);
    assertMatcherLines(r.stdout);
    assert.equal(summaryOf(r.stderr), '3 findings (3 errors, 0 warnings, 0 info), 0 suppressed, 0 problems in 2 files (N ms)\n');
  });

  test('exit 0 on a clean workspace', () => {
    const r = runChild(['check'], ws.clean);
    assert.equal(r.code, EXIT_OK, r.stderr);
    assert.equal(r.stdout, '');
  });

  test('the JSON report of the bundle has the same shape and version', () => {
    const r = runChild(['check', '--format', 'json'], ws.report);
    assert.equal(r.code, EXIT_FINDINGS, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.tool, 'residency-guard');
    assert.equal(report.version, VERSION);
    assert.equal(report.schemaVersion, 1);
    assert.deepEqual(report.findings.map((f: { rule: string }) => f.rule), ['JPR001', 'JPR003', 'JPR008']);
    assert.deepEqual(report.suppressed.map((f: { rule: string }) => f.rule), ['JPR001', 'JPR003', 'JPR008']);
    assert.deepEqual(report.problems.map((p: { kind: string; code: string }) => `${p.kind} ${p.code}`), ['annotation RG001']);
    assert.deepEqual(report.summary.files, 2);
  });

  test('exit 2 on a usage error and on a config error', () => {
    const usage = runChild(['check', '--format', 'xml'], ws.errors);
    assert.equal(usage.code, EXIT_USAGE);
    assert.ok(usage.stderr.startsWith('residency-guard: Invalid value "xml" for --format'), usage.stderr);
    const config = runChild(['check'], ws.badJson);
    assert.equal(config.code, EXIT_USAGE);
    assert.equal(lines(config.stdout)[0], 'residency.config.json:5:3: error RG007 residency.config.json: Expected comma');
  });

  test('LANG=ja_JP.UTF-8 in the environment gives Japanese messages', () => {
    const r = runChild(['check'], ws.errors, { LANG: 'ja_JP.UTF-8' });
    assert.equal(lines(r.stdout)[0], `src/main.ts:3:1: error JPR001 ${JPR001_JA}`);
  });
});

describe('the CLI on infrastructure code (config "iac")', () => {
  const fixture = path.join(REPO, 'test', 'fixtures', 'iac-terraform');

  test('SARIF code flows walk from the sink into the Terraform files: binding, resource, provider region', () => {
    const r = runInProcess(['check', '--format', 'sarif', '--fail-on', 'none'], fixture);
    assert.equal(r.code, EXIT_OK, r.stderr);
    const results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }>; codeFlows: Array<{ threadFlows: Array<{ locations: Array<{ location: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } } }> }> }> }> =
      JSON.parse(r.stdout).runs[0].results;
    const media = results.find((x) => x.ruleId === 'JPR005' && x.locations[0].physicalLocation.region.startLine === 14);
    assert.ok(media, 'a JPR005 result for the media bucket in Seoul');
    const steps = media.codeFlows[0].threadFlows[0].locations.map((l) => `${l.location.physicalLocation.artifactLocation.uri}:${l.location.physicalLocation.region.startLine}`);
    assert.deepEqual(steps.slice(-4), ['infra/lambda.tf:9', 'infra/storage.tf:2', 'infra/storage.tf:3', 'infra/providers.tf:14']);
  });

  test('text and JSON: one finding per environment, a missing link is JPR010 naming it; --fail-on warning fails on it', () => {
    const text = runInProcess(['check', '--fail-on', 'none'], fixture);
    assert.ok(lines(text.stdout).some((l) => /^src\/handler\.ts:44:9: warning JPR005 .*chat_logs in aws:us-east-1/.test(l)), text.stdout);
    assert.ok(lines(text.stdout).some((l) => /^src\/handler\.ts:29:9: info JPR010 .*variable audit_region, which has no default/.test(l)), text.stdout);
    const json = runInProcess(['check', '--format', 'json', '--fail-on', 'none'], fixture);
    const report = JSON.parse(json.stdout);
    const logs = report.findings.filter((f: { location: { line: number } }) => f.location.line === 44);
    assert.deepEqual(logs.map((f: { destination: { country: string } }) => f.destination.country), ['US']);
    assert.equal(runInProcess(['check', '--fail-on', 'warning'], fixture).code, EXIT_FINDINGS);
  });
});
