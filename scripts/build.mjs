// Bundles the CLI (and, as they appear, the language server and the extension) with esbuild.
// `typescript` stays external: it is a runtime dependency and finds its lib files next to itself.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const common = { bundle: true, mainFields: ['module', 'main'], platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, external: ['typescript', 'vscode'], logLevel: 'warning' };

await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' });
await build({ ...common, entryPoints: ['src/cli/supervisor.ts'], outfile: 'dist/supervisor.js' });
await build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' });
await build({ ...common, entryPoints: ['src/server/server.ts'], outfile: 'dist/server.js' });
await build({ ...common, entryPoints: ['src/server/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' });
await build({ ...common, entryPoints: ['src/cli/typescriptCache.ts'], outfile: 'dist/typescriptCache.js' });
// The compiler's code cache for the CLI (optional: the CLI runs without it).
const cache = spawnSync(process.execPath, ['scripts/typescript-cache.mjs'], { stdio: 'inherit' });
if (cache.status !== 0) process.stderr.write('note: dist/typescript.v8cache was not made; the CLI compiles TypeScript at start-up\n');
