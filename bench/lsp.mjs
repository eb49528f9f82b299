// Edit → published diagnostics latency through the language server (dist/server.js --stdio), for
// bench/run.mjs. A small LSP client of its own (vscode-jsonrpc), so the bench needs no compiled tests.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

/** src/shared/protocol.ts ANALYSIS_DONE_NOTIFICATION (a .mjs cannot import the TypeScript constant). */
const ANALYSIS_DONE = 'residencyGuard/analysisDone';

/** Resident and peak resident memory of a process in MB, from /proc (Linux); undefined elsewhere. */
function memoryOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

class BenchClient {
  constructor(serverJs) {
    this.proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.proc.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-20000); });
    this.exited = false;
    this.proc.on('exit', (code, signal) => {
      this.exited = true;
      this.exitInfo = `code ${code} signal ${signal}`;
      this.wake();
    });
    /** Every publishDiagnostics, in arrival order: { uri, diagnostics, at }. */
    this.published = [];
    /** Every analysisDone: { ...params, at }. */
    this.done = [];
    /** window/logMessage and $/logTrace text. */
    this.logs = [];
    this.waiters = [];
    const c = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    c.onNotification('textDocument/publishDiagnostics', (p) => {
      this.published.push({ uri: p.uri, diagnostics: p.diagnostics, at: performance.now() });
      this.wake();
    });
    c.onNotification(ANALYSIS_DONE, (p) => {
      this.done.push({ ...p, at: performance.now() });
      this.wake();
    });
    c.onNotification('window/logMessage', (p) => this.logs.push(p.message));
    c.onNotification('$/logTrace', (p) => this.logs.push(p.verbose ? `${p.message}\n${p.verbose}` : p.message));
    c.onRequest('client/registerCapability', () => null);
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('workspace/configuration', (p) => (p.items ?? []).map(() => null));
    c.listen();
    this.connection = c;
  }

  wake() {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves with the value of `probe` once it is not undefined, checking after every server message. */
  until(probe, what, ms) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
      const check = () => {
        if (this.exited) {
          clearTimeout(timer);
          reject(new Error(`the server exited (${this.exitInfo}) while waiting for ${what}\n${this.stderr}`));
          return;
        }
        const v = probe();
        if (v !== undefined) {
          clearTimeout(timer);
          resolve(v);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  /** Waits until no analysisDone has arrived for `quietMs`. */
  async settle(quietMs = 300) {
    for (;;) {
      const n = this.done.length;
      await sleep(quietMs);
      if (this.done.length === n) return;
    }
  }

  notify(method, params) {
    void this.connection.sendNotification(method, params);
  }

  async close() {
    const exited = new Promise((resolve) => (this.exited ? resolve() : this.proc.once('exit', resolve)));
    await Promise.race([this.connection.sendRequest('shutdown').catch(() => undefined), sleep(5000)]);
    this.notify('exit');
    await Promise.race([exited, sleep(3000)]);
    this.connection.dispose();
    if (!this.exited) this.proc.kill();
  }
}

const sameDiagnostics = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function interpolated(sorted, q) {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Opens `targets` (each { file, edit: [offset, oldText, newText] }, applied alternately forward and
 * back), waits for their first diagnostics, then makes `edits` edits round-robin over the targets (each a
 * ranged didChange, as an editor sends it) and measures the time from sending the didChange to the next
 * publishDiagnostics for that uri. A publish that does not differ from the diagnostics before the edit
 * is reported as "unchanged"; the bench then waits (up to 5 s) for one that does and takes that time.
 */
export async function measureEdits({ serverJs, folder, targets, edits, gapMs = 100, firstTimeoutMs = 15 * 60_000, log = () => {} }) {
  const client = new BenchClient(serverJs);
  try {
    const t0 = performance.now();
    await client.connection.sendRequest('initialize', {
      // As VS Code's client does: it watches files for the server, which may then keep file texts between runs.
      processId: process.pid, rootUri: pathToFileURL(folder).toString(), capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'bench' }],
      initializationOptions: { settings: { debounceMs: 0 } },
    });
    client.notify('initialized', {});
    const docs = targets.map((t) => ({ ...t, uri: pathToFileURL(t.file).toString(), text: fs.readFileSync(t.file, 'utf8'), version: 1, forward: true }));
    for (const d of docs) client.notify('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: 'typescript', version: 1, text: d.text } });
    const last = new Map();
    await client.until(() => {
      for (const p of client.published) last.set(p.uri, p.diagnostics);
      return docs.every((d) => last.has(d.uri)) ? true : undefined;
    }, 'the first diagnostics of the open files', firstTimeoutMs).catch((e) => {
      const missing = docs.filter((d) => !last.has(d.uri)).map((d) => d.file);
      throw new Error(`${e.message} (${missing.length} of ${docs.length} open files without diagnostics, e.g. ${missing[0]}; ${client.done.length} analysisDone)\n${client.logs.slice(-5).join('\n')}\n${client.stderr.slice(-2000)}`);
    });
    const firstDiagnosticsMs = performance.now() - t0;
    await client.settle();
    for (const p of client.published) last.set(p.uri, p.diagnostics);
    const memAfterOpen = memoryOf(client.proc.pid);
    log(`  server: first diagnostics of ${docs.length} open files after ${Math.round(firstDiagnosticsMs)} ms`);

    const samples = [];
    for (let i = 0; i < edits; i++) {
      const d = docs[i % docs.length];
      const before = last.get(d.uri);
      const changes = [toggle(d)];
      d.version += 1;
      const seen = client.published.length;
      const doneSeen = client.done.length;
      const sent = performance.now();
      client.notify('textDocument/didChange', { textDocument: { uri: d.uri, version: d.version }, contentChanges: changes });
      const first = await client.until(() => client.published.slice(seen).find((p) => p.uri === d.uri), `diagnostics after edit ${i + 1} of ${d.file}`, 120_000);
      let hit = first;
      let unchanged = false;
      if (sameDiagnostics(first.diagnostics, before)) {
        unchanged = true;
        hit = await client.until(() => client.published.slice(seen).find((p) => p.uri === d.uri && !sameDiagnostics(p.diagnostics, before)), 'changed diagnostics', 5000).catch(() => first);
      }
      const run = await client.until(() => client.done.slice(doneSeen).find((x) => x.at >= hit.at), 'analysisDone', 120_000).catch(() => undefined);
      for (const p of client.published.slice(seen)) last.set(p.uri, p.diagnostics);
      const mem = memoryOf(client.proc.pid);
      samples.push({ file: d.file, ms: hit.at - sent, firstMs: first.at - sent, unchanged, reflected: !sameDiagnostics(hit.diagnostics, before), serverMs: run?.durationMs, runs: client.done.length - doneSeen, rssMb: mem?.rssMb });
      log(`  edit ${String(i + 1).padStart(2)}: ${(hit.at - sent).toFixed(0).padStart(6)} ms (${run ? `server ${run.durationMs} ms` : 'no analysisDone'})${unchanged ? ' [first publish unchanged]' : ''}${mem ? `  rss ${mem.rssMb.toFixed(0)} MB` : ''}  ${d.file.split('/').slice(-1)[0]}`);
      await sleep(gapMs);
    }

    // The server's own trace of what it holds (issue 6 item 3), if it reports one: verbose trace, one more
    // edit, unmeasured.
    client.notify('$/setTrace', { value: 'verbose' });
    const logsBefore = client.logs.length;
    {
      const d = docs[0];
      const seen = client.published.length;
      const change = toggle(d);
      d.version += 1;
      client.notify('textDocument/didChange', { textDocument: { uri: d.uri, version: d.version }, contentChanges: [change] });
      await client.until(() => client.published.slice(seen).find((p) => p.uri === d.uri), 'diagnostics after the traced edit', 120_000).catch(() => undefined);
      await client.settle();
    }
    const trace = client.logs.slice(logsBefore);
    const memEnd = memoryOf(client.proc.pid);

    const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
    const server = samples.map((s) => s.serverMs).filter((x) => typeof x === 'number').sort((a, b) => a - b);
    return {
      openFiles: docs.length, edits: samples.length, firstDiagnosticsMs, samples,
      p50: interpolated(ms, 0.5), p95: interpolated(ms, 0.95), max: ms[ms.length - 1],
      serverP50: interpolated(server, 0.5), serverP95: interpolated(server, 0.95),
      unchanged: samples.filter((s) => s.unchanged).length, notReflected: samples.filter((s) => !s.reflected).length,
      memAfterOpen, memEnd, trace, stderr: client.stderr,
    };
  } finally {
    await client.close();
  }
}

/** The next edit of a document as a ranged change (forward: oldText → newText; then back), applied to d.text. */
function toggle(d) {
  const [offset, a, b] = d.edit;
  const [from, to] = d.forward ? [a, b] : [b, a];
  if (d.text.slice(offset, offset + from.length) !== from) throw new Error(`edit site moved in ${d.file} at ${offset}`);
  const range = { start: positionAt(d.text, offset), end: positionAt(d.text, offset + from.length) };
  d.text = d.text.slice(0, offset) + to + d.text.slice(offset + from.length);
  d.forward = !d.forward;
  return { range, text: to };
}

function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
