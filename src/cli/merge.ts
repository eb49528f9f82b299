/**
 * `residency-guard merge REPORT.json… [--format json|markdown|disclosure] [--output FILE] [--lang en|ja]`
 * (SPEC §7.2 v2): reads the JSON reports of many repositories' checks, validates each (a malformed report,
 * one of another tool or schemaVersion, or one without the register section is an error naming the file,
 * line and column: exit 2), and prints one register, disclosure draft or JSON report for them all, each
 * finding with its repository. A report that records no repository is named after its file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import pkg from '../../package.json';
import { formatReport } from '../core/report/formats';
import { mergeReports, type MergeInput } from '../core/report/merge';
import { parseReport, ReportInputError } from '../core/report/reportInput';
import type { Lang } from '../core/rules/types';
import { InputError, pick, UsageError } from './errors';
import { writeOutput } from './output';

export const MERGE_FORMATS = ['markdown', 'json', 'disclosure'] as const;

/** Reports larger than this are refused (a report of a large repository is a few megabytes). */
const MAX_REPORT_BYTES = 256 * 1024 * 1024;

export interface MergeOptions {
  readonly format: string | undefined;
  readonly output: string | undefined;
  readonly lang: Lang;
}

interface MergeIO {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

function readReport(file: string, shown: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw new UsageError(`Cannot read the report ${shown}: ${(e as Error).message}`);
  }
  if (!stat.isFile()) throw new UsageError(`Cannot read the report ${shown}: it is not a regular file`);
  if (stat.size > MAX_REPORT_BYTES) throw new InputError(`${shown}: the report is larger than ${MAX_REPORT_BYTES} bytes`);
  return fs.readFileSync(file, 'utf8');
}

/** A report file as the command line names it. */
function inputOf(file: string, cwd: string): MergeInput {
  return { report: parseReport(file, readReport(path.resolve(cwd, file), file)), fallbackName: path.basename(file).replace(/\.json$/i, '') };
}

/** The merge of the files; a report that cannot be used is an InputError naming its file, line and column. */
function mergeFiles(files: readonly string[], cwd: string) {
  try {
    return mergeReports(files.map((f) => inputOf(f, cwd)));
  } catch (e) {
    if (e instanceof ReportInputError) throw new InputError(e.message);
    throw e;
  }
}

/** Runs `merge` on the report files; returns the exit status. */
export function runMerge(files: readonly string[], options: MergeOptions, io: MergeIO): number {
  const format = pick(options.format, MERGE_FORMATS, '--format', 'markdown');
  if (files.length === 0) throw new UsageError('merge needs at least one JSON report (written with check --format json)');
  const merged = mergeFiles(files, io.cwd);
  const report = formatReport(format, merged, { version: pkg.version, durationMs: 0, repositoryUrl: pkg.repository.url, lang: options.lang });
  if (options.output) writeOutput(path.resolve(io.cwd, options.output), report);
  else io.stdout(report);
  io.stderr(`merged ${files.length} reports of ${merged.repositories?.length ?? 0} repositories: ${merged.findings.length} findings, ${merged.flows.length} flows\n`);
  return 0;
}
