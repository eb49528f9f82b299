// Bundles the CLI, the language server (and its analysis worker) and the extension with esbuild: minified,
// with source maps shipped beside them (.vscodeignore keeps dist/*.map). `typescript` stays external: it is
// a runtime dependency and finds its lib files next to itself. The repository URL the reports cite is a
// build-time value (scripts/repository.mjs) put in place of package.json's when it is known.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { repositoryUrl } from './repository.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repository = repositoryUrl(root);

/** package.json as the bundles see it: with the build's repository URL when there is one. */
const manifestPlugin = {
  name: 'manifest',
  setup(b) {
    b.onLoad({ filter: /[\\/]package\.json$/ }, (args) => {
      if (args.path !== resolve(root, 'package.json')) return undefined;
      const pkg = JSON.parse(readFileSync(args.path, 'utf8'));
      const { version, name } = pkg;
      const url = repository ?? pkg.repository.url;
      return { contents: JSON.stringify({ name, version, repository: { type: 'git', url } }), loader: 'json' };
    });
  },
};

const common = {
  bundle: true, mainFields: ['module', 'main'], platform: 'node', target: 'node20', format: 'cjs', minify: true, keepNames: true, sourcemap: true,
  external: ['typescript', 'vscode'], logLevel: 'warning', plugins: [manifestPlugin],
};

await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' });
await build({ ...common, entryPoints: ['src/cli/supervisor.ts'], outfile: 'dist/supervisor.js' });
await build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' });
await build({ ...common, entryPoints: ['src/server/server.ts'], outfile: 'dist/server.js' });
await build({ ...common, entryPoints: ['src/server/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' });
await build({ ...common, entryPoints: ['src/cli/typescriptCache.ts'], outfile: 'dist/typescriptCache.js' });
// The compiler's code cache for the CLI (optional: the CLI runs without it).
const cache = spawnSync(process.execPath, ['scripts/typescript-cache.mjs'], { stdio: 'inherit' });
if (cache.status !== 0) process.stderr.write('note: dist/typescript.v8cache was not made; the CLI compiles TypeScript at start-up\n');
