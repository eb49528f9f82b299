/**
 * Safety (issue 7, point 5): the engine never requires, imports or evaluates workspace files (the config
 * is data-only JSON, its `$schema` is never loaded), opens no network connection and starts no process,
 * and the CLI writes only where the user asked (`--output`). Guarded three ways: by running the engine on
 * a hostile workspace with the I/O entry points of Node.js instrumented, by reading the imports of every
 * src/core module, and by running the ESLint boundary rule on a probe file under src/core.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as childProcess from 'node:child_process';
import * as dgram from 'node:dgram';
import * as dns from 'node:dns';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as path from 'node:path';
import * as tls from 'node:tls';
import ts = require('typescript');
import { EXIT_FINDINGS } from '../../src/cli/main';
import { REPO, makeTempDir, removeDir, runInProcess, writeFiles } from '../support/cli';
import { FLOW_FILES, snapshotTree, treeChanges } from '../support/workspace';

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

function tempDir(prefix: string): string {
  const dir = makeTempDir(prefix);
  dirs.push(dir);
  return dir;
}

/** JavaScript that, if it were ever executed, would leave a marker file and then throw. */
function trap(marker: string, what: string): string {
  return [
    `require('fs').writeFileSync(${JSON.stringify(marker)}, ${JSON.stringify(what)});`,
    `throw new Error(${JSON.stringify(`${what} was executed`)});`,
    '',
  ].join('\n');
}

/**
 * A workspace whose code, config and tool files would each leave a marker if loaded: a module the code
 * imports, a required CommonJS module, a `$schema` JS file, a `tsconfig.json` extending and plugging in
 * JS files, a dynamic import, a package in node_modules the code imports, and executable-looking files.
 */
function hostileWorkspace(markers: string): { dir: string; files: string[] } {
  const dir = tempDir('rg-hostile-');
  const files: string[] = [];
  const t = (name: string): string => {
    const marker = path.join(markers, name.replace(/[/.]/g, '_'));
    files.push(marker);
    return trap(marker, name);
  };
  writeFiles(dir, {
    ...FLOW_FILES,
    'residency.config.json': JSON.stringify({
      $schema: './schema/residency.config.schema.js',
      parties: { 'cn-ops': { name: 'Dalian monitoring contractor', access: 'contractor-overseas', country: 'CN' } },
    }, null, 2),
    'tsconfig.json': JSON.stringify({ extends: './tsconfig.base.js', compilerOptions: { allowJs: true, plugins: [{ name: './plugin.js' }] }, include: ['src/**/*'] }),
    'tsconfig.base.js': t('tsconfig.base.js'),
    'plugin.js': t('plugin.js'),
    'schema/residency.config.schema.js': t('schema/residency.config.schema.js'),
    'residency.config.js': t('residency.config.js'),
    '.eslintrc.js': t('.eslintrc.js'),
    'index.js': t('index.js'),
    'package.json': JSON.stringify({ name: 'hostile', main: 'index.js', scripts: { postinstall: 'node index.js' } }),
    'node_modules/evil/package.json': JSON.stringify({ name: 'evil', main: 'index.js' }),
    'node_modules/evil/index.js': t('node_modules/evil/index.js'),
    'src/trap.js': t('src/trap.js'),
    'src/loader.js': [
      "const evil = require('evil');",
      "const trap = require('./trap');",
      "import('./trap.js').then(() => undefined);",
      "eval(\"require('fs').writeFileSync('/dev/null', 'x')\");",
      'module.exports = { evil, trap };',
      '',
    ].join('\n'),
    'src/uses.ts': [
      "import { type User, sendToOps } from './model';",
      "import evil from 'evil';",
      "import * as trap from './trap';",
      'export function more(u: User): void {',
      '  sendToOps([u.phone, evil, trap]);',
      '}',
      "export const egress = () => fetch('https://s3.ap-northeast-2.amazonaws.com/bucket', { method: 'PUT', body: '1' });",
      '',
    ].join('\n'),
  });
  return { dir, files };
}

type Restore = () => void;

/** Replaces `obj[key]` with a function that records the call and throws; returns the restorer. */
function forbid(obj: object, key: string, label: string, calls: string[]): Restore {
  const target = obj as Record<string, unknown>;
  const original = target[key];
  const descriptor = Object.getOwnPropertyDescriptor(obj, key);
  const replacement = (...args: unknown[]): never => {
    calls.push(`${label}(${args.map((a) => (typeof a === 'string' ? a : typeof a)).join(', ')})`);
    throw new Error(`${label} is forbidden during a check`);
  };
  try {
    Object.defineProperty(obj, key, { configurable: true, writable: true, value: replacement });
  } catch {
    return () => undefined;
  }
  return () => {
    if (descriptor) Object.defineProperty(obj, key, descriptor);
    else target[key] = original;
  };
}

/** Network, process and code-loading entry points that a check must never reach. */
function instrument(calls: string[], workspace: string): Restore {
  const restores: Restore[] = [
    forbid(net.Socket.prototype, 'connect', 'net.Socket.connect', calls),
    forbid(net, 'connect', 'net.connect', calls),
    forbid(net, 'createConnection', 'net.createConnection', calls),
    forbid(tls, 'connect', 'tls.connect', calls),
    forbid(http, 'request', 'http.request', calls),
    forbid(http, 'get', 'http.get', calls),
    forbid(https, 'request', 'https.request', calls),
    forbid(https, 'get', 'https.get', calls),
    forbid(dns, 'lookup', 'dns.lookup', calls),
    forbid(dns, 'resolve', 'dns.resolve', calls),
    forbid(dgram, 'createSocket', 'dgram.createSocket', calls),
    forbid(globalThis, 'fetch', 'fetch', calls),
    forbid(globalThis, 'eval', 'eval', calls),
  ];
  for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
    restores.push(forbid(childProcess, name, `child_process.${name}`, calls));
  }
  // Loading a workspace module: record any require of a file under the workspace.
  const Module = require('node:module') as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const load = Module._load;
  Module._load = function (request: string, parent: unknown, isMain: boolean) {
    const from = (parent as { filename?: string } | undefined)?.filename ?? '';
    const resolved = path.isAbsolute(request) ? request : path.resolve(path.dirname(from), request);
    if (resolved.startsWith(workspace) || request.startsWith(workspace)) calls.push(`require(${request})`);
    return load.call(this, request, parent, isMain);
  };
  restores.push(() => {
    Module._load = load;
  });
  return () => restores.reverse().forEach((r) => r());
}

test('the engine never requires, imports or evaluates workspace files, opens no connection and starts no process', () => {
  const markers = tempDir('rg-markers-');
  const { dir, files } = hostileWorkspace(markers);
  const calls: string[] = [];
  const restore = instrument(calls, dir);
  let run;
  try {
    run = runInProcess(['check', '.', '--format', 'json'], dir);
  } finally {
    restore();
  }
  assert.deepEqual(calls, [], 'forbidden calls during the check');
  for (const marker of files) assert.ok(!fs.existsSync(marker), `${path.basename(marker)} was executed`);
  assert.deepEqual(fs.readdirSync(markers), []);
  const loaded = Object.keys(require.cache).filter((f) => f.startsWith(dir));
  assert.deepEqual(loaded, [], 'workspace modules in the require cache');
  // The result is normal: the flows are found and the `$schema` is accepted as data.
  assert.equal(run.code, EXIT_FINDINGS, run.stderr);
  const report = JSON.parse(run.stdout) as { findings: Array<{ location: { file: string; line: number } }>; problems: Array<{ kind: string; message: string }> };
  assert.ok(report.findings.some((f) => f.location.file === 'src/main.ts' && f.location.line === 3), JSON.stringify(report.findings.map((f) => f.location)));
  assert.ok(report.findings.some((f) => f.location.file === 'src/uses.ts' && f.location.line === 5), JSON.stringify(report.findings.map((f) => f.location)));
  assert.deepEqual(report.problems.filter((p) => p.kind === 'config'), []);
});

/** Modules src/core may not import: network, processes, file system, code loading. */
const FORBIDDEN_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process', 'cluster', 'worker_threads', 'fs', 'fs/promises', 'vm', 'module', 'inspector', 'undici'];

function coreFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...coreFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Every module specifier a file imports, requires or imports dynamically, with its line. */
function importsOf(file: string): Array<{ spec: string; line: number; how: string }> {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: Array<{ spec: string; line: number; how: string }> = [];
  const add = (node: ts.Node, spec: ts.Expression | undefined, how: string): void => {
    const text = spec && ts.isStringLiteralLike(spec) ? spec.text : '<computed>';
    out.push({ spec: text, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, how });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier) add(node, node.moduleSpecifier, 'import');
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, 'import = require');
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, node.arguments[0], 'import()');
      else if (ts.isIdentifier(node.expression) && node.expression.text === 'require') add(node, node.arguments[0], 'require()');
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

test('no module of src/core imports network, process, file-system or code-loading modules, or anything outside src/core but its four libraries', () => {
  const core = path.join(REPO, 'src/core');
  const files = coreFiles(core);
  assert.ok(files.length > 20, `only ${files.length} files under src/core`);
  // yaml: the parser of infrastructure YAML (serverless.yml, compose) that keeps positions (src/core/iac/yamlDoc.ts).
  const allowedPackages = new Set(['typescript', 'ajv', 'jsonc-parser', 'yaml']);
  const bad: string[] = [];
  for (const file of files) {
    for (const { spec, line, how } of importsOf(file)) {
      const where = `${path.relative(REPO, file)}:${line} ${how} '${spec}'`;
      const bare = spec.replace(/^node:/, '');
      if (spec === '<computed>') bad.push(`${where}: a computed module name`);
      else if (FORBIDDEN_MODULES.includes(bare) || FORBIDDEN_MODULES.some((m) => bare.startsWith(`${m}/`))) bad.push(`${where}: forbidden module`);
      else if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        const inside = target.startsWith(core + path.sep) || target === core;
        const shipped = target.startsWith(path.join(REPO, 'schemas') + path.sep) || target === path.join(REPO, 'package.json');
        if (!inside && !shipped) bad.push(`${where}: outside src/core`);
      } else if (!allowedPackages.has(spec.split('/')[0])) bad.push(`${where}: an unexpected package`);
    }
  }
  assert.deepEqual(bad, []);
});

test('the ESLint boundary rule reports I/O, network, process and code-loading in src/core (and only there)', async () => {
  const { ESLint } = require('eslint') as typeof import('eslint');
  const eslint = new ESLint({ cwd: REPO });
  const probe = [
    "import * as fs from 'node:fs';",
    "import * as http from 'http';",
    "import { request } from 'node:https';",
    "import * as net from 'net';",
    "import * as cp from 'node:child_process';",
    "import dns = require('dns');",
    'export const used = [fs, http, request, net, cp, dns];',
    "export const fetched = fetch('https://example.invalid');",
    "export const required = require('tls');",
    "export const evaluated = eval('1');",
    "export const made = new Function('return 1');",
    "export const imported = import('./x');",
    '',
  ].join('\n');
  const [core] = await eslint.lintText(probe, { filePath: path.join(REPO, 'src/core/analysis/__boundaryProbe.ts') });
  const reported = core.messages.map((m) => `${m.line} ${m.ruleId}`);
  assert.deepEqual(reported, [
    '1 no-restricted-imports',
    '2 no-restricted-imports',
    '3 no-restricted-imports',
    '4 no-restricted-imports',
    '5 no-restricted-imports',
    '6 no-restricted-imports',
    '8 no-restricted-globals',
    '9 no-restricted-globals',
    '10 no-restricted-syntax',
    '11 no-restricted-syntax',
    '12 no-restricted-syntax',
  ], JSON.stringify(core.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`), null, 1));
  // The CLI is the place for file I/O: the same import there is fine.
  const [cli] = await eslint.lintText("import * as fs from 'node:fs';\nexport const used = fs;\n", { filePath: path.join(REPO, 'src/cli/__boundaryProbe.ts') });
  assert.deepEqual(cli.messages.map((m) => m.ruleId), []);
  assert.ok(!fs.existsSync(path.join(REPO, 'src/core/analysis/__boundaryProbe.ts')), 'lintText writes no file');
});

test('the CLI writes only to --output: nothing else in the workspace or beside it changes', () => {
  const parent = tempDir('rg-writes-');
  const dir = path.join(parent, 'ws');
  fs.mkdirSync(dir);
  writeFiles(dir, { ...FLOW_FILES, 'src/broken.ts': 'export function (( {\n', 'tsconfig.json': '{ "compilerOptions": { "allowJs": true } }' });
  fs.mkdirSync(path.join(parent, 'reports'));
  const before = snapshotTree(parent);

  const plain = runInProcess(['check', '.', '--format', 'json'], dir);
  assert.equal(plain.code, EXIT_FINDINGS, plain.stderr);
  assert.deepEqual(treeChanges(before, snapshotTree(parent)), [], 'a check without --output writes nothing');

  for (const format of ['json', 'text']) {
    const out = runInProcess(['check', '.', '--format', format, '--output', `../reports/report.${format}`], dir);
    assert.equal(out.code, EXIT_FINDINGS, out.stderr);
    assert.equal(out.stdout, '', 'the report goes to the file, not to standard output');
  }
  const inside = runInProcess(['check', '.', '--output', 'residency-report.txt'], dir);
  assert.equal(inside.code, EXIT_FINDINGS, inside.stderr);
  const changes = treeChanges(before, snapshotTree(parent)).map((c) => c.replace(/ \(.*\)$/, ''));
  assert.deepEqual(changes.sort(), ['added: reports/report.json', 'added: reports/report.text', 'added: ws/residency-report.txt']);
});
