#!/usr/bin/env node
// The residency-guard command (built by `npm run build`). This thread only supervises: the check runs in a
// worker thread (started from this same file) under the analysis budget, and only the worker loads the
// compiler — from its code cache when there is one (start-up) — and the CLI.
const path = require('node:path');
const { isMainThread } = require('node:worker_threads');
const dist = path.join(__dirname, '..', 'dist');
if (isMainThread) {
  require('../dist/supervisor.js').supervise(__filename);
} else {
  require('../dist/typescriptCache.js').preloadTypeScript(dist);
  require('../dist/cli.js').main();
}
