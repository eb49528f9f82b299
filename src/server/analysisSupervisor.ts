/**
 * The language server's side of its analysis worker (analysisWorker.ts): starts the worker with the heap
 * of the analysis budget, forwards the open documents and disk changes, and runs checks in it. A file whose
 * analysis outlasts the time budget gets the worker terminated; a heap that reaches the budget ends the
 * worker only (V8's out-of-memory in a worker), never the server. Either way the file is recorded as over
 * the budget for its folder, a new worker is started (its documents sent again) and the check runs again
 * without the file, which is reported as skipped with a located notice — until the file changes.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEFAULT_BUDGET, MAX_OVER_BUDGET_FILES } from '../cli/budget';
import type { AnalysisBudget } from '../core/engine';
import type { AnalyseRequest, FromWorker, PlainResult, ResultDetails, ToWorker } from './analysisProtocol';
import { FindingsStore } from './findingsStore';

/** What a check needs besides its root (the folder session's settings). */
export type AnalyseOptions = Omit<AnalyseRequest, 'kind' | 'id' | 'overBudget'>;

/** A check in flight: the file its analysis is on, and how to end the caller's wait. */
interface Pending {
  readonly request: AnalyseRequest;
  readonly resolve: (r: { result: PlainResult; describe: string } | undefined) => void;
  readonly reject: (e: Error) => void;
  current: string | undefined;
  timer: NodeJS.Timeout | undefined;
  cancelled: boolean;
}

export class AnalysisSupervisor {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  /** Requests for a result's flows and declarations, by id. */
  private readonly pendingDetails = new Map<number, (d: ResultDetails) => void>();
  /** Every file's findings as the worker last sent them (it sends only changes). */
  private readonly findings = new FindingsStore();
  private readonly documents = new Map<string, string>();
  private readonly overBudget = new Map<string, string[]>();
  private watching = false;
  private stopped = false;
  private nextId = 1;
  /** Why the last worker stopped, for the trace. */
  lastStop: string | undefined;

  constructor(private readonly script = path.join(__dirname, 'analysisWorker.js'), private budget: AnalysisBudget = DEFAULT_BUDGET) {}

  /** Sets the budget (from the client's initialization options); it applies from the next worker on. */
  setBudget(budget: AnalysisBudget): void {
    this.budget = budget;
  }

  /** The editor's text of an open document (undefined: closed). A changed file is no longer over the budget. */
  setDocument(file: string, text: string | undefined): void {
    if (text === undefined) this.documents.delete(file);
    else this.documents.set(file, text);
    this.fileChanged(file);
    this.post({ kind: 'document', path: file, text });
  }

  /** The file changed on disk. */
  forget(file: string): void {
    this.fileChanged(file);
    this.post({ kind: 'forget', path: file });
  }

  clearDisk(): void {
    this.post({ kind: 'clearDisk' });
  }

  setWatching(enabled: boolean): void {
    this.watching = enabled;
    this.post({ kind: 'watching', enabled });
  }

  filesChanged(root: string): void {
    this.post({ kind: 'filesChanged', root });
  }

  dispose(root: string): void {
    this.overBudget.delete(root);
    this.post({ kind: 'dispose', root });
  }

  cancel(id: number): void {
    const p = this.pending.get(id);
    if (!p) return;
    p.cancelled = true;
    this.post({ kind: 'cancel', id });
  }

  /** Runs a check in the worker; undefined when it was cancelled. `onStart` gets the run's id (for `cancel`). */
  analyse(opts: AnalyseOptions, onStart: (id: number) => void): Promise<{ result: PlainResult; describe: string } | undefined> {
    const id = this.nextId++;
    onStart(id);
    return new Promise((resolve, reject) => {
      const request = this.requestFor({ kind: 'analyse', id, ...opts, overBudget: undefined });
      this.pending.set(id, { request, resolve, reject, current: undefined, timer: undefined, cancelled: false });
      this.post(request);
    });
  }

  /** The flows and declarations of a folder's newest result (none when the worker was replaced since). */
  details(root: string): Promise<ResultDetails> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pendingDetails.set(id, resolve);
      this.post({ kind: 'details', id, root });
    });
  }

  /** Ends the worker (the server exits). */
  async stop(): Promise<void> {
    this.stopped = true;
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }

  private requestFor(r: AnalyseRequest): AnalyseRequest {
    const files = this.overBudget.get(r.root) ?? [];
    return { ...r, overBudget: files.length > 0 ? { files: [...files], budget: this.budget } : undefined };
  }

  private fileChanged(file: string): void {
    for (const [root, files] of this.overBudget) this.overBudget.set(root, files.filter((f) => f !== file));
  }

  private post(m: ToWorker): void {
    if (!this.stopped) (this.worker ?? this.start()).postMessage(m);
  }

  private start(): Worker {
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb } });
    this.worker = worker;
    this.findings.clear();
    worker.on('message', (m: FromWorker) => this.onMessage(m));
    worker.on('error', (e) => {
      this.lastStop = e.message;
    });
    worker.on('exit', () => this.onExit(worker));
    worker.postMessage({ kind: 'watching', enabled: this.watching } satisfies ToWorker);
    for (const [p, text] of this.documents) worker.postMessage({ kind: 'document', path: p, text } satisfies ToWorker);
    return worker;
  }

  private onMessage(m: FromWorker): void {
    if (m.kind === 'details') {
      this.pendingDetails.get(m.id)?.(m.details);
      this.pendingDetails.delete(m.id);
      return;
    }
    // Applied even when nobody waits for the result any more: the worker counts it as sent.
    const result: PlainResult | undefined = m.kind === 'result'
      ? { ...m.result, findings: this.findings.apply(m.result.root, m.result.findings), config: this.findings.config(m.result.root, m.result.config) }
      : undefined;
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.kind === 'file') return this.watch(p, m.file);
    if (p.timer) clearTimeout(p.timer);
    this.pending.delete(m.id);
    if (m.kind === 'result') p.resolve({ result: result!, describe: m.describe });
    else if (m.kind === 'cancelled') p.resolve(undefined);
    else p.reject(new Error(m.error));
  }

  /** Arms the time budget for the file whose analysis starts (none for steps of no one file). */
  private watch(p: Pending, file: string | undefined): void {
    p.current = file;
    if (p.timer) clearTimeout(p.timer);
    p.timer = file === undefined ? undefined : setTimeout(() => {
      this.lastStop = `${file}: more than ${this.budget.seconds} s`;
      void this.worker?.terminate();
    }, this.budget.seconds * 1000);
  }

  /** The worker stopped (over the budget, or crashed): the file in flight is over the budget, the checks run again in a new worker. */
  private onExit(worker: Worker): void {
    if (this.worker === worker) this.worker = undefined;
    for (const answer of this.pendingDetails.values()) answer({ flows: [], declarations: [] });
    this.pendingDetails.clear();
    const runs = [...this.pending.values()];
    this.pending.clear();
    for (const p of runs) {
      if (p.timer) clearTimeout(p.timer);
      if (p.cancelled || this.stopped) {
        p.resolve(undefined);
        continue;
      }
      const files = this.overBudget.get(p.request.root) ?? [];
      if (p.current === undefined || files.includes(p.current) || files.length >= MAX_OVER_BUDGET_FILES) {
        p.reject(new Error(`the analysis stopped outside the analysis of any one file (${this.lastStop ?? 'no reason given'})`));
        continue;
      }
      this.overBudget.set(p.request.root, [...files, p.current]);
      const request = this.requestFor(p.request);
      this.pending.set(request.id, { ...p, request, current: undefined, timer: undefined });
      this.post(request);
    }
  }
}
