#!/usr/bin/env node
// The residency-guard command: runs the bundled CLI (built by `npm run build`).
require('../dist/cli.js').main();
