/**
 * Defined behaviour on bad inputs (issue 7, point 3), each in its own workspace: files that do not parse,
 * binary files, files above the size limit, minified multi-megabyte files, deeply nested code, doc
 * comments that hang TypeScript's JSDoc scanner, recursive type aliases, symlink loops and unreadable
 * files. In every case the engine returns a result (never throws, never hangs), states why a file was not
 * (fully) analysed in a located notice, and still checks the rest of the workspace (the valid flow of
 * FLOW_FILES is found).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_FILE_BYTES } from '../../src/core/analysis/fileDiscovery';
import { PROBLEM_CODES } from '../../src/core/model';
import { makeTempDir, removeDir, writeFiles } from '../support/cli';
import {
  FLOW_FILES,
  assertFlowFound,
  assertProblemsLocated,
  check,
  hostWithUnreadable,
  minifiedScript,
  permissionsAreBypassed,
  problemsOf,
  runCompiledCli,
} from '../support/workspace';

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

/** A fresh workspace with the valid flow and `extra` files. */
function workspace(extra: Readonly<Record<string, string | Buffer>> = {}): string {
  const dir = makeTempDir('rg-robust-');
  dirs.push(dir);
  writeFiles(dir, FLOW_FILES);
  for (const [rel, content] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

const SKIPPED = PROBLEM_CODES.fileSkipped;
const PARSE = PROBLEM_CODES.sourceParse;

/** Checks a workspace of `files` beside the valid flow: the flow is found and each file has exactly one skip notice. */
function checkOneNoticeEach(files: Readonly<Record<string, string>>) {
  const dir = workspace(files);
  const result = check(dir);
  assertFlowFound(result);
  const notices = Object.keys(files).map((file) => {
    const own = problemsOf(result, file, SKIPPED);
    assert.equal(own.length, 1, `${file}: ${JSON.stringify(problemsOf(result, file))}`);
    return own[0];
  });
  return { dir, result, notices };
}

test('a file that does not parse: located parse problems, the rest of the workspace (and of the file) is still checked', () => {
  const dir = workspace({
    'src/broken.ts': [
      "import { type User, sendToOps } from './model';",
      'export function early(u: User): void {',
      '  sendToOps(u.phone);',
      '}',
      'export function (( {',
      '  const = ;',
      '',
    ].join('\n'),
    'src/broken.js': 'module.exports = function ( { return 1 +; };\n',
    'src/after.ts': 'export const fine = 1;\n',
  });
  const result = check(dir);
  assertFlowFound(result);
  for (const file of ['src/broken.ts', 'src/broken.js']) {
    const parse = problemsOf(result, file, PARSE);
    assert.ok(parse.length > 0, `no parse problem for ${file}: ${JSON.stringify(result.problems)}`);
    for (const p of parse) {
      assert.equal(p.kind, 'parse');
      assert.equal(p.severity, 'error');
      assert.match(p.message, /does not parse/);
    }
  }
  assert.equal(problemsOf(result, 'src/broken.ts', PARSE)[0].location.line, 5, 'the first parse error is on line 5');
  assert.ok(result.findings.some((f) => f.location.file === 'src/broken.ts' && f.location.line === 3), 'the flow before the syntax error in broken.ts is found');
  assert.equal(result.files, 5, 'model, main, broken.ts, broken.js and after.ts are analysed');
  assertProblemsLocated(dir, result.problems);
});

test('a binary file with a .ts name is skipped with a notice; the rest is checked', () => {
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
  const dir = workspace({ 'src/image.ts': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]), bytes]) });
  const result = check(dir);
  assertFlowFound(result);
  const notices = problemsOf(result, 'src/image.ts');
  assert.equal(notices.length, 1, JSON.stringify(result.problems));
  assert.equal(notices[0].code, SKIPPED);
  assert.equal(notices[0].kind, 'file');
  assert.match(notices[0].message, /binary/);
  assert.deepEqual([notices[0].location.line, notices[0].location.column], [1, 1]);
  assert.equal(result.files, 2);
});

test('a file larger than the limit (2 MB) is skipped with a notice; a file of exactly the limit is analysed', () => {
  assert.equal(MAX_FILE_BYTES, 2 * 1024 * 1024, 'the documented limit is 2 MB');
  const filler = (bytes: number): string => {
    const head = 'export const big = 1;\n';
    return head + '/*' + 'x'.repeat(bytes - head.length - 4) + '*/';
  };
  const dir = workspace({ 'src/over.ts': filler(MAX_FILE_BYTES + 1), 'src/at.ts': filler(MAX_FILE_BYTES) });
  assert.equal(fs.statSync(path.join(dir, 'src/over.ts')).size, MAX_FILE_BYTES + 1);
  const result = check(dir);
  assertFlowFound(result);
  const over = problemsOf(result, 'src/over.ts');
  assert.equal(over.length, 1, JSON.stringify(result.problems));
  assert.equal(over[0].code, SKIPPED);
  assert.match(over[0].message, /2048 KB limit/);
  assert.deepEqual(problemsOf(result, 'src/at.ts'), []);
  assert.equal(result.files, 3, 'model, main and the file at the limit are analysed');
  assertProblemsLocated(dir, result.problems);
});

test('a minified multi-megabyte file is skipped with a notice; the rest is checked', () => {
  const dir = workspace({ 'vendor/app.min.js': minifiedScript(3 * 1024 * 1024) });
  const started = Date.now();
  const result = check(dir);
  const ms = Date.now() - started;
  assertFlowFound(result);
  const notices = problemsOf(result, 'vendor/app.min.js');
  assert.equal(notices.length, 1, JSON.stringify(result.problems));
  assert.equal(notices[0].code, SKIPPED);
  assert.match(notices[0].message, /KB, above the 2048 KB limit/);
  assertProblemsLocated(dir, result.problems);
  console.log(`# minified ${(fs.statSync(path.join(dir, 'vendor/app.min.js')).size / 1048576).toFixed(1)} MB file: checked in ${ms} ms`);
});

test('5000 nested parentheses: no stack overflow, a located notice; the rest is checked', () => {
  const dir = workspace({ 'src/parens.ts': `export const x = ${'('.repeat(5000)}1${')'.repeat(5000)};\n` });
  const result = check(dir);
  assertFlowFound(result);
  const notices = problemsOf(result, 'src/parens.ts');
  assert.equal(notices.length, 1, JSON.stringify(result.problems));
  assert.equal(notices[0].code, SKIPPED);
  assert.match(notices[0].message, /nested too deeply/);
  assertProblemsLocated(dir, result.problems);
});

/** Deeply nested shapes the engine handles today; each file gets a notice, none overflows the stack. */
const NESTED: Readonly<Record<string, string>> = {
  'src/deep/arrays.ts': `export const x = ${'['.repeat(5000)}1${']'.repeat(5000)};\n`,
  'src/deep/calls.ts': `function f(a: unknown) { return a; }\nexport const x = ${'f('.repeat(5000)}1${')'.repeat(5000)};\n`,
  'src/deep/objects.ts': `export const x = ${'{a:'.repeat(5000)}1${'}'.repeat(5000)};\n`,
  'src/deep/objectsWithTags.ts': `export const x = ${'{a:'.repeat(5000)}{ /** @residency jp-only */ b: 1 // residency-guard-disable-next-line JPR001 -- r\n}${'}'.repeat(5000)};\n`,
  'src/deep/arrows.ts': `export const x = ${'() => '.repeat(5000)}1;\n`,
  'src/deep/ifs.ts': `export function g(a: number) {\n${'if (a) {'.repeat(5000)}a++;${'}'.repeat(5000)}}\n`,
  'src/deep/ternaries.ts': `declare const a: boolean, b: number;\nexport const x = ${'a ? b : '.repeat(5000)}0;\n`,
  'src/deep/templates.ts': `export const x = ${'`${'.repeat(5000)}1${'}`'.repeat(5000)};\n`,
  'src/deep/types.ts': `export type T = ${'Array<'.repeat(5000)}string${'>'.repeat(5000)};\n`,
  'src/deep/jsx.tsx': `export const x = ${'<a>'.repeat(5000)}${'</a>'.repeat(5000)};\n`,
  'src/deep/functions.js': `${Array.from({ length: 5000 }, (_, i) => `function f${i}(a) {`).join('')}return a;${'}'.repeat(5000)}\n`,
};

test('other deeply nested code (5000 levels of arrays, calls, objects, arrows, ifs, ternaries, templates, types, JSX, functions): no stack overflow, a located notice each', () => {
  const { dir, result, notices } = checkOneNoticeEach(NESTED);
  for (const n of notices) assert.match(n.message, /nested too deeply/);
  assertProblemsLocated(dir, result.problems);
});

test('a symlink loop in the workspace (a directory link to its parent, a link to itself, a cycle of two): the check terminates, each file once', () => {
  const dir = workspace({ 'src/inner/leaf.ts': 'export const leaf = 1;\n', 'lib/a/x.ts': 'export const x = 1;\n', 'lib/b/y.ts': 'export const y = 1;\n' });
  fs.symlinkSync('..', path.join(dir, 'src/inner/up'));
  fs.symlinkSync('.', path.join(dir, 'src/self'));
  fs.symlinkSync('../b', path.join(dir, 'lib/a/to-b'));
  fs.symlinkSync('../a', path.join(dir, 'lib/b/to-a'));
  fs.symlinkSync('dangling-target', path.join(dir, 'src/dangling.ts'));
  const run = runCompiledCli(['check', '.', '--format', 'json'], dir, 60_000);
  assert.equal(run.timedOut, false, 'the check did not terminate within 60 s');
  assert.equal(run.code, 1, run.stderr);
  const report = JSON.parse(run.stdout);
  assert.ok(report.findings.some((f: { location: { file: string; line: number } }) => f.location.file === 'src/main.ts' && f.location.line === 3));
  assert.equal(report.summary.files, 5, `model, main, leaf, x and y, each once: ${run.stderr}`);
  for (const p of report.problems as Array<{ location: { file: string } }>) {
    assert.ok(!/\/(up|self|to-a|to-b)\//.test(`/${p.location.file}`), `a file reported through a symlink loop: ${p.location.file}`);
  }
});

test('a 20000-term a + a + … chain: no stack overflow, a located notice; the rest is checked', () => {
  const dir = workspace({ 'src/chain.ts': `const a = 1;\nexport const y = ${Array(20000).fill('a').join(' + ')};\n` });
  const started = Date.now();
  const result = check(dir);
  const ms = Date.now() - started;
  assertFlowFound(result);
  const notices = problemsOf(result, 'src/chain.ts', SKIPPED);
  assert.equal(notices.length, 1, JSON.stringify(problemsOf(result, 'src/chain.ts')));
  assert.match(notices[0].message, /nested too deeply|levels deep/);
  assertProblemsLocated(dir, result.problems);
  console.log(`# 20000-term chain: checked in ${ms} ms`);
});

/** Code the parser reads but the binder (or the analysis) would overflow on: each file gets a notice, the check goes on. */
const BINDER_DEEP: Readonly<Record<string, string>> = {
  'src/binder/ifs.ts': `export function g(a: number) {\n${'if (a) {'.repeat(1000)}a++;${'}'.repeat(1000)}}\n`,
  'src/binder/and.ts': `const a = 1;\nexport const y = ${Array(1000).fill('a').join(' && ')};\n`,
  'src/binder/callChain.ts': `const a: any = {};\nexport const y = a${'.b()'.repeat(1000)};\n`,
  'src/binder/propertyChain.ts': `const a: any = {};\nexport const y = a${'.b'.repeat(2500)};\n`,
  'src/binder/plus.ts': `const a = 1;\nexport const y = ${Array(5000).fill('a').join(' + ')};\n`,
  'src/binder/comma.ts': `let a = 1;\nexport const y = (${Array(3000).fill('a').join(', ')});\n`,
  'src/binder/assign.ts': `let a = 1;\n${'a = '.repeat(3000)}1;\n`,
};

test('code nested deeper than the binder can take (1000 ifs, 1000-term &&, 1000 chained calls, 2500-long property chain, 5000-term +, comma and assignment chains): a notice each, no crash', () => {
  const { dir, result } = checkOneNoticeEach(BINDER_DEEP);
  assertProblemsLocated(dir, result.problems);
});

test('a doc comment whose last word ends in "-" right before the close (`/** @residency jp-*/`, as while typing) does not hang the check', () => {
  // TypeScript 6.0.3's JSDoc scanner loops forever on such comments; the check runs in a child process so
  // that a hang fails the test instead of blocking the suite.
  const dir = workspace({ 'src/typing.ts': '/** @residency jp-*/\nexport const phone = "x";\n', 'src/typing.js': '/** see RFC-*/\nexports.x = 1;\n' });
  const run = runCompiledCli(['check', '.', '--format', 'json'], dir, 60_000);
  assert.equal(run.timedOut, false, 'the check hangs');
  assert.equal(run.code, 1, run.stderr);
  const report = JSON.parse(run.stdout) as { findings: Array<{ location: { file: string; line: number } }>; problems: Array<{ location: { file: string; line: number; column: number }; code: string }> };
  assert.ok(report.findings.some((f) => f.location.file === 'src/main.ts' && f.location.line === 3));
  const unfinished = report.problems.filter((p) => p.location.file === 'src/typing.ts');
  assert.deepEqual(unfinished.map((p) => [p.code, p.location.line, p.location.column]), [[PROBLEM_CODES.unknownValue, 1, 16]], 'the unfinished "jp-" is an unknown residency class');
});

test('a recursive type alias (type Json = … | Json[]) does not stop the analysis of the file that uses it', () => {
  const dir = workspace({
    'src/tree.ts': [
      "import { type User, sendToOps } from './model';",
      'export type Json = string | number | null | Json[] | { [key: string]: Json };',
      'export type Tree = Tree[] | Forest;',
      'export type Forest = Tree | null;',
      'export function send(u: User, extra: Json, tree: Tree): [Json, Tree] {',
      '  sendToOps(u.phone);',
      '  return [extra, tree];',
      '}',
      '',
    ].join('\n'),
  });
  const result = check(dir);
  assert.deepEqual(problemsOf(result, 'src/tree.ts'), []);
  assert.ok(result.findings.some((f) => f.location.file === 'src/tree.ts' && f.location.line === 6), 'the flow in tree.ts is found');
});

test('an unreadable file: a notice that it cannot be read; the rest is checked', () => {
  const dir = workspace({ 'src/secret.ts': 'export const s = 1;\n' });
  const file = path.join(dir, 'src/secret.ts');
  fs.chmodSync(file, 0o000);
  try {
    // As root, chmod does not stop reading: then a host that cannot read the file stands in for the permission.
    const host = permissionsAreBypassed(file) ? hostWithUnreadable(new Set([file.split(path.sep).join('/')])) : undefined;
    const result = check(dir, host);
    assertFlowFound(result);
    const notices = problemsOf(result, 'src/secret.ts');
    assert.equal(notices.length, 1, `expected one notice for the unreadable file, got ${JSON.stringify(result.problems)}`);
    assert.equal(notices[0].code, SKIPPED);
    assert.match(notices[0].message, /cannot be read/);
    assert.deepEqual([notices[0].location.line, notices[0].location.column], [1, 1]);
  } finally {
    fs.chmodSync(file, 0o644);
  }
});
