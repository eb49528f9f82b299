/**
 * The CLI's main thread. It neither loads TypeScript nor the engine: it reads the analysis budget from the
 * arguments and supervises the check, which runs in a worker thread under that budget (budget.ts). The
 * worker validates every argument itself, so a bad budget value is reported there like any usage error.
 */
import { DEFAULT_BUDGET, runBudgeted } from './budget';
import type { AnalysisBudget } from '../core/engine';
import type { CliIO } from './main';

/** Exit status for a failure of the supervision itself (as for a usage error). */
const EXIT_USAGE = 2;

/** Runs the CLI on this process's arguments, the check in a worker started from `workerScript`. */
export function supervise(workerScript: string): void {
  const argv = process.argv.slice(2);
  const io: CliIO = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  };
  runBudgeted(workerScript, argv, io, budgetFromArgs(argv)).then((code) => {
    process.exitCode = code;
  }, (e: unknown) => {
    io.stderr(`residency-guard: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = EXIT_USAGE;
  });
}

/** `--budget-seconds N` / `--budget-memory-mb N` (also `--name=N`); the defaults where absent or not a positive number. */
export function budgetFromArgs(argv: readonly string[]): AnalysisBudget {
  return { seconds: option(argv, '--budget-seconds') ?? DEFAULT_BUDGET.seconds, memoryMb: option(argv, '--budget-memory-mb') ?? DEFAULT_BUDGET.memoryMb };
}

function option(argv: readonly string[], name: string): number | undefined {
  let raw: string | undefined;
  argv.forEach((a, i) => {
    if (a === name) raw = argv[i + 1];
    else if (a.startsWith(`${name}=`)) raw = a.slice(name.length + 1);
  });
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}
