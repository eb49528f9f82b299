#!/usr/bin/env node
// Takes the README's screenshots in the real VS Code host (../shared/tools/vscode-host: VS Code server +
// headless Chromium through playwright-core), on the sample workspace: the scenario
// (test/integration/screenshots/scenario.ts) sets up each view and prints `RG-SCREENSHOT <name>`; this
// driver saves media/screenshots/<name>.png and answers with a `<name>.done` file.
// Usage: npm run screenshots   (installs the host, compiles, builds, then runs this)
'use strict';
/* global setTimeout */
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');

const repo = path.resolve(__dirname, '..');
const hostDir = process.argv[2] || process.env.VSCODE_HOST_DIR || path.join(os.homedir(), '.cache', 'vscode-host', 'code-server-4.100.3-node20');
const serverMain = path.join(hostDir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
const { chromium } = require(path.join(hostDir, 'node_modules', 'playwright-core'));
const outDir = path.join(repo, 'media', 'screenshots');

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.once('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
const up = (url) => new Promise((resolve) => {
  http.get(url, (r) => { r.resume(); resolve(r.statusCode < 400); }).on('error', () => resolve(false));
});

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-screenshots-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const server = spawn(process.execPath, [serverMain, '--host', '127.0.0.1', '--port', String(port), '--without-connection-token',
    '--accept-server-license-terms', '--enable-smoke-test-driver', '--user-data-dir', path.join(tmp, 'user-data'),
    '--server-data-dir', path.join(tmp, 'server-data'), '--extensions-dir', path.join(tmp, 'extensions'),
    '--disable-telemetry', '--telemetry-level', 'off', '--disable-workspace-trust'], {
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', RG_SCREENSHOT_DIR: tmp }, stdio: 'ignore',
  });
  let browser;
  try {
    for (let end = Date.now() + 60000; !(await up(`http://${host}/`)); ) {
      if (Date.now() > end) throw new Error('the VS Code server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    browser = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 760 },
      args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
    });
    const page = browser.pages()[0] || await browser.newPage();
    fs.mkdirSync(outDir, { recursive: true });
    const finished = new Promise((resolve) => {
      page.exposeFunction('codeAutomationLog', async (_type, args) => {
        const line = String([].concat(args)[0]);
        const m = /^RG-SCREENSHOT (\S+)/.exec(line);
        if (!m) return;
        await page.screenshot({ path: path.join(outDir, `${m[1]}.png`) });
        console.log(`saved media/screenshots/${m[1]}.png`);
        fs.writeFileSync(path.join(tmp, `${m[1]}.done`), '');
      });
      page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    const remote = (p) => `vscode-remote://${host}${path.resolve(p).split(path.sep).map(encodeURIComponent).join('/')}`;
    const payload = [['extensionDevelopmentPath', remote(repo)], ['extensionTestsPath', remote(path.join(repo, 'out/integration/screenshots/scenario.js'))], ['skipWelcome', 'true']];
    await page.goto(`http://${host}/?folder=${encodeURIComponent(path.join(repo, 'sample'))}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await Promise.race([finished, new Promise((_, reject) => setTimeout(() => reject(new Error('no result within 180 s')), 180000))]);
    process.exitCode = code;
  } finally {
    if (browser) await browser.close().catch(() => {});
    server.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
