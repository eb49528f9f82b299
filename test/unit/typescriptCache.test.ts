// The CLI's code cache for the TypeScript compiler (src/cli/typescriptCache.ts): used when it matches, and
// the compiler still loads (compiled as usual) when it does not. Each case runs in a fresh Node process.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const DIST = path.join(ROOT, 'dist');

function load(cacheDir: string): { used: boolean; version: string } {
  const code = `const used = require(${JSON.stringify(path.join(DIST, 'typescriptCache.js'))}).preloadTypeScript(${JSON.stringify(cacheDir)});
const ts = require('typescript');
const sf = ts.createSourceFile('/a.ts', 'const a = 1;', ts.ScriptTarget.ES2022);
process.stdout.write(JSON.stringify({ used, version: ts.version, statements: sf.statements.length }));`;
  const r = spawnSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { used: boolean; version: string; statements: number };
  assert.equal(out.statements, 1);
  return out;
}

test('the build leaves a code cache that the CLI uses to load TypeScript', () => {
  assert.ok(fs.existsSync(path.join(DIST, 'typescript.v8cache')), 'npm run build makes dist/typescript.v8cache');
  const r = load(DIST);
  assert.equal(r.used, true);
});

test('a cache made for another TypeScript or Node, or none at all, is not used and TypeScript still loads', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-tscache-'));
  try {
    assert.equal(load(dir).used, false);
    fs.copyFileSync(path.join(DIST, 'typescript.v8cache'), path.join(dir, 'typescript.v8cache'));
    const stamp = JSON.parse(fs.readFileSync(path.join(DIST, 'typescript.v8cache.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(dir, 'typescript.v8cache.json'), JSON.stringify({ ...stamp, node: 'v0.0.0' }));
    assert.equal(load(dir).used, false);
    fs.writeFileSync(path.join(dir, 'typescript.v8cache.json'), JSON.stringify(stamp));
    fs.writeFileSync(path.join(dir, 'typescript.v8cache'), Buffer.from('not a code cache'));
    const r = load(dir);
    assert.equal(r.used, false);
    assert.match(r.version, /^\d+\.\d+/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('typescript.js is stamped as ASCII only when it is, and then read as the same text', () => {
  const stamp = JSON.parse(fs.readFileSync(path.join(DIST, 'typescript.v8cache.json'), 'utf8')) as { ascii?: boolean; sourceLength: number };
  const bytes = fs.readFileSync(require.resolve('typescript'));
  assert.equal(stamp.ascii, !bytes.some((b) => b > 127));
  if (stamp.ascii) assert.equal(bytes.toString('latin1'), bytes.toString('utf8'));
  // The length check also stops a latin1 read of a file that is no longer ASCII: it reads more characters.
  assert.equal(stamp.sourceLength, bytes.toString('utf8').length);
});
