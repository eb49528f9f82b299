/**
 * The worker of the corpus test (test/robustness/corpus.test.ts): checks package folders of node_modules,
 * each as its own workspace root, with annotations injected into some files, and prints one JSON line per
 * package with what it saw (files analysed or skipped and why, problems, findings at the injected sinks,
 * every assertion that failed, time and memory).
 *
 * It does nothing unless RG_CORPUS_WORKER=1 (node --test runs every .js file under out/test/):
 *   RG_CORPUS_WORKER=1 node out/test/support/corpusWorker.js <node_modules> <package>…
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createNodeHost } from '../../src/cli/nodeHost';
import { checkWorkspace } from '../../src/core/engine';
import { PROBLEM_CODES } from '../../src/core/model';
import type { CheckResult } from '../../src/core/report/model';
import {
  CORPUS_CONFIG,
  corpusPackages,
  injectAnnotations,
  lineStarts,
  locationError,
  mb,
  virtualPath,
  virtualWorkspace,
  type CorpusPackage,
  type Injection,
  type VirtualEntry,
} from './corpus';

/** Every `INJECT_EVERY`-th file (below `INJECT_MAX_BYTES`) of a package gets annotations. */
export const INJECT_EVERY = 4;
const INJECT_MAX_BYTES = 256 * 1024;

export interface PackageReport {
  readonly pkg: string;
  readonly files: number;
  readonly bytes: number;
  readonly analysed: number;
  /** Files set aside before the analysis, with the stated reason. */
  readonly skipped: ReadonlyArray<{ file: string; reason: string }>;
  /** Files analysed only in part (the flow analysis gave up on them), with the reason. */
  readonly partial: ReadonlyArray<{ file: string; reason: string }>;
  readonly parseProblems: number;
  readonly problems: number;
  readonly findings: number;
  readonly injectedFiles: number;
  readonly injectedDeclarations: number;
  readonly injectedSinks: number;
  readonly injectedSinksFound: number;
  /** Assertions that failed (empty when the package passed). */
  readonly errors: readonly string[];
  /** Set when checkWorkspace threw. */
  readonly crash?: string;
  readonly ms: number;
  readonly rssMb: number;
  readonly heapUsedMb: number;
}

function checkPackage(pkg: CorpusPackage, base = createNodeHost()): PackageReport {
  const root = `/corpus/${pkg.name.replace('/', '__')}`;
  const entries = new Map<string, VirtualEntry>();
  const injections = new Map<string, Injection>();
  let bytes = 0;
  pkg.files.forEach((file, i) => {
    const rel = virtualPath(path.relative(pkg.dir, file));
    const size = fs.statSync(file).size;
    bytes += size;
    if (i % INJECT_EVERY === 0 && size <= INJECT_MAX_BYTES) {
      const text = fs.readFileSync(file, 'utf8');
      if (!text.includes('\0')) {
        const injection = injectAnnotations(rel, text);
        injections.set(rel, injection);
        entries.set(rel, { text: injection.text });
        return;
      }
    }
    entries.set(rel, { real: file });
  });
  const ws = virtualWorkspace(root, entries, base, CORPUS_CONFIG);
  const errors: string[] = [];
  const started = process.hrtime.bigint();
  let result: CheckResult | undefined;
  let crash: string | undefined;
  try {
    result = checkWorkspace(ws.host, { root });
  } catch (e) {
    crash = e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 8).join('\n') : String(e);
    errors.push(`checkWorkspace threw: ${crash}`);
  }
  const ms = Number((process.hrtime.bigint() - started) / 1000000n);
  const memory = process.memoryUsage();
  const empty = { analysed: 0, skipped: [], partial: [], parseProblems: 0, problems: 0, findings: 0, injectedDeclarations: 0, injectedSinks: 0, injectedSinksFound: 0 };
  const report = result ? examine(result, ws.files, ws.textOf, injections, errors) : empty;
  return {
    pkg: pkg.name, files: ws.files.length, bytes, ...report, injectedFiles: injections.size, errors, ...(crash ? { crash } : {}),
    ms, rssMb: mb(memory.rss), heapUsedMb: mb(memory.heapUsed),
  };
}

/** Checks the result against the file list: each file analysed or skipped with a reason, every problem located, the injected flows found. */
function examine(result: CheckResult, files: readonly string[], textOf: (rel: string) => string | undefined, injections: ReadonlyMap<string, Injection>, errors: string[]) {
  const listed = new Set(files);
  const skipped: Array<{ file: string; reason: string }> = [];
  const partial: Array<{ file: string; reason: string }> = [];
  const starts = new Map<string, number[]>();
  let parseProblems = 0;
  for (const p of result.problems) {
    const file = p.location.file;
    if (p.code === PROBLEM_CODES.fileSkipped) {
      if (p.message.startsWith('Skipped: ')) skipped.push({ file, reason: p.message.slice(9) });
      else partial.push({ file, reason: p.message });
    }
    if (p.code === PROBLEM_CODES.sourceParse) parseProblems++;
    if (!listed.has(file) && file !== 'residency.config.json') {
      errors.push(`a problem names a file that is not in the workspace: ${file} (${p.code} ${p.message})`);
      continue;
    }
    const text = textOf(file);
    if (text === undefined) continue;
    if (!starts.has(file)) starts.set(file, lineStarts(text));
    const error = locationError(p.location, text, starts.get(file));
    if (error) errors.push(`${file}: ${p.code} "${p.message}" has an invalid location ${error}`);
  }
  const skippedFiles = new Set(skipped.map((s) => s.file));
  if (skippedFiles.size !== skipped.length) errors.push('a file is skipped twice');
  for (const s of skipped) if (!s.reason.trim()) errors.push(`${s.file} skipped without a reason`);
  const analysed = files.length - skippedFiles.size;
  if (result.files !== analysed) {
    errors.push(`${result.files} files analysed, but ${files.length} listed and ${skippedFiles.size} skipped with a reason: ${files.length - skippedFiles.size - result.files} left out without a notice`);
  }
  let injectedDeclarations = 0;
  let injectedSinks = 0;
  let injectedSinksFound = 0;
  const troubled = new Set([...skippedFiles, ...partial.map((p) => p.file), ...result.problems.filter((p) => p.code === PROBLEM_CODES.sourceParse).map((p) => p.location.file)]);
  for (const [file, injection] of injections) {
    if (troubled.has(file)) continue;
    for (const { line, endLine } of injection.declarations) {
      injectedDeclarations++;
      const annotated = result.declarations.some((d) => d.location.file === file && d.location.line >= line && d.location.line <= endLine && d.tags.residency?.[0] === 'jp-only');
      if (!annotated) errors.push(`${file}:${line}: the injected @residency declaration is not among the annotated declarations`);
    }
    if (injection.sinkLine !== undefined) {
      injectedSinks++;
      const found = result.findings.some((f) => f.location.file === file && f.location.line === injection.sinkLine && f.destination.party === 'dalian-ops');
      if (found) injectedSinksFound++;
      else errors.push(`${file}:${injection.sinkLine}: the injected flow to the @recipient function was not found`);
    }
  }
  return { analysed, skipped, partial, parseProblems, problems: result.problems.length, findings: result.findings.length, injectedDeclarations, injectedSinks, injectedSinksFound };
}

function main(argv: readonly string[]): void {
  const [nodeModules, ...names] = argv;
  const wanted = new Set(names);
  const packages = corpusPackages(nodeModules).filter((p) => wanted.has(p.name));
  for (const name of names) {
    if (!packages.some((p) => p.name === name)) process.stdout.write(`${JSON.stringify({ pkg: name, missing: true })}\n`);
  }
  for (const pkg of packages) process.stdout.write(`${JSON.stringify(checkPackage(pkg))}\n`);
  const usage = process.resourceUsage();
  process.stdout.write(`${JSON.stringify({ done: true, maxRssMb: Math.round(usage.maxRSS / 1024), cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000) })}\n`);
}

if (require.main === module && process.env.RG_CORPUS_WORKER === '1') main(process.argv.slice(2));
