// Makes dist/typescript.v8cache: V8's code cache of typescript.js after a small check has run (so that the
// parser, binder and checker functions a run needs are in it), with a stamp of what it was made from.
// src/cli/typescriptCache.ts uses it; a missing or mismatched cache only means TypeScript compiles as usual.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

// Built just before this script runs (scripts/build.mjs).
const require = createRequire(import.meta.url);
const { CACHE_FILE, loadTypeScriptModule } = require('../dist/typescriptCache.js');
const file = require.resolve('typescript');
const bytes = fs.readFileSync(file);
const source = bytes.toString('utf8');
// An all-ASCII file can be read without UTF-8 decoding at start-up (latin1 gives the same string, faster).
const ascii = !bytes.some((b) => b > 127);
const { module: m, script } = loadTypeScriptModule(file, source);
const ts = m.exports;

// Warm-up: what a check does, on a small program.
const text = 'export interface U { /** @residency jp-only */ phone: string }\nexport function f(u: U): string { const x = [u.phone].map((p) => p.trim()); return x.join(","); }\n';
const host = ts.createCompilerHost({ noEmit: true });
const getSourceFile = host.getSourceFile;
host.getSourceFile = (name, ...rest) => (name === '/warm.ts' ? ts.createSourceFile(name, text, ts.ScriptTarget.ES2022) : getSourceFile(name, ...rest));
host.fileExists = ((exists) => (name) => name === '/warm.ts' || exists(name))(host.fileExists);
const program = ts.createProgram({ rootNames: ['/warm.ts'], options: { noEmit: true, lib: ['lib.es5.d.ts'], types: [] }, host });
const checker = program.getTypeChecker();
const visit = (node) => {
  checker.getSymbolAtLocation(node);
  ts.forEachChild(node, visit);
};
visit(program.getSourceFile('/warm.ts'));
ts.getPreEmitDiagnostics(program);

const out = path.resolve('dist');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, CACHE_FILE), script.createCachedData());
const stamp = { typescript: ts.version, node: process.version, sourceLength: source.length, ascii };
fs.writeFileSync(path.join(out, `${CACHE_FILE}.json`), `${JSON.stringify(stamp)}\n`);
