/**
 * The analysis budget of a CLI run (SPEC §6.0 v2): the check runs in a worker thread whose heap is capped
 * (`resourceLimits`) and which reports each file as its analysis starts; a file whose analysis outlasts the
 * time budget, or during which the heap reaches the memory budget, gets the worker stopped (terminated, or
 * ended by V8's out-of-memory in the worker only — never this process) and the check runs again without
 * it, the file reported as "skipped: over its analysis budget". Each run is the whole check, so the report
 * is exactly that of a workspace without the skipped files.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { AnalysisBudget } from '../core/engine';
import type { CliIO } from './main';

/** Defaults (README): 20 s per file, a 2 GB analysis heap. */
export const DEFAULT_BUDGET: AnalysisBudget = { seconds: 20, memoryMb: 2048 };
/** A run that has to skip more files than this gives up (the budget is too small for the workspace). */
export const MAX_OVER_BUDGET_FILES = 10;

/** What the supervisor tells the worker. */
export interface WorkerRequest {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly overBudget: readonly string[];
  readonly budget: AnalysisBudget;
}

/** What the worker tells the supervisor: the file it starts on (undefined: a step of no one file), or its result. */
export type WorkerMessage =
  | { readonly kind: 'file'; readonly file: string | undefined }
  | { readonly kind: 'done'; readonly code: number; readonly stdout: string; readonly stderr: string };

/** How one worker run ended. */
type Outcome = { readonly kind: 'done'; readonly code: number; readonly stdout: string; readonly stderr: string }
  | { readonly kind: 'over'; readonly file: string | undefined; readonly why: 'time' | 'memory' | 'crash'; readonly detail: string };

/** Runs one check in a worker, watching its time per file and its heap. */
function runWorker(script: string, request: WorkerRequest): Promise<Outcome> {
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: request, resourceLimits: { maxOldGenerationSizeMb: request.budget.memoryMb }, stdout: false, stderr: false });
    let current: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    let outcome: Outcome | undefined;
    const finish = (o: Outcome): void => {
      outcome ??= o;
      if (timer) clearTimeout(timer);
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'done') return finish(m);
      current = m.file;
      if (timer) clearTimeout(timer);
      timer = current === undefined ? undefined : setTimeout(() => {
        finish({ kind: 'over', file: current, why: 'time', detail: `more than ${request.budget.seconds} s` });
        void worker.terminate();
      }, request.budget.seconds * 1000);
    });
    worker.on('error', (e: Error & { code?: string }) => {
      finish({ kind: 'over', file: current, why: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', detail: e.message });
    });
    worker.on('exit', () => resolve(outcome ?? { kind: 'over', file: current, why: 'crash', detail: 'the analysis stopped' }));
  });
}

/**
 * The CLI run under the budget: runs the check in a worker until it completes, each time without the files
 * that went over the budget. Returns the exit status; writes what the check printed.
 */
export async function runBudgeted(script: string, argv: readonly string[], io: CliIO, budget: AnalysisBudget): Promise<number> {
  const overBudget: string[] = [];
  for (;;) {
    const outcome = await runWorker(script, { argv, cwd: io.cwd, env: io.env, overBudget, budget });
    if (outcome.kind === 'done') {
      io.stdout(outcome.stdout);
      io.stderr(outcome.stderr);
      return outcome.code;
    }
    if (outcome.file === undefined || overBudget.includes(outcome.file) || overBudget.length >= MAX_OVER_BUDGET_FILES) {
      io.stderr(`residency-guard: the analysis went over its budget (${budget.seconds} s per file, ${budget.memoryMb} MB) ` +
        `${outcome.file === undefined ? 'outside the analysis of any one file' : `in ${overBudget.length + 1} files`} (${outcome.detail}); ` +
        'raise --budget-seconds or --budget-memory-mb\n');
      return 2;
    }
    overBudget.push(outcome.file);
  }
}

/** In the worker: runs the check the request describes with `run`, reporting files as they start, and posts the result. */
export function serveInWorker(run: (request: WorkerRequest, io: CliIO, onFile: (file: string | undefined) => void) => number): boolean {
  if (isMainThread || !parentPort) return false;
  const port = parentPort;
  const request = workerData as WorkerRequest;
  let stdout = '';
  let stderr = '';
  const io: CliIO = { cwd: request.cwd, env: request.env, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = run(request, io, (file) => port.postMessage({ kind: 'file', file } satisfies WorkerMessage));
  port.postMessage({ kind: 'done', code, stdout, stderr } satisfies WorkerMessage);
  return true;
}
