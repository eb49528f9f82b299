#!/usr/bin/env bash
# Integration tests inside a real VS Code (1.100.3 server + headless Chromium, offline), through the
# shared host in ../shared/tools/vscode-host: installs the host (idempotent), compiles the tests, builds
# the bundles and runs test/integration against test/workspaces/integration.
# Elsewhere, `npm run test:integration:electron` runs the same tests with @vscode/test-electron.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=../shared/tools/vscode-host
host=$(bash "$tools/install.sh" | tail -n 1)
npx tsc -p tsconfig.integration.json
node scripts/build.mjs
node "$tools/run-tests.js" --host "$host" --ext . --tests out/integration/index.js \
  --workspace test/workspaces/integration --timeout 300 "$@"
