// The floor of a whole-workspace check: a process that builds the analysis's TypeScript program and its type
// checker (which binds every file), as `residency-guard check` does before any analysis, and exits. No check
// can take less; `bench/run.mjs` reports it beside `tsc --noEmit` to show how much of a ratio target is left
// to the analysis itself.
//   node bench/floor.cjs DIR   (needs the compiled engine in out/ and the build's code cache in dist/: npm run bench)
const path = require('node:path');
const ROOT = path.resolve(__dirname, '..');
// TypeScript loaded from the build's code cache, as the CLI's worker loads it.
require(path.join(ROOT, 'out/src/cli/typescriptCache.js')).preloadTypeScript(path.join(ROOT, 'dist'));
const { createNodeHost, toPosix } = require(path.join(ROOT, 'out/src/cli/nodeHost.js'));
const { createAnalysisProgram } = require(path.join(ROOT, 'out/src/core/analysis/program.js'));
const { loadConfig } = require(path.join(ROOT, 'out/src/core/config/loadConfig.js'));
const { createRegionCatalog } = require(path.join(ROOT, 'out/src/core/vocabulary/regionCatalog.js'));

const root = toPosix(path.resolve(process.argv[2]));
const host = createNodeHost();
const configFile = `${root}/residency.config.json`;
const text = host.readFile(configFile);
const config = text === undefined ? undefined : loadConfig(text, configFile, createRegionCatalog()).config;
const ap = createAnalysisProgram(host, { root, include: config?.include, exclude: config?.exclude });
ap.program.getTypeChecker();
process.stdout.write(`${ap.program.getSourceFiles().length} files\n`);
