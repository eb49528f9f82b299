/**
 * The language server's analysis worker (a worker thread with a capped heap, started by
 * analysisSupervisor.ts): keeps one AnalysisSession per workspace folder and the editor's open documents
 * (sent by the server), runs each check asked for, and reports each file as its analysis starts, so that
 * the server can stop a file that goes over the analysis budget. A run is cancelled between files.
 */
import { parentPort } from 'node:worker_threads';
import { AnalysisSession, CancelledError, checkWorkspaceAsync } from '../core/engine';
import type { CheckResult } from '../core/report/model';
import type { AnalyseRequest, FromWorker, ToWorker, WireResult } from './analysisProtocol';
import { FindingsSender } from './findingsStore';
import { createOverlayHost, DiskTextCache } from './overlayHost';

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The result without its lazily made parts (a spread would make them: they are getters), and only the findings that changed. */
function wire(r: CheckResult, findings: WireResult['findings'], config: CheckResult['config'] | undefined): WireResult {
  const out: WireResult = { root: r.root, findings, suppressed: r.suppressed, problems: r.problems, files: r.files, ...(config ? { config } : {}) };
  return r.baselined === undefined ? out : { ...out, baselined: r.baselined };
}

/** What the worker holds: sessions by root, open documents, the disk texts, the runs in flight. */
class WorkerState {
  readonly sessions = new Map<string, AnalysisSession>();
  /** The newest result of each root, whose flows and declarations the server may ask for. */
  readonly results = new Map<string, CheckResult>();
  readonly sender = new FindingsSender();
  readonly documents = new Map<string, string>();
  readonly disk = new DiskTextCache();
  readonly host = createOverlayHost({ textOf: (p) => this.documents.get(p) }, this.disk);
  readonly cancelled = new Set<number>();

  sessionOf(root: string): AnalysisSession {
    let s = this.sessions.get(root);
    if (!s) {
      s = new AnalysisSession();
      this.sessions.set(root, s);
    }
    return s;
  }
}

async function analyse(state: WorkerState, m: AnalyseRequest, post: (msg: FromWorker) => void): Promise<void> {
  const session = state.sessionOf(m.root);
  const isCancelled = () => state.cancelled.has(m.id);
  try {
    const { result } = await checkWorkspaceAsync(state.host, {
      root: m.root, configFile: m.configFile, lang: m.lang, session, isCancelled, maxFileBytes: m.maxFileBytes,
      overBudget: m.overBudget, onFile: (file) => post({ kind: 'file', id: m.id, file }),
    }, nextTick);
    if (isCancelled()) return post({ kind: 'cancelled', id: m.id });
    state.results.set(m.root, result);
    post({ kind: 'result', id: m.id, result: wire(result, state.sender.delta(m.root, result.findings), state.sender.configDelta(m.root, result.config)), describe: `${m.root}: ${session.describe()}` });
  } catch (e) {
    post(e instanceof CancelledError ? { kind: 'cancelled', id: m.id } : { kind: 'failed', id: m.id, error: (e as Error).stack ?? String(e) });
  } finally {
    state.cancelled.delete(m.id);
  }
}

function handle(state: WorkerState, m: ToWorker, post: (msg: FromWorker) => void): void {
  switch (m.kind) {
    case 'analyse': return void analyse(state, m, post);
    case 'cancel': return void state.cancelled.add(m.id);
    case 'document':
      if (m.text === undefined) state.documents.delete(m.path);
      else state.documents.set(m.path, m.text);
      return;
    case 'forget': return state.disk.forget(m.path);
    case 'clearDisk': return state.disk.clear();
    case 'watching': return void (state.disk.enabled = m.enabled);
    case 'filesChanged': return state.sessions.get(m.root)?.fileList.invalidate();
    case 'dispose':
      state.results.delete(m.root);
      state.sender.forget(m.root);
      return void state.sessions.delete(m.root);
    case 'details': {
      const r = state.results.get(m.root);
      return post({ kind: 'details', id: m.id, details: { flows: r?.flows ?? [], declarations: r?.declarations ?? [] } });
    }
  }
}

if (parentPort) {
  const port = parentPort;
  const state = new WorkerState();
  port.on('message', (m: ToWorker) => handle(state, m, (msg) => port.postMessage(msg)));
}
