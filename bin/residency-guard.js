#!/usr/bin/env node
// The residency-guard command: runs the bundled CLI (built by `npm run build`).
// The compiler from its code cache when there is one (start-up), then the CLI.
require('../dist/typescriptCache.js').preloadTypeScript(require('node:path').join(__dirname, '..', 'dist'));
require('../dist/cli.js').main();
