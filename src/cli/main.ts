/**
 * `residency-guard check [paths…] [--config FILE] [--format text|json|sarif|markdown|disclosure] [--output FILE]
 * [--fail-on LEVEL] [--baseline FILE] [--lang en|ja] [--root DIR] [--repository NAME]` — runs the engine on a
 * workspace and prints findings for people or CI; `residency-guard merge REPORT.json…` (merge.ts) joins the
 * JSON reports of many repositories.
 * Exit status (documented; never changes): 0 nothing at or above --fail-on, 1 findings, 2 usage or
 * config error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '../../package.json';
import { CONFIG_FILE_NAME, checkWorkspace, type OverBudget } from '../core/engine';
import { PROBLEM_CODES, type Severity } from '../core/model';
import type { CheckResult } from '../core/report/model';
import type { Lang } from '../core/rules/types';
import { applyBaseline, BaselineError, parseBaseline, type Baseline } from '../core/report/baseline';
import { formatReport, REPORT_FORMATS, summaryLine } from '../core/report/formats';
import { DEFAULT_BUDGET, serveInWorker } from './budget';
import { runInit } from './init';
import { supervise } from './supervisor';
import { InputError, pick, UsageError } from './errors';
import { gitRepositoryName } from './gitRepository';
import { runMerge } from './merge';
import { createNodeHost, toPosix } from './nodeHost';
import { writeOutput } from './output';

export { writeOutput };

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

const FAIL_ON = ['error', 'warning', 'info', 'none'] as const;
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export const USAGE = `Usage: residency-guard check [paths...] [options]
       residency-guard merge REPORT.json... [--format json|markdown|disclosure] [--output FILE] [--lang LANG]
       residency-guard init [dir] [--write] [--format text|json] [--lang en|ja]

check: checks TypeScript/JavaScript code for flows of Japanese users' personal data abroad or to
contractors. merge: one register (or disclosure draft, or JSON report) for a company from the JSON
reports of many repositories (check --format json), each finding with its repository.
init: lists candidate personal-data fields with a proposed annotation each, the egress points found and a
starter residency.config.json; --write applies them (without it nothing changes).

Options:
  --config FILE        residency.config.json to use (default: <root>/residency.config.json)
  --format FORMAT      text (default), json, sarif (SARIF 2.1.0), markdown (the cross-border
                       transfer register) or disclosure (a draft of the privacy-policy section on
                       foreign transfers, for legal review); merge: json, markdown (default) or disclosure
  --repository NAME    the repository name the JSON report records for merge (default: from the git
                       remote of the checked root, when there is one)
  --output FILE        write the report to FILE instead of standard output
  --fail-on LEVEL      error (default), warning, info or none: the lowest severity that fails the run
  --baseline FILE      a JSON report written earlier (--format json): report, and fail on, only the
                       findings whose fingerprint it does not hold
  --lang LANG          en or ja (default: from LC_ALL / LANG)
  --root DIR           the checked root; paths in reports are relative to it
                       (default: the one directory given, else the current directory)
  --budget-seconds N   analysis time per file (default 20); a file over it is skipped with a notice
  --budget-memory-mb N analysis heap (default 2048); the file being analysed when it is reached is
                       skipped with a notice
  -h, --help           show this help
  -v, --version        show the version

Exit status: 0 no finding at or above --fail-on; 1 findings; 2 usage or config error.
merge: 0 written; 2 usage error or a report it cannot read (the file, line and column are named).
`;

export interface CliIO {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
}


function langFromEnv(env: CliIO['env']): Lang {
  const l = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return l.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      config: { type: 'string' }, format: { type: 'string' }, output: { type: 'string' }, 'fail-on': { type: 'string' },
      baseline: { type: 'string' }, lang: { type: 'string' }, root: { type: 'string' }, repository: { type: 'string' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' },
      'budget-seconds': { type: 'string' }, 'budget-memory-mb': { type: 'string' }, write: { type: 'boolean' },
    },
  });
}

/** The nearest directory at or above `start` that holds a residency.config.json. */
function findConfigDir(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, CONFIG_FILE_NAME))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The checked root: --root; else the nearest folder holding residency.config.json at or above the first
 * path (or the current directory); else the single directory given; else the current directory.
 */
function resolveRoot(io: CliIO, paths: readonly string[], root: string | undefined): string {
  if (root) return path.resolve(io.cwd, root);
  const first = paths[0];
  const start = first ? (fs.statSync(first).isDirectory() ? first : path.dirname(first)) : io.cwd;
  const withConfig = findConfigDir(start);
  if (withConfig) return withConfig;
  if (paths.length === 1 && fs.statSync(first).isDirectory()) return first;
  return io.cwd;
}

export function failing(result: CheckResult, failOn: (typeof FAIL_ON)[number]): boolean {
  if (failOn === 'none') return false;
  const min = RANK[failOn];
  // Every problem counts (SPEC §7.3 v2): a skipped file, an undeclared workspace or an alias that does not
  // resolve must not let a run pass silently.
  return result.findings.some((f) => RANK[f.severity] >= min) || result.problems.some((p) => RANK[p.severity] >= min);
}

function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`Cannot read the baseline ${file}: ${(e as Error).message}`);
  }
  try {
    return parseBaseline(text);
  } catch (e) {
    if (e instanceof BaselineError) throw new UsageError(`Invalid baseline ${file}: ${e.message}`);
    throw e;
  }
}

/** What a budgeted run (a worker of `main`) adds to a check: files over the budget, and who watches each file start. */
export interface RunHooks {
  readonly overBudget?: OverBudget;
  readonly onFile?: (file: string | undefined) => void;
}

function positive(value: string | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`Invalid value "${value}" for ${option}; expected a positive number`);
  return n;
}

export function runCli(argv: readonly string[], io: CliIO, hooks: RunHooks = {}): number {
  try {
    return run(argv, io, hooks);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`residency-guard: ${(e as Error).message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (e instanceof InputError) {
      io.stderr(`residency-guard: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

function run(argv: readonly string[], io: CliIO, hooks: RunHooks): number {
  const { values, positionals } = parse(argv);
  if (values.help) return io.stdout(USAGE), EXIT_OK;
  if (values.version) return io.stdout(`${pkg.version}\n`), EXIT_OK;
  const [command, ...rest] = positionals;
  const lang = pick(values.lang, ['en', 'ja'] as const, '--lang', langFromEnv(io.env));
  if (command === 'merge') return runMerge(rest, { format: values.format, output: values.output, lang }, io);
  if (command === 'init') return init(values, rest, io);
  if (command !== 'check') throw new UsageError(command ? `Unknown command "${command}"` : 'No command given');
  const format = pick(values.format, REPORT_FORMATS, '--format', 'text');
  const failOn = pick(values['fail-on'], FAIL_ON, '--fail-on', 'error');
  positive(values['budget-seconds'], '--budget-seconds', DEFAULT_BUDGET.seconds);
  positive(values['budget-memory-mb'], '--budget-memory-mb', DEFAULT_BUDGET.memoryMb);
  const baseline = values.baseline ? readBaseline(path.resolve(io.cwd, values.baseline)) : undefined;
  const paths = rest.map((p) => path.resolve(io.cwd, p));
  for (const p of paths) if (!fs.existsSync(p)) throw new UsageError(`No such file or directory: ${p}`);
  const root = toPosix(resolveRoot(io, paths, values.root));
  const started = Date.now();
  const host = createNodeHost({ readOnce: true });
  const repository = values.repository ?? gitRepositoryName(root, host);
  const checked = checkWorkspace(host, {
    root,
    paths: paths.length === 1 && toPosix(paths[0]) === root ? [] : paths.map(toPosix),
    configFile: values.config ? toPosix(path.resolve(io.cwd, values.config)) : undefined,
    lang,
    ...(hooks.overBudget && hooks.overBudget.files.length > 0 ? { overBudget: hooks.overBudget } : {}),
    onFile: hooks.onFile,
  });
  const named = repository ? { ...checked, repository } : checked;
  const result = baseline ? applyBaseline(named, baseline) : named;
  const durationMs = Date.now() - started;
  const report = formatReport(format, result, { version: pkg.version, durationMs, repositoryUrl: pkg.repository.url, lang });
  if (values.output) writeOutput(path.resolve(io.cwd, values.output), report);
  else io.stdout(report);
  io.stderr(`${summaryLine(result, durationMs)}\n`);
  if (result.problems.some((p) => p.kind === 'config' && p.severity === 'error')) return EXIT_USAGE;
  const nothing = checked.files === 0 ? checked.problems.find((p) => p.code === PROBLEM_CODES.nothingAnalysed) : undefined;
  if (checked.files === 0) {
    // Fails closed (SPEC §6.0 v2): a run that analysed nothing is a usage error, never a clean bill of health.
    io.stderr(`residency-guard: ${nothing?.message ?? 'No file was analysed'}\n`);
    return EXIT_USAGE;
  }
  return failing(result, failOn) ? EXIT_FINDINGS : EXIT_OK;
}

/** `init [dir] [--write] [--format text|json] [--lang]` (init.ts). */
function init(values: ReturnType<typeof parse>['values'], rest: readonly string[], io: CliIO): number {
  if (rest.length > 1) throw new UsageError('init takes at most one directory');
  const format = pick(values.format, ['text', 'json'] as const, '--format', 'text');
  const lang = pick(values.lang, ['en', 'ja'] as const, '--lang', langFromEnv(io.env));
  const dir = path.resolve(io.cwd, values.root ?? rest[0] ?? '.');
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`No such directory: ${dir}`);
  return runInit({ root: dir, write: values.write === true, format, lang }, io, writeOutput);
}

/**
 * Runs the CLI on this process's arguments and sets its exit code. The check runs in a worker thread under
 * the analysis budget (budget.ts); in that worker, this same function serves the check.
 */
export function main(): void {
  if (serveInWorker((req, io, onFile) => runCli(req.argv, io, { overBudget: { files: req.overBudget, budget: req.budget }, onFile }))) return;
  supervise(__filename);
}

if (require.main === module) main();
