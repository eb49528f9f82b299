/**
 * Loads the TypeScript compiler with a V8 code cache made at build time (`scripts/typescript-cache.mjs`),
 * so that a CLI run does not compile its 9 MB of JavaScript again (Node 20 has no compile cache of its own).
 * The cache is used only when it was made from the same typescript.js by the same Node version; V8 also
 * checks it and rejects a mismatch, in which case the compiler is compiled as usual. Nothing is written here.
 */
import * as fs from 'node:fs';
import Module = require('node:module');
import * as path from 'node:path';
import * as vm from 'node:vm';

export interface CacheStamp {
  readonly typescript: string;
  readonly node: string;
  readonly sourceLength: number;
}

export const CACHE_FILE = 'typescript.v8cache';

/** Puts the compiler into the module cache, compiled from the code cache; returns whether the cache was used. */
export function preloadTypeScript(cacheDir: string): boolean {
  try {
    const file = require.resolve('typescript');
    if (require.cache[file]) return false;
    const stamp = JSON.parse(fs.readFileSync(path.join(cacheDir, `${CACHE_FILE}.json`), 'utf8')) as CacheStamp;
    const source = fs.readFileSync(file, 'utf8');
    const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(file), '..', 'package.json'), 'utf8')) as { version: string };
    if (stamp.node !== process.version || stamp.typescript !== pkg.version || stamp.sourceLength !== source.length) return false;
    const script = new vm.Script(Module.wrap(source), { filename: file, cachedData: fs.readFileSync(path.join(cacheDir, CACHE_FILE)) });
    if (script.cachedDataRejected) return false;
    const m = new Module(file, module);
    m.filename = file;
    m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
    (script.runInThisContext() as (...a: unknown[]) => void).call(m.exports, m.exports, (id: string) => m.require(id), m, file, path.dirname(file));
    m.loaded = true;
    require.cache[file] = m;
    return true;
  } catch {
    return false;
  }
}
