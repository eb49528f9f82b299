/**
 * The engine's entry point: reads the config, builds the program, collects annotations and
 * suppressions, runs the flow analysis and the rules, and returns findings, suppressed findings and
 * problems. Everything outside comes through the FileHost; the CLI and the language server both call this.
 */
import type * as ts from 'typescript';
import { FlowAnalysis } from './analysis/flowAnalysis';
import { createAnalysisProgram, relativePath, underAny } from './analysis/program';
import { collectAnnotations } from './annotations/collectAnnotations';
import type { Annotation, Suppression } from './annotations/types';
import { createConfigLoader } from './config/loadConfig';
import type { ResidencyConfig } from './config/types';
import type { FileHost } from './host';
import { PROBLEM_CODES, type Loc, type Problem } from './model';
import type { CheckResult, Finding } from './report/model';
import { evaluateHits } from './rules/evaluate';
import type { Lang } from './rules/types';
import { createRegionCatalog } from './vocabulary/regionCatalog';
import type { RegionCatalog } from './vocabulary/regionTypes';

export interface CheckOptions {
  /** Absolute path of the checked root (the workspace folder). */
  readonly root: string;
  /** Files or directories to check (absolute); the whole root when empty. */
  readonly paths?: readonly string[];
  /** Absolute path of the config file; `<root>/residency.config.json` by default. */
  readonly configFile?: string;
  readonly lang?: Lang;
  readonly isCancelled?: () => boolean;
}

export const CONFIG_FILE_NAME = 'residency.config.json';

export function readConfig(host: FileHost, opts: CheckOptions, regions: RegionCatalog): { config: ResidencyConfig; problems: Problem[] } {
  const path = opts.configFile ?? `${opts.root.replace(/\/$/, '')}/${CONFIG_FILE_NAME}`;
  const text = host.readFile(path);
  if (text === undefined && opts.configFile) {
    const loc: Loc = { file: path, line: 1, column: 1, endLine: 1, endColumn: 1 };
    const r = createConfigLoader(regions)(undefined, undefined);
    return { config: r.config, problems: [{ kind: 'config', code: PROBLEM_CODES.configSyntax, severity: 'error', message: `The config file ${path} cannot be read`, location: loc }] };
  }
  return createConfigLoader(regions)(text, text === undefined ? undefined : path);
}

function parseProblems(sf: ts.SourceFile, program: ts.Program): Problem[] {
  return program.getSyntacticDiagnostics(sf).slice(0, 5).map((d) => {
    const start = d.start ?? 0;
    const s = sf.getLineAndCharacterOfPosition(start);
    const e = sf.getLineAndCharacterOfPosition(start + (d.length ?? 0));
    const text = typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText;
    return {
      kind: 'parse', code: PROBLEM_CODES.sourceParse, severity: 'error',
      message: `This file does not parse (${text}); the rest of it is analysed as far as it could be read`,
      location: { file: sf.fileName, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 },
    };
  });
}

function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[], root: string): { kept: Finding[]; suppressed: Finding[] } {
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const s = suppressions.find((x) => relativePath(root, x.file) === f.location.file && x.targetLine === f.location.line && x.rules.includes(f.rule));
    if (s) suppressed.push({ ...f, suppression: { reason: s.reason, location: { ...s.loc, file: relativePath(root, s.loc.file) } } });
    else kept.push(f);
  }
  return { kept, suppressed };
}

function byLocation(a: { location: Loc; rule?: string }, b: { location: Loc; rule?: string }): number {
  return a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line ||
    a.location.column - b.location.column || (a.rule ?? '').localeCompare(b.rule ?? '');
}

function relProblem(root: string, p: Problem): Problem {
  return { ...p, location: { ...p.location, file: relativePath(root, p.location.file) } };
}

/** Which root-relative files the report covers: the requested paths, and always the config file. */
function reportFilter(opts: CheckOptions, configFile: string | undefined): (relativeFile: string) => boolean {
  const paths = opts.paths ?? [];
  if (paths.length === 0) return () => true;
  const config = configFile ? relativePath(opts.root, configFile) : undefined;
  return (file) => file === config || underAny(`${opts.root.replace(/\/$/, '')}/${file}`, paths);
}

export function checkWorkspace(host: FileHost, opts: CheckOptions): CheckResult {
  const regions = createRegionCatalog();
  const { config, problems } = readConfig(host, opts, regions);
  // The whole workspace is analysed (flows cross files); `paths` only narrows what is reported.
  const ap = createAnalysisProgram(host, { root: opts.root, include: config.include, exclude: config.exclude });
  const allProblems: Problem[] = [...problems, ...ap.problems];
  const annotations = new Map<ts.Node, Annotation>();
  const suppressions: Suppression[] = [];
  const files: ts.SourceFile[] = [];
  for (const file of ap.files) {
    const sf = ap.program.getSourceFile(file);
    if (!sf) continue;
    files.push(sf);
    allProblems.push(...parseProblems(sf, ap.program));
    const fa = collectAnnotations(sf, { config, regions });
    for (const [k, v] of fa.byDeclaration) annotations.set(k, v);
    suppressions.push(...fa.suppressions);
    allProblems.push(...fa.problems);
  }
  const flow = new FlowAnalysis({ program: ap.program, files, annotations, regions, isCancelled: opts.isCancelled });
  const hits = flow.run();
  for (const [file, why] of flow.failures) {
    allProblems.push({ kind: 'file', code: PROBLEM_CODES.fileSkipped, severity: 'warning', message: `Not analysed: ${why}`, location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } });
  }
  const findings = evaluateHits(hits, config, opts.root, opts.lang ?? 'en');
  const { kept, suppressed } = applySuppressions(findings, suppressions, opts.root);
  const wanted = reportFilter(opts, config.file);
  return {
    root: opts.root,
    findings: kept.filter((f) => wanted(f.location.file)).sort(byLocation),
    suppressed: suppressed.filter((f) => wanted(f.location.file)).sort(byLocation),
    problems: allProblems.map((p) => relProblem(opts.root, p)).filter((p) => wanted(p.location.file)).sort(byLocation),
    files: files.length,
    config,
  };
}

