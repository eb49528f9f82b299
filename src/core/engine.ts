/**
 * The engine's entry points: read the config, build the program, collect annotations and suppressions,
 * run the flow analysis and the rules, and return findings, suppressed findings, problems, flows and
 * annotated declarations. Everything outside comes through the FileHost. `checkWorkspace` runs at once
 * (the CLI); `checkWorkspaceAsync` yields between files and can be cancelled (the language server), and
 * reuses the previous Program so that unchanged files are not parsed again. Problems about the inputs are
 * written in the requested language (`lang`, English by default), like the findings.
 */
import type ts from 'typescript';
import { CancelledError, FlowAnalysis } from './analysis/flowAnalysis';
import { locOf } from './analysis/nodes';
import { createAnalysisProgram, FileListCache, relativeLoc, relativePath, SourceFileCache, underAny } from './analysis/program';
import { collectAnnotations } from './annotations/collectAnnotations';
import { prismaSchemaFiles, readPrismaSchema } from './annotations/prismaSchema';
import { bindPrismaModels } from './analysis/prismaBinding';
import { objectAliasProblems, type DescribedDeclaration } from './analysis/sources';
import type { Annotation, FileAnnotations, Suppression } from './annotations/types';
import { FlowState } from './analysis/flowState';
import { unresolvedAliasImports } from './analysis/aliasImports';
import { declaredSources, egressPoints } from './inventory/inventory';
import { readEnvironment, type EnvRead } from './config/envFiles';
import { readIacFiles, type IacFiles } from './iac/read';
import { buildIacJoin, type IacJoin } from './iac/setup';
import { createConfigLoader, type ConfigLoader } from './config/loadConfig';
import type { ResidencyConfig } from './config/types';
import type { FileHost, InputRead } from './host';
import { MAX_FILE_BYTES } from './analysis/fileDiscovery';
import { problemMessage } from './messages/problemMessages';
import { PROBLEM_CODES, type Loc, type Problem } from './model';
import type { FlowRecord } from './report/flows';
import { HitReportCache } from './report/hitReports';
import type { AnnotatedDeclaration, CheckResult, Finding, Inventory } from './report/model';
import { configFindings } from './rules/evaluate';
import type { Lang } from './rules/types';
import { sourceLoc } from './text/positions';
import { createRegionCatalog } from './vocabulary/regionCatalog';
import type { RegionCatalog } from './vocabulary/regionTypes';

export { CancelledError, SourceFileCache };

export interface CheckOptions {
  /** Absolute path of the checked root (the workspace folder). */
  readonly root: string;
  /** Files or directories to report on (absolute); the whole root when empty. The whole root is analysed. */
  readonly paths?: readonly string[];
  /** Absolute path of the config file; `<root>/residency.config.json` by default. */
  readonly configFile?: string;
  readonly lang?: Lang;
  readonly isCancelled?: () => boolean;
  /** What a previous run on this root left to reuse (language server); the run updates it. */
  readonly session?: AnalysisSession;
  /** Files larger than this are skipped with a notice (default 2 MB). */
  readonly maxFileBytes?: number;
  /** Told the file whose analysis starts, or undefined for a step of no one file (the CLI's budget watches it). */
  readonly onFile?: (file: string | undefined) => void;
  /** Files that went over the analysis budget in an earlier attempt: not analysed, each reported as skipped. */
  readonly overBudget?: OverBudget;
}

/** The time and memory an analysis may take per file (SPEC §6.0 v2; defaults in the CLI, README). */
export interface AnalysisBudget {
  readonly seconds: number;
  readonly memoryMb: number;
}

/** Files over the budget, and the budget (for their notices). */
export interface OverBudget {
  readonly files: readonly string[];
  readonly budget: AnalysisBudget;
}

export interface SessionResult {
  readonly result: CheckResult;
  readonly program: ts.Program;
}

export const CONFIG_FILE_NAME = 'residency.config.json';

/**
 * What the language server keeps between runs on one root: the Program (its unchanged files are reused),
 * parsed files, each file's annotations, and the flow analysis state (summaries and hits of files that did
 * not change).
 */
export class AnalysisSession {
  readonly regions = createRegionCatalog();
  /** Findings and flows of each hit, reused while the hit, the config and the language stay the same. */
  readonly reports = new HitReportCache();
  program: ts.Program | undefined;
  private configLoader: ConfigLoader | undefined;
  private lastConfig: { readonly key: string; readonly value: ConfigRead } | undefined;

  /** The config, read again only when its path, text or the language changed (the same object otherwise). */
  readConfig(host: FileHost, opts: CheckOptions): ConfigRead {
    const path = configPathOf(opts);
    const input = readConfigInput(host, path, opts);
    const key = JSON.stringify([path, input, opts.lang ?? 'en', !!opts.configFile]);
    if (this.lastConfig?.key !== key) {
      this.configLoader ??= createConfigLoader(this.regions);
      this.lastConfig = { key, value: configFromInput(input, path, opts, this.configLoader) };
    }
    return this.lastConfig.value;
  }

  readonly sourceFiles = new SourceFileCache();
  /** Call `fileList.invalidate()` when files are created or deleted. */
  readonly fileList = new FileListCache();
  readonly flow = new FlowState();
  readonly annotations = new WeakMap<ts.SourceFile, { readonly configKey: string; readonly value: FileAnnotations }>();
  /** Whether a package's file mentions a tag of ours (tested once per parsed file, not on every run). */
  readonly packageTagged = new WeakMap<ts.SourceFile, boolean>();

  /** What the session holds, for trace output. */
  describe(): string {
    const files = this.program?.getSourceFiles().length ?? 0;
    return `a program of ${files} source files (lib files included), ${this.flow.summaries.size} function summaries, ` +
      `hits from ${this.flow.hitsByFile.size} files, stores from ${this.flow.heapByFile.size} files`;
  }
}

/** What reading the config gave: the config, its problems, and the text it was read from. */
export interface ConfigRead {
  readonly config: ResidencyConfig;
  readonly problems: readonly Problem[];
  readonly text: string | undefined;
}

function configPathOf(opts: CheckOptions): string {
  return opts.configFile ?? `${opts.root.replace(/\/$/, '')}/${CONFIG_FILE_NAME}`;
}

export function readConfig(host: FileHost, opts: CheckOptions, regions: RegionCatalog, load: ConfigLoader = createConfigLoader(regions)): ConfigRead {
  const path = configPathOf(opts);
  return configFromInput(readConfigInput(host, path, opts), path, opts, load);
}

/** The config file, read like every input: a regular file within the size limit. */
function readConfigInput(host: FileHost, path: string, opts: CheckOptions): InputRead {
  return host.readInput(path, opts.maxFileBytes ?? MAX_FILE_BYTES);
}

function configProblem(path: string, message: string): Problem {
  const location: Loc = { file: path, line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { kind: 'config', code: PROBLEM_CODES.configSyntax, severity: 'error', message, location };
}

/** The config from what reading it gave: no file (defaults; an error when `--config` named it), a refused file (an error, defaults), or its text. */
function configFromInput(input: InputRead, path: string, opts: CheckOptions, load: ConfigLoader): ConfigRead {
  const lang = opts.lang ?? 'en';
  const text = input.text;
  if (text !== undefined) return { text, ...load(text, path, lang) };
  if (input.refused === 'missing' && !opts.configFile) return { text, ...load(undefined, undefined, lang) };
  const message = input.refused === 'missing' ? problemMessage(lang, 'configUnreadable', { path: relativePath(opts.root, path) })
    : problemMessage(lang, 'configNotRead', { file: CONFIG_FILE_NAME, reason: input.refused, bytes: input.bytes, limitBytes: opts.maxFileBytes ?? MAX_FILE_BYTES });
  return { text, config: load(undefined, undefined).config, problems: [configProblem(path, message)] };
}

function parseProblems(sf: ts.SourceFile, program: ts.Program, lang: Lang): Problem[] {
  return program.getSyntacticDiagnostics(sf).slice(0, 5).map((d) => {
    const start = d.start ?? 0;
    const text = typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText;
    return {
      kind: 'parse', code: PROBLEM_CODES.sourceParse, severity: 'error',
      message: problemMessage(lang, 'sourceParse', { detail: text }),
      location: sourceLoc(sf, start, start + (d.length ?? 0)),
    };
  });
}

/** The notice for a file the flow analysis gave up on (its reason, as the analysis words it, recognised when it can be). */
function notAnalysedMessage(why: string, lang: Lang): string {
  if (why === 'it is nested too deeply to analyse') return problemMessage(lang, 'notAnalysedTooDeep', {});
  const failed = /^the analysis failed \((.*)\)$/s.exec(why);
  if (failed) return problemMessage(lang, 'notAnalysedFailed', { error: failed[1] });
  return problemMessage(lang, 'notAnalysed', { reason: why });
}

function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[], root: string): { kept: Finding[]; suppressed: Finding[] } {
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const s = suppressions.find((x) => relativePath(root, x.file) === f.location.file && x.targetLine === f.location.line && x.rules.includes(f.rule));
    if (s) suppressed.push({ ...f, suppression: { reason: s.reason, location: relativeLoc(root, s.loc) } });
    else kept.push(f);
  }
  return { kept, suppressed };
}

function byLocation(a: { location: Loc; rule?: string }, b: { location: Loc; rule?: string }): number {
  return a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line ||
    a.location.column - b.location.column || (a.rule ?? '').localeCompare(b.rule ?? '');
}

function relProblem(root: string, p: Problem): Problem {
  return { ...p, location: relativeLoc(root, p.location) };
}

/** Which root-relative files the report covers: the requested paths, and always the config file. */
function reportFilter(opts: CheckOptions, configFile: string | undefined): (relativeFile: string) => boolean {
  const paths = opts.paths ?? [];
  if (paths.length === 0) return () => true;
  const config = configFile ? relativePath(opts.root, configFile) : undefined;
  return (file) => file === config || underAny(`${opts.root.replace(/\/$/, '')}/${file}`, paths);
}

function declarationOf(node: ts.Node, ann: Annotation, root: string): AnnotatedDeclaration {
  const tags: Record<string, string[]> = {};
  for (const t of ann.tags) tags[t.name] = t.values.map((v) => v.text);
  const name = (node as { name?: ts.Node }).name;
  const sf = node.getSourceFile();
  return { location: relativeLoc(root, locOf(node, sf)), name: (name ?? node).getText(sf), tags };
}

/** State shared by the steps of one check. */
class CheckRun {
  readonly regions: RegionCatalog;
  readonly config: ResidencyConfig;
  readonly problems: Problem[];
  readonly annotations = new Map<ts.Node, Annotation>();
  /** Declarations bound from a Prisma schema: how findings name and locate them. */
  readonly described = new Map<ts.Node, DescribedDeclaration>();
  readonly suppressions: Suppression[] = [];
  readonly files: ts.SourceFile[] = [];
  /** The config's `env` over its `envFiles` (read through the host). */
  readonly env: EnvRead;
  /** The config's `iac` files, read through the host (undefined when `iac` is not configured). */
  private readonly iacFiles: IacFiles | undefined;
  program!: ts.Program;
  flow!: FlowAnalysis;
  /** The Prisma schemas read (paths and texts), for the flow's context key. */
  private prismaKey = '';

  private readonly configKey: string;
  private readonly lang: Lang;
  /** Cached annotations hold messages: they are valid for one config and one language. */
  private readonly annotationKey: string;

  constructor(private readonly host: FileHost, private readonly opts: CheckOptions) {
    this.regions = opts.session?.regions ?? createRegionCatalog();
    const { config, problems, text } = opts.session ? opts.session.readConfig(host, opts) : readConfig(host, opts, this.regions);
    this.config = config;
    this.env = readEnvironment(host, opts.root, config.envFiles, config.env, opts.lang ?? 'en');
    this.iacFiles = config.iac ? readIacFiles(host, opts.root, config, opts.maxFileBytes ?? MAX_FILE_BYTES) : undefined;
    this.problems = [...problems, ...this.env.problems, ...this.iacProblems()];
    this.configKey = `${opts.configFile ?? ''}\u0000${text ?? ''}\u0000${this.env.key}`;
    this.lang = opts.lang ?? 'en';
    this.annotationKey = `${this.configKey}\u0000${this.lang}`;
  }

  private annotationsOf(sf: ts.SourceFile): FileAnnotations {
    const cached = this.opts.session?.annotations.get(sf);
    if (cached && cached.configKey === this.annotationKey) return cached.value;
    const value = collectAnnotations(sf, { config: this.config, regions: this.regions, lang: this.lang });
    this.opts.session?.annotations.set(sf, { configKey: this.annotationKey, value });
    return value;
  }

  /** Builds the program, then analyses one file at a time. */
  *steps(): Generator<void> {
    // The whole workspace is analysed (flows cross files); `paths` only narrows what is reported.
    const session = this.opts.session;
    const request = {
      root: this.opts.root, include: this.config.include, exclude: this.config.exclude, maxFileBytes: this.opts.maxFileBytes, lang: this.lang,
      overBudget: this.opts.overBudget,
    };
    const onFile = this.opts.onFile;
    onFile?.(undefined);
    const reuse = { oldProgram: session?.program, sourceFiles: session?.sourceFiles, fileList: session?.fileList, indexes: session?.flow.indexes };
    const ap = createAnalysisProgram(this.host, request, reuse);
    this.program = ap.program;
    this.problems.push(...ap.problems);
    yield;
    for (const file of ap.files) {
      onFile?.(file);
      const sf = ap.program.getSourceFile(file);
      if (!sf) {
        // Listed, but the host could not read it: say so rather than leave it out silently.
        this.problems.push({ kind: 'file', code: PROBLEM_CODES.fileSkipped, severity: 'warning', message: problemMessage(this.lang, 'skippedUnreadable', {}), location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } });
        continue;
      }
      this.files.push(sf);
      this.problems.push(...parseProblems(sf, ap.program, this.lang));
      const fa = this.annotationsOf(sf);
      for (const [k, v] of fa.byDeclaration) this.annotations.set(k, v);
      this.suppressions.push(...fa.suppressions);
      this.problems.push(...fa.problems);
    }
    this.collectPackageAnnotations(ap.program, new Set(ap.files));
    this.bindPrisma(ap.program);
    onFile?.(undefined);
    this.problems.push(...unresolvedAliasImports(ap.program, this.files, this.host, this.lang));
    if (this.files.length > 0 && !anySource(this.annotations)) this.problems.push(this.noSourceProblem());
    yield;
    const iac = this.iacJoin(ap.program);
    this.flow = new FlowAnalysis({
      program: ap.program, files: this.files, indexes: ap.indexes, annotations: this.annotations, described: this.described, regions: this.regions,
      isCancelled: this.opts.isCancelled, state: session?.flow, previous: session?.program, contextKey: `${this.configKey}\u0000${this.prismaKey}${iac ? `\u0000${iac.key}` : ''}`, importedFile: ap.importedFile, onFile,
      packages: this.config.packages, env: this.env.values, iac: iac?.hook,
    });
    this.problems.push(...objectAliasProblems(this.annotations, this.flow.sources, new Set(ap.files), this.lang));
    yield* this.flow.steps();
    onFile?.(undefined);
  }

  /** Problems in the `iac` files, in the problem model (RG017). */
  private iacProblems(): Problem[] {
    return (this.iacFiles?.facts.problems ?? []).map((p) => ({
      kind: 'iac', code: PROBLEM_CODES.iacFile, severity: 'warning', message: problemMessage(this.opts.lang ?? 'en', 'iacProblem', { detail: p.message }), location: p.loc,
    }));
  }

  /** The infrastructure join: the `iac` files and the program's CDK stacks (SPEC §6.3 v2). */
  private iacJoin(program: ts.Program): IacJoin | undefined {
    if (!this.iacFiles) return undefined;
    return buildIacJoin(this.iacFiles, program, this.files, this.env.values, this.regions, (file) => relativePath(this.opts.root, file));
  }

  /**
   * Tags in the program's other files — declaration files of packages (a generated ORM client copies model
   * docs into its types), a workspace package's sources — bind like the workspace's own (SPEC §3.1). Only files
   * that mention a tag of ours are walked; problems there are not the workspace's to fix and are not reported.
   */
  private collectPackageAnnotations(program: ts.Program, workspace: ReadonlySet<string>): void {
    for (const sf of program.getSourceFiles()) {
      if (workspace.has(sf.fileName) || program.isSourceFileDefaultLibrary(sf) || !this.mentionsTag(sf)) continue;
      for (const [k, v] of this.annotationsOf(sf).byDeclaration) this.annotations.set(k, v);
    }
  }

  private mentionsTag(sf: ts.SourceFile): boolean {
    const known = this.opts.session?.packageTagged.get(sf);
    if (known !== undefined) return known;
    const tagged = PACKAGE_TAG.test(sf.text);
    this.opts.session?.packageTagged.set(sf, tagged);
    return tagged;
  }

  /** Tags of the Prisma schema, bound to the generated client's model types (SPEC §3.1); its problems are located in the schema. */
  private bindPrisma(program: ts.Program): void {
    const files = prismaSchemaFiles(this.opts.root, (p) => this.host.readFile(p), (p) => this.host.readDirectory(p));
    const ctx = { config: this.config, regions: this.regions, lang: this.lang };
    const limit = this.opts.maxFileBytes ?? MAX_FILE_BYTES;
    const texts: string[] = [];
    const schemas = files.flatMap((file) => {
      const input = this.host.readInput(file, limit);
      texts.push(`${file}\u0000${input.text ?? ''}`);
      if (input.text !== undefined) return [readPrismaSchema(file, input.text, ctx)];
      if (input.refused !== 'missing') {
        const message = problemMessage(this.lang, 'configNotRead', { file: relativePath(this.opts.root, file), reason: input.refused, bytes: input.bytes, limitBytes: limit });
        this.problems.push({ kind: 'file', code: PROBLEM_CODES.fileSkipped, severity: 'warning', message, location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } });
      }
      return [];
    });
    for (const s of schemas) this.problems.push(...s.problems);
    // The schemas' tags are annotations the flow state does not see in any TypeScript file: their text is part
    // of the context whose change makes an incremental run a full one.
    this.prismaKey = texts.join('\u0001');
    const binding = bindPrismaModels(program, schemas, this.lang);
    this.problems.push(...binding.problems);
    for (const [node, bound] of binding.declarations) {
      this.annotations.set(node, bound.annotation);
      this.described.set(node, { name: bound.name, loc: bound.loc });
    }
  }

  /** RG015, at the config file (or where it would be): nothing is declared, so nothing can be found. */
  private noSourceProblem(): Problem {
    const file = this.config.file ?? configPathOf(this.opts);
    const message = problemMessage(this.lang, 'noSourceDeclared', {});
    return { kind: 'coverage', code: PROBLEM_CODES.noSourceDeclared, severity: 'warning', message, location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } };
  }

  /** Every declared source and egress point, root-relative. */
  private inventory(): Inventory {
    const root = this.opts.root;
    const sources = declaredSources(this.annotations, this.described).map((s) => ({ ...s, location: relativeLoc(root, s.location) }));
    const egress = egressPoints(this.files, this.flow.destinations, (id) => this.config.parties.get(id)?.name).map((e) => ({ ...e, location: relativeLoc(root, e.location) }));
    return { sources, egress };
  }

  finish(): SessionResult {
    const root = this.opts.root;
    if (this.opts.session) this.opts.session.program = this.program;
    const hits = this.flow.hits();
    for (const [file, why] of this.flow.failures) {
      const message = notAnalysedMessage(why, this.lang);
      this.problems.push({ kind: 'file', code: PROBLEM_CODES.fileSkipped, severity: 'warning', message, location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } });
    }
    const reports = this.opts.session?.reports ?? new HitReportCache();
    const locate = this.opts.session?.flow.locations;
    const perHit = hits.map((hit) => reports.of(hit, this.config, root, this.lang, locate));
    const findings = [...perHit.flatMap((r) => r.findings), ...configFindings(this.config, root, this.lang)];
    const { kept, suppressed } = applySuppressions(findings, this.suppressions, root);
    const wanted = reportFilter(this.opts, this.config.file);
    const annotations = this.annotations;
    let flows: FlowRecord[] | undefined;
    let declarations: AnnotatedDeclaration[] | undefined;
    let inventory: Inventory | undefined;
    const takeInventory = () => this.inventory();
    const problems = this.problems.map((p) => relProblem(root, p));
    const result: CheckResult = {
      root,
      findings: kept.filter((f) => wanted(f.location.file)).sort(byLocation),
      suppressed: suppressed.filter((f) => wanted(f.location.file)).sort(byLocation),
      problems: problems.filter((p) => wanted(p.location.file)).sort(byLocation),
      files: this.files.length,
      filesSkipped: new Set(problems.filter((p) => p.code === PROBLEM_CODES.fileSkipped).map((p) => p.location.file)).size,
      config: this.config,
      // Made when asked for: only some outputs (data map, hovers, transfer register) use them.
      get flows() {
        flows ??= perHit.flatMap((r) => r.flows);
        return flows;
      },
      get declarations() {
        declarations ??= [...annotations].map(([node, ann]) => declarationOf(node, ann, root));
        return declarations;
      },
      get inventory() {
        inventory ??= takeInventory();
        return inventory;
      },
    };
    return { result, program: this.program };
  }
}

/** Whether some annotation makes a source (a residency other than `unrestricted`). */
function anySource(annotations: ReadonlyMap<ts.Node, Annotation>): boolean {
  for (const a of annotations.values()) if (a.residency !== undefined && a.residency !== 'unrestricted') return true;
  return false;
}

/** A tag that makes a declaration a source or a destination (what a package's file must mention to be walked). */
const PACKAGE_TAG = /@(?:residency|recipient|readable-by|exposes-to)\b/;

export function checkWorkspace(host: FileHost, opts: CheckOptions): CheckResult {
  return checkWorkspaceSession(host, opts).result;
}

export function checkWorkspaceSession(host: FileHost, opts: CheckOptions): SessionResult {
  const run = new CheckRun(host, opts);
  for (const _ of run.steps()) {
    // runs to completion
  }
  return run.finish();
}

/**
 * The same check, yielding to the caller's event loop (`yieldControl`) every few files; throws
 * CancelledError as soon as `isCancelled` says so.
 */
export async function checkWorkspaceAsync(host: FileHost, opts: CheckOptions, yieldControl: () => Promise<void>): Promise<SessionResult> {
  const run = new CheckRun(host, opts);
  let n = 0;
  for (const _ of run.steps()) {
    if (++n % 8 === 0 || n <= 2) {
      await yieldControl();
      if (opts.isCancelled?.()) throw new CancelledError();
    }
  }
  return run.finish();
}
