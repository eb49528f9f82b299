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
  /** typescript.js was all ASCII: it is read as latin1, which gives the same string without UTF-8 decoding. */
  readonly ascii?: boolean;
}

export const CACHE_FILE = 'typescript.v8cache';

/**
 * Compiles typescript.js (from `cachedData` when given) and runs it as a CommonJS module; undefined when V8
 * rejects the cache. The build's cache script uses it too, to make the cache from the same compilation.
 */
export function loadTypeScriptModule(file: string, source: string, cachedData?: Buffer): { module: Module; script: vm.Script } | undefined {
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (cachedData && script.cachedDataRejected) return undefined;
  const m = new Module(file, module);
  m.filename = file;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  (script.runInThisContext() as (...a: unknown[]) => void).call(m.exports, m.exports, (id: string) => m.require(id), m, file, path.dirname(file));
  m.loaded = true;
  return { module: m, script };
}

/** Puts the compiler into the module cache, compiled from the code cache; returns whether the cache was used. */
export function preloadTypeScript(cacheDir: string): boolean {
  try {
    const file = require.resolve('typescript');
    if (require.cache[file]) return false;
    const stamp = JSON.parse(fs.readFileSync(path.join(cacheDir, `${CACHE_FILE}.json`), 'utf8')) as CacheStamp;
    const source = fs.readFileSync(file, stamp.ascii ? 'latin1' : 'utf8');
    const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(file), '..', 'package.json'), 'utf8')) as { version: string };
    if (stamp.node !== process.version || stamp.typescript !== pkg.version || stamp.sourceLength !== source.length) return false;
    const loaded = loadTypeScriptModule(file, source, fs.readFileSync(path.join(cacheDir, CACHE_FILE)));
    if (!loaded) return false;
    require.cache[file] = loaded.module;
    return true;
  } catch {
    return false;
  }
}
