/**
 * Builds the TypeScript Program the analysis runs on, entirely through the FileHost: the root's
 * tsconfig.json/jsconfig.json when there is one (its files and compiler options), otherwise every source
 * file under the root; then the config's include/exclude and the requested paths narrow the set.
 * Options are tuned for analysis: JS allowed, nothing emitted, only the core of the ES library loaded. Imports
 * are resolved: the declaration files of installed packages join the program (a generated ORM client, a
 * library's generic types), their JavaScript does not, and no `@types` package is loaded unless imported
 * (types of packages that are not installed resolve to nothing; analysis goes on).
 * Notices about skipped files are written in the request's language.
 */
import ts = require('typescript');
import type { OverBudget } from '../engine';
import type { FileHost } from '../host';
import { problemMessage, type Lang, type ProblemMessageArgs } from '../messages/problemMessages';
import { PROBLEM_CODES, type Loc, type Problem } from '../model';
import { GlobSet } from '../text/glob';
import { MAX_SYNTAX_DEPTH } from './depth';
import { indexFile, type FileIndex } from './fileIndex';
import { isSourceFile, joinPath, MAX_FILE_BYTES, screenFiles, skipped, walkSourceFiles } from './fileDiscovery';
import { LineMap } from '../text/positions';

export interface ProgramRequest {
  readonly root: string;
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
  /** Files larger than this are skipped with a notice (default 2 MB). */
  readonly maxFileBytes?: number;
  /** Language of the notices (default English). */
  readonly lang?: Lang;
  /** Files left out because they went over the analysis budget, each with a notice. */
  readonly overBudget?: OverBudget;
}

export interface AnalysisProgram {
  readonly program: ts.Program;
  /** The index of each workspace file, made as it was parsed. */
  readonly indexes: WeakMap<ts.SourceFile, FileIndex>;
  /** The workspace files that are analysed (absolute paths). */
  readonly files: readonly string[];
  readonly problems: readonly Problem[];
  /** The file a module specifier of a workspace file resolved to, from the module resolution cache (undefined: not known). */
  readonly importedFile: (sf: ts.SourceFile, specifier: ts.StringLiteralLike) => string | undefined;
}

/** `file` relative to `root` with `/` separators; a file outside the root gets `../` steps, never an absolute path. */
export function relativePath(root: string, file: string): string {
  const r = root.endsWith('/') ? root : `${root}/`;
  if (file.startsWith(r)) return file.slice(r.length);
  if (file === root) return '.';
  if (!file.startsWith('/')) return file;
  const from = r.split('/').filter((p) => p !== '');
  const to = file.split('/').filter((p) => p !== '');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** Files found by walking (include globs) whose real path is outside the walked directory go to `outside`. */
function parseHost(host: FileHost, outside: string[]): ts.ParseConfigHost {
  return {
    useCaseSensitiveFileNames: true,
    fileExists: (p) => host.fileExists(p),
    readFile: (p) => host.readFile(p),
    readDirectory: (root, extensions, excludes, includes) => {
      const inc = new GlobSet(includes && includes.length > 0 ? [...includes] : ['**/*']);
      const exc = new GlobSet(excludes ? [...excludes] : []);
      return walkSourceFiles(host, root, outside).filter((f) => {
        const rel = relativePath(root, f);
        return (extensions ?? []).some((e) => f.endsWith(e)) && inc.matches(rel) && !exc.matches(rel);
      });
    },
  };
}

/** What the root's tsconfig.json/jsconfig.json gives: its files (with those it names itself), options and problems. */
interface TsconfigFiles {
  readonly files: string[];
  /** Files the tsconfig names in `files` (kept even when their real path is outside the root). */
  readonly named: ReadonlySet<string>;
  readonly options: ts.CompilerOptions;
}

/** At most this many problems are reported about one tsconfig file. */
const MAX_TSCONFIG_PROBLEMS = 5;
/** "No inputs were found in config file": not a problem of the file itself (the config's include/exclude may be narrower). */
const NO_INPUTS = 18003;
/** "The 'files' list in config file is empty": RG014 says it when nothing else (no reference) gives files. */
const EMPTY_FILES = 18002;

function fileProblem(location: Loc, message: string): Problem {
  return { kind: 'file', code: PROBLEM_CODES.fileSkipped, severity: 'warning', message, location };
}

/** A TypeScript diagnostic about a tsconfig file as a located problem (line 1 when it has no position). */
function tsconfigProblem(d: ts.Diagnostic, path: string, text: string, lang: Lang, unused: boolean): Problem {
  const detail = withRelativePaths(ts.flattenDiagnosticMessageText(d.messageText, ' '), dirOf(path));
  const file = d.file?.fileName ?? path;
  const lines = new LineMap(d.file?.text ?? text);
  const loc = d.start === undefined ? lines.loc(file, 0, 0) : lines.loc(file, d.start, d.start + (d.length ?? 0));
  return fileProblem(loc, problemMessage(lang, 'tsconfigProblem', { file: relativePath(dirOf(path), file), detail, unused }));
}

/** TypeScript's message with the absolute paths it quotes made relative to `root` (no report holds an absolute path). */
function withRelativePaths(message: string, root: string): string {
  return message.replace(/'(\/[^']*)'/g, (_, p: string) => `'${relativePath(root, p)}'`);
}

function dirOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}

/** One tsconfig/jsconfig file at `path`, its paths relative to `base`: undefined (and a problem when it is there but unusable) when it cannot be used. */
function readTsconfig(host: FileHost, path: string, req: ProgramRequest, problems: Problem[], outside: string[]): ParsedTsconfig | undefined {
  const base = dirOf(path);
  const lang = req.lang ?? 'en';
  const limit = req.maxFileBytes ?? MAX_FILE_BYTES;
  const input = host.readInput(path, limit);
  if (input.text === undefined) {
    if (input.refused !== 'missing') {
      const message = problemMessage(lang, 'tsconfigNotRead', { file: relativePath(req.root, path), reason: input.refused, bytes: input.bytes, limitBytes: limit });
      problems.push(fileProblem({ file: path, line: 1, column: 1, endLine: 1, endColumn: 1 }, message));
    }
    return undefined;
  }
  const json = ts.parseConfigFileTextToJson(path, input.text);
  if (json.error) {
    problems.push(tsconfigProblem(json.error, path, input.text, lang, true));
    return undefined;
  }
  const config = json.config ?? {};
  if (path.endsWith('/jsconfig.json')) config.compilerOptions = { allowJs: true, ...config.compilerOptions };
  const parsed = ts.parseJsonConfigFileContent(config, parseHost(host, outside), base, undefined, path);
  const errors = parsed.errors.filter((d) => d.code !== NO_INPUTS && d.code !== EMPTY_FILES && d.category === ts.DiagnosticCategory.Error);
  problems.push(...errors.slice(0, MAX_TSCONFIG_PROBLEMS).map((d) => tsconfigProblem(d, path, input.text, lang, false)));
  const named = new Set((parsed.raw?.files as unknown[] | undefined ?? []).filter((f): f is string => typeof f === 'string').map((f) => normalise(joinPath(base, f))));
  const references = (parsed.projectReferences ?? []).map((r) => normalise(r.path));
  return { files: parsed.fileNames.filter(isSourceFile), named, options: parsed.options, references };
}

interface ParsedTsconfig extends TsconfigFiles {
  /** The tsconfig files or project directories its `references` name (absolute). */
  readonly references: readonly string[];
}

/** At most this many tsconfig files are read through `references` (a solution of solutions stays bounded). */
const MAX_REFERENCED_PROJECTS = 200;

/** `/a/./b/../c` → `/a/c`. */
function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/');
}

/** The tsconfig file a reference names: the file itself, or `tsconfig.json` in the directory. */
function referencedConfig(host: FileHost, ref: string): string {
  return host.directoryExists(ref) ? joinPath(ref, 'tsconfig.json') : ref;
}

/**
 * The root's tsconfig.json (else jsconfig.json) with every project its `references` reach, transitively
 * (SPEC §6.0 v2: solution-style roots with `"files": []`, Nx and Vite layouts): one program of the union of
 * their files. Options are the root's; a root without `paths` takes those of the first referenced project
 * that has them, so that the workspace's own aliases resolve.
 */
function fromTsconfig(host: FileHost, req: ProgramRequest, problems: Problem[], outside: string[]): (TsconfigFiles & { readonly path: string }) | undefined {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const path = joinPath(req.root, name);
    const found = readTsconfig(host, path, req, problems, outside);
    if (found) return { path, ...withReferences(host, path, found, req, problems, outside) };
  }
  return undefined;
}

function withReferences(host: FileHost, rootPath: string, root: ParsedTsconfig, req: ProgramRequest, problems: Problem[], outside: string[]): TsconfigFiles {
  const files = new Set(root.files);
  const named = new Set(root.named);
  let options = root.options;
  const seen = new Set([rootPath]);
  const queue = [...root.references];
  while (queue.length > 0 && seen.size < MAX_REFERENCED_PROJECTS) {
    const path = referencedConfig(host, queue.shift()!);
    if (seen.has(path)) continue;
    seen.add(path);
    const ref = readTsconfig(host, path, req, problems, outside);
    if (!ref) continue;
    for (const f of ref.files) files.add(f);
    for (const f of ref.named) named.add(f);
    if (!options.paths && ref.options.paths) options = { ...options, paths: ref.options.paths, baseUrl: ref.options.baseUrl, pathsBasePath: ref.options.pathsBasePath };
    if (root.files.length === 0 && options.jsx === undefined && ref.options.jsx !== undefined) options = { ...options, jsx: ref.options.jsx };
    queue.push(...ref.references);
  }
  return { files: [...files], named, options };
}

export function analysisOptions(base: ts.CompilerOptions): ts.CompilerOptions {
  return {
    ...base,
    allowJs: true,
    checkJs: false,
    noEmit: true,
    types: [],
    lib: [...ANALYSIS_LIBS],
    skipLibCheck: true,
    skipDefaultLibCheck: true,
    maxNodeModuleJsDepth: 0,
    composite: false,
    incremental: false,
    declaration: false,
    target: base.target ?? ts.ScriptTarget.ES2022,
    ...moduleOptions(base),
    jsx: base.jsx ?? ts.JsxEmit.Preserve,
  };
}

/**
 * The parts of the ES2022 library the analysis loads: the language's core types, collections, iterables,
 * promises and the string/array/object additions. Left out are Intl, BigInt, typed-array/shared-memory,
 * Proxy/Reflect and WeakRef declarations (a third of the library's text): code using them still analyses, their
 * types are unknown to it, and none carries personal data by itself.
 */
const ANALYSIS_LIBS = [
  'lib.es5.d.ts', 'lib.es2015.core.d.ts', 'lib.es2015.collection.d.ts', 'lib.es2015.iterable.d.ts', 'lib.es2015.generator.d.ts',
  'lib.es2015.promise.d.ts', 'lib.es2015.symbol.d.ts', 'lib.es2015.symbol.wellknown.d.ts', 'lib.es2016.array.include.d.ts',
  'lib.es2017.object.d.ts', 'lib.es2017.string.d.ts', 'lib.es2018.asynciterable.d.ts', 'lib.es2018.asyncgenerator.d.ts',
  'lib.es2018.promise.d.ts', 'lib.es2019.array.d.ts', 'lib.es2019.object.d.ts', 'lib.es2019.string.d.ts', 'lib.es2019.symbol.d.ts',
  'lib.es2020.promise.d.ts', 'lib.es2020.string.d.ts', 'lib.es2020.symbol.wellknown.d.ts', 'lib.es2021.promise.d.ts',
  'lib.es2021.string.d.ts', 'lib.es2022.array.d.ts', 'lib.es2022.object.d.ts', 'lib.es2022.string.d.ts',
] as const;

const NODE_RESOLUTION = new Set<ts.ModuleResolutionKind | undefined>([ts.ModuleResolutionKind.Node16, ts.ModuleResolutionKind.NodeNext]);
const NODE_MODULE = new Set<ts.ModuleKind | undefined>([undefined, ts.ModuleKind.Node16, ts.ModuleKind.Node18, ts.ModuleKind.Node20, ts.ModuleKind.NodeNext]);

/**
 * Node16/NodeNext resolution makes TypeScript look up the package.json scope of every file for its module
 * format, again for each program (each edit, in the language server). To find what a name refers to, bundler
 * resolution reaches the same workspace files (and extensionless relative imports too) without that, so it
 * replaces them; other settings are kept.
 */
function moduleOptions(base: ts.CompilerOptions): Pick<ts.CompilerOptions, 'module' | 'moduleResolution'> {
  // Without a moduleResolution, a Node module kind (or none: the analysis's default) implies Node resolution.
  if (NODE_RESOLUTION.has(base.moduleResolution) || (base.moduleResolution === undefined && NODE_MODULE.has(base.module))) {
    return { module: ts.ModuleKind.Preserve, moduleResolution: ts.ModuleResolutionKind.Bundler };
  }
  return { module: base.module, moduleResolution: base.moduleResolution };
}

/**
 * JSDoc is parsed only where types come from it (JS files). TypeScript 6.0's JSDoc scanner loops forever on
 * a tag value ending in "-" right before the comment closes (`/** @residency jp-*\/`, what an editor holds
 * mid-typing), so files containing that are read without JSDoc.
 */
function jsDocModeFor(fileName: string, text: string): ts.JSDocParsingMode {
  if (text.includes('-*/')) return ts.JSDocParsingMode.ParseNone;
  return /\.[mc]?jsx?$/.test(fileName) ? ts.JSDocParsingMode.ParseForTypeInfo : ts.JSDocParsingMode.ParseNone;
}

function sourceFileOptions(v: ts.ScriptTarget | ts.CreateSourceFileOptions): ts.CreateSourceFileOptions {
  return typeof v === 'number' ? { languageVersion: v } : v;
}

/** What parsing a file leaves besides the tree: its index (workspace files), and the files that failed. */
export interface ParseResults {
  /** Files the parser could not handle (it overflows the stack on pathologically nested code), with the error. */
  readonly unparsable: Map<string, unknown>;
  /** The index of each parsed workspace file (default library files and packages' files are not indexed). */
  readonly indexes: WeakMap<ts.SourceFile, FileIndex>;
  /** Whether a file is one of the workspace's (indexed); every file but TypeScript's library when absent. */
  readonly isWorkspaceFile?: (fileName: string) => boolean;
}

/** The directory of TypeScript's own library files (lib.*.d.ts). */
export const TYPESCRIPT_LIB_DIRECTORY = ((f: string) => f.slice(0, f.lastIndexOf('/') + 1))(ts.getDefaultLibFilePath({}));

/**
 * A CompilerHost over the FileHost. Each workspace file is indexed as it is parsed; a file the parser or the
 * index finds too deep is replaced by an empty one and recorded in `unparsable` with the error.
 */
export function compilerHost(host: FileHost, results: ParseResults = { unparsable: new Map(), indexes: new WeakMap() }, cache?: SourceFileCache,
  resolutions?: ts.ModuleResolutionCache): ts.CompilerHost {
  const compiler: ts.CompilerHost = {
    getSourceFile: (fileName, languageVersion) => {
      const text = host.readFile(fileName);
      if (text === undefined) return undefined;
      if (looksBinaryText(text) && !fileName.startsWith(TYPESCRIPT_LIB_DIRECTORY)) {
        results.unparsable.set(fileName, new BinaryText());
        return ts.createSourceFile(fileName, '', languageVersion, true);
      }
      const cached = cache?.get(fileName, text);
      if (cached) return cached;
      try {
        const jsDocParsingMode = jsDocModeFor(fileName, text);
        // Parent pointers are set by the index's walk below (the default library's by the binder); JSDoc
        // nodes, parsed only in JavaScript files, need the parser's own pass.
        const setParents = jsDocParsingMode !== ts.JSDocParsingMode.ParseNone;
        const sf = ts.createSourceFile(fileName, text, { ...sourceFileOptions(languageVersion), jsDocParsingMode }, setParents);
        if (!fileName.startsWith(TYPESCRIPT_LIB_DIRECTORY) && (results.isWorkspaceFile?.(fileName) ?? true)) {
          const index = indexFile(sf);
          if (!index) throw new RangeError(`${fileName} nests more than ${MAX_SYNTAX_DEPTH} levels deep`);
          results.indexes.set(sf, index);
        }
        cache?.set(fileName, text, sf);
        return sf;
      } catch (e) {
        results.unparsable.set(fileName, e);
        return ts.createSourceFile(fileName, '', languageVersion, true);
      }
    },
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getDirectories: (p) => host.readDirectory(p).filter((n) => host.directoryExists(joinPath(p, n))),
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (p) => host.fileExists(p),
    readFile: (p) => host.readFile(p),
    realpath: (p) => host.realpath(p),
    directoryExists: (p) => host.directoryExists(p),
    getEnvironmentVariable: () => undefined,
  };
  if (resolutions) {
    // Resolutions kept from one program to the next (the language server's runs), and looked up by
    // directory, specifier and mode before TypeScript's own cache (many files import the same modules).
    const byDirectory = new Map<string, ts.ResolvedModuleWithFailedLookupLocations>();
    compiler.getModuleResolutionCache = () => resolutions;
    compiler.resolveModuleNameLiterals = (literals, containingFile, redirect, options, containingSourceFile) => literals.map((lit) => {
      const mode = ts.getModeForUsageLocation(containingSourceFile, lit, options);
      const key = `${containingFile.slice(0, containingFile.lastIndexOf('/'))}\u0000${lit.text}\u0000${mode ?? ''}`;
      let resolved = redirect ? undefined : byDirectory.get(key);
      if (!resolved) {
        resolved = ts.resolveModuleName(lit.text, containingFile, options, compiler, resolutions, redirect, mode);
        if (!redirect) byDirectory.set(key, resolved);
      }
      return resolved;
    });
  }
  return compiler;
}

/** A location with its file made root-relative (as reports show it). */
export function relativeLoc(root: string, loc: Loc): Loc {
  return { ...loc, file: relativePath(root, loc.file) };
}

/** Whether a file is one of the paths or below one of them. */
export function underAny(file: string, paths: readonly string[]): boolean {
  return paths.some((p) => file === p || file.startsWith(p.endsWith('/') ? p : `${p}/`));
}

/** The workspace files to analyse, before screening, with the tsconfig's problems and notices for files outside the root. */
export function selectFiles(host: FileHost, req: ProgramRequest): { files: string[]; options: ts.CompilerOptions; problems: Problem[]; empty?: Problem } {
  const problems: Problem[] = [];
  const outside: string[] = [];
  const fromConfig = fromTsconfig(host, req, problems, outside);
  let files = fromConfig?.files ?? walkSourceFiles(host, req.root, outside);
  // Packages below the root are not the workspace's code (a root inside node_modules still is).
  files = files.filter((f) => !relativePath(req.root, f).split('/').includes('node_modules'));
  const found = files.length;
  const inc = new GlobSet(req.include ?? []);
  const exc = new GlobSet(req.exclude ?? []);
  files = files.filter((f) => {
    const rel = relativePath(req.root, f);
    return (inc.size === 0 || inc.matches(rel)) && !exc.matches(rel);
  });
  const message = problemMessage(req.lang ?? 'en', 'skippedOutsideRoot', {});
  problems.push(...[...new Set(outside)].map((f) => skipped(f, message)));
  const empty = files.length > 0 ? undefined : found > 0
    ? nothingAnalysed(req, { why: 'include-excludes-all', file: CONFIG_FILE, count: found }, joinPath(req.root, CONFIG_FILE))
    : fromConfig ? nothingAnalysed(req, { why: 'tsconfig-empty', file: relativePath(req.root, fromConfig.path) }, fromConfig.path)
      : nothingAnalysed(req, { why: 'no-source-files' }, req.root);
  return { files, options: fromConfig?.options ?? {}, problems, empty };
}

const CONFIG_FILE = 'residency.config.json';

/** RG014 (SPEC §6.0 v2): the run analyses no file, and why; the CLI exits 2 on it. */
export function nothingAnalysed(req: ProgramRequest, args: ProblemMessageArgs['nothingAnalysed'], file: string): Problem {
  const message = problemMessage(req.lang ?? 'en', 'nothingAnalysed', args);
  return { kind: 'coverage', code: PROBLEM_CODES.nothingAnalysed, severity: 'error', message, location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } };
}

/**
 * Parsed source files kept between runs (the language server's), so that a file whose text did not change
 * is neither parsed again nor seen as changed by the Program (which then reuses it).
 */
export class SourceFileCache {
  private readonly files = new Map<string, { text: string; sf: ts.SourceFile }>();

  get(fileName: string, text: string): ts.SourceFile | undefined {
    const e = this.files.get(fileName);
    return e && e.text === text ? e.sf : undefined;
  }

  set(fileName: string, text: string, sf: ts.SourceFile): void {
    this.files.set(fileName, { text, sf });
  }

  /** Forgets files that are no longer part of the program. */
  retain(fileNames: ReadonlySet<string>): void {
    for (const k of [...this.files.keys()]) if (!fileNames.has(k)) this.files.delete(k);
  }
}

function newResolutionCache(options: ts.CompilerOptions): ts.ModuleResolutionCache {
  return ts.createModuleResolutionCache('/', (f) => f, options);
}

/** The list of files to analyse, kept between runs until files are created or deleted (`invalidate`). */
export class FileListCache {
  private entry: { key: string; options: ts.CompilerOptions; files: string[]; problems: Problem[] } | undefined;
  private resolutions: ts.ModuleResolutionCache | undefined;

  invalidate(): void {
    this.entry = undefined;
    this.resolutions = undefined;
  }

  /** Module resolutions shared by the programs built from this list (valid until files are created or deleted). */
  resolutionCache(options: ts.CompilerOptions): ts.ModuleResolutionCache {
    this.resolutions ??= newResolutionCache(options);
    return this.resolutions;
  }

  get(host: FileHost, req: ProgramRequest): { options: ts.CompilerOptions; files: string[]; problems: Problem[] } {
    const key = JSON.stringify([req.root, req.include, req.exclude, req.maxFileBytes, req.lang, req.overBudget]);
    if (this.entry?.key !== key) this.entry = { key, ...listFiles(host, req) };
    return this.entry;
  }
}

function listFiles(host: FileHost, req: ProgramRequest): { options: ts.CompilerOptions; files: string[]; problems: Problem[] } {
  const selected = selectFiles(host, req);
  const over = req.overBudget;
  const skippedFiles = new Set(over?.files ?? []);
  const screened = screenFiles(host, selected.files.filter((f) => !skippedFiles.has(f)), req.maxFileBytes, req.lang);
  const problems = [...selected.problems, ...screened.problems];
  if (over) {
    const message = problemMessage(req.lang ?? 'en', 'skippedOverBudget', { seconds: over.budget.seconds, memoryMb: over.budget.memoryMb });
    problems.push(...selected.files.filter((f) => skippedFiles.has(f)).map((f) => skipped(f, message)));
  }
  if (selected.empty) problems.push(selected.empty);
  return { options: selected.options, files: screened.files, problems };
}

/** What a previous run left to reuse: its Program, parsed files and their indexes, the file list. */
export interface ProgramReuse {
  readonly oldProgram?: ts.Program;
  readonly sourceFiles?: SourceFileCache;
  readonly fileList?: FileListCache;
  readonly indexes?: WeakMap<ts.SourceFile, FileIndex>;
}

/**
 * The text to parse holds a NUL byte near its start. Files are screened for this on disk before the program
 * is built; this checks the text actually parsed, which in the editor is the unsaved buffer.
 */
class BinaryText extends Error {}

/** As the disk screening (`looksBinary`): a NUL near the start, in text that was not valid UTF-8 (decoded with U+FFFD replacements). */
function looksBinaryText(text: string): boolean {
  const prefix = text.slice(0, BINARY_SNIFF_CHARS);
  return prefix.includes('\0') && prefix.includes('\uFFFD');
}

/** How far into a text a NUL makes it binary (as the disk screening reads 8 KB). */
const BINARY_SNIFF_CHARS = 8192;

/** The notice for a file the parser failed on: binary text, too deeply nested (stack overflow) or another error. */
function unparsableMessage(error: unknown, lang: Lang): string {
  if (error instanceof BinaryText) return problemMessage(lang, 'skippedBinary', {});
  if (error instanceof RangeError) return problemMessage(lang, 'skippedTooDeep', {});
  return problemMessage(lang, 'skippedParserFailed', { error: (error as Error).message });
}

export function createAnalysisProgram(host: FileHost, req: ProgramRequest, reuse: ProgramReuse = {}): AnalysisProgram {
  const screened = reuse.fileList ? reuse.fileList.get(host, req) : listFiles(host, req);
  const options = analysisOptions(screened.options);
  const cache = reuse.sourceFiles;
  const oldProgram = reuse.oldProgram;
  const unparsable = new Map<string, unknown>();
  const indexes = reuse.indexes ?? new WeakMap<ts.SourceFile, FileIndex>();
  const resolutions = reuse.fileList?.resolutionCache(options) ?? newResolutionCache(options);
  const roots = new Set(screened.files);
  const isWorkspaceFile = (f: string): boolean => roots.has(f);
  const program = ts.createProgram({ rootNames: screened.files, options, host: compilerHost(host, { unparsable, indexes, isWorkspaceFile }, cache, resolutions), oldProgram });
  cache?.retain(new Set(program.getSourceFiles().map((sf) => sf.fileName)));
  const problems = [...screened.problems];
  for (const [file, error] of unparsable) {
    const message = unparsableMessage(error, req.lang ?? 'en');
    problems.push({ kind: 'file', code: PROBLEM_CODES.fileSkipped, severity: 'warning', message, location: { file, line: 1, column: 1, endLine: 1, endColumn: 1 } });
  }
  const files = screened.files.filter((f) => !unparsable.has(f));
  if (files.length === 0 && !problems.some((p) => p.code === PROBLEM_CODES.nothingAnalysed)) {
    const count = problems.filter((p) => p.code === PROBLEM_CODES.fileSkipped).length;
    problems.push(nothingAnalysed(req, { why: 'all-skipped', count }, req.root));
  }
  const importedFile = (sf: ts.SourceFile, lit: ts.StringLiteralLike): string | undefined => {
    const mode = ts.getModeForUsageLocation(sf, lit, options);
    return resolutions.getFromDirectoryCache(lit.text, mode, sf.fileName.slice(0, sf.fileName.lastIndexOf('/')), undefined)?.resolvedModule?.resolvedFileName;
  };
  return { program, indexes, files, problems, importedFile };
}
