/**
 * Whole-program flow analysis: computes a summary per function on demand (memoised), analyses every
 * function and module body of the files that need it, and collects the sink hits whose labels are
 * concrete sources. Stores into properties and module variables go to a heap keyed by declaration.
 *
 * Runs are incremental when a FlowState from a previous run is given: only the files whose source changed
 * and the files that (transitively) import them are analysed again; the rest is reused. When a change
 * alters what is stored on the heap, or a store lands after a read, everything is analysed again.
 */
import ts = require('typescript');
import type { Annotation } from '../annotations/types';
import type { DescribedDeclaration } from './sources';
import type { PackageBinding } from '../config/types';
import type { RegionCatalog } from '../vocabulary/regionTypes';
import { SdkCatalogue } from '../vocabulary/sdkCatalogue';
import { CallGate } from './callGate';
import { ChainTracer } from './clientChains';
import type { EnvValues } from './constants';
import { DestinationGate } from './destinationGate';
import { DestinationResolver } from './destinations';
import type { IacDestinations } from '../iac/hook';
import { FunctionEvaluator } from './evaluator';
import { FunctionValues } from './functionValues';
import { SiteKey, type HeapKey } from './heapKeys';
import { indexesOf, type FileIndex } from './fileIndex';
import { comparableReturnType, isBodyOnlyEdit, reExports } from './editScope';
import { fileInterface, sameInterface, type FileInterface } from './fileInterface';
import { FlowState, type Collected } from './flowState';
import type { Hit, SinkSite, Summary } from './flowTypes';
import { EMPTY, join, labelKey, type Label, type Taint } from './labels';
import { MemberGate } from './memberGate';
import { UNKNOWN_FACTS } from './functionFacts';
import { FunctionRelevance } from './relevance';
import { declaredIn, isFunctionWithBody, nameText, type FunctionLike } from './nodes';
import { bindingFor, SdkCallResolver } from './sdkCalls';
import { SourceResolver } from './sources';
import { SymbolLookup } from './symbolLookup';

/** The TypeScript functions and enums this module uses, bound once: the `ts` namespace object is slow to read from. */
const { SyntaxKind, forEachChild, isCallExpression, isExportDeclaration, isExternalModuleReference, isIdentifier, isImportDeclaration, isStringLiteralLike, isVariableDeclaration } = ts;

const MAX_ROUNDS = 4;
/** Incremental passes before a run falls back to analysing every file. */
const MAX_PASSES = 8;
const EMPTY_SUMMARY: Summary = { returns: EMPTY, hits: [], heapWrites: [], paramCalls: [], argWrites: [], throws: EMPTY };

export interface FlowInputs {
  readonly program: ts.Program;
  /** The workspace files to analyse. */
  readonly files: readonly ts.SourceFile[];
  /** The files' syntactic indexes, as the program made them while parsing (made here when missing). */
  readonly indexes?: WeakMap<ts.SourceFile, FileIndex>;
  readonly annotations: ReadonlyMap<ts.Node, Annotation>;
  /** How findings name and locate declarations that were bound from elsewhere (Prisma model fields). */
  readonly described?: ReadonlyMap<ts.Node, DescribedDeclaration>;
  readonly regions: RegionCatalog;
  /** Checked between files; when it returns true the analysis stops with CancelledError. */
  readonly isCancelled?: () => boolean;
  /** Told each file as its analysis starts (the CLI's analysis budget watches it). */
  readonly onFile?: (file: string) => void;
  /** State of the previous run on the same root, for incremental runs (mutated by this run). */
  readonly state?: FlowState;
  /** Changes of anything besides source files (the config) force a full run. */
  readonly contextKey?: string;
  /** The previous run's program (language server): an edited function's inferred return type is compared with it. */
  readonly previous?: ts.Program;
  /** The config's `packages` (imports bound as destinations). */
  readonly packages?: readonly PackageBinding[];
  /** Environment values for region and host inference (the config's `env` over its `envFiles`). */
  readonly env?: EnvValues;
  /** The infrastructure join (config `iac`): refines AWS SDK storage calls by the resource they write to. */
  readonly iac?: IacDestinations;
  /** The SDK catalogue (built from its data file when absent). */
  readonly catalogue?: SdkCatalogue;
  /** The file an import resolved to, when the program's module resolution knows it (else the checker is asked). */
  readonly importedFile?: (sf: ts.SourceFile, specifier: ts.StringLiteralLike) => string | undefined;
}

export class CancelledError extends Error {
  constructor() {
    super('The analysis was cancelled.');
  }
}

export class FlowAnalysis {
  readonly checker: ts.TypeChecker;
  readonly symbols: SymbolLookup;
  readonly sources: SourceResolver;
  readonly destinations: DestinationResolver;
  readonly calls: CallGate;
  readonly members: MemberGate;
  readonly functionValues: FunctionValues;
  private readonly relevance: FunctionRelevance;
  private readonly indexes: Map<ts.SourceFile, FileIndex>;
  /** This run's files by name. */
  private readonly current: ReadonlyMap<string, ts.SourceFile>;
  /** Files whose analysis failed, with the reason; the rest of the workspace is still analysed. */
  readonly failures = new Map<string, string>();
  /** How many files this run analysed (the others were reused). */
  analysedFiles = 0;
  private readonly state: FlowState;
  private heap = new Map<HeapKey, Taint>();
  private heapRead = new Set<HeapKey>();
  /** The stored declarations by property name, and the names read that way (heapReadByName). */
  private heapNames = new Map<string, Set<ts.Node>>();
  private namesRead = new Set<string>();
  private dirty = false;
  /** Whether the current pass analyses some files only (an incremental pass). */
  private partial = false;
  /** Keys whose stores grew after this pass read them. */
  private lateKeys = new Set<HeapKey>();
  /** A store under a property name that was already read by name (JavaScript): only a whole run sees it everywhere. */
  private namesDirty = false;
  private readonly inProgress = new Set<FunctionLike>();
  private readonly globalsInProgress = new Set<ts.Node>();
  private readonly resolvers = new Map<ts.Symbol, Taint>();
  /** The config's key and the SDK setup calls' values: a change to either makes the run a full one. */
  private readonly contextKey: string | undefined;

  constructor(private readonly inputs: FlowInputs) {
    this.symbols = new SymbolLookup(inputs.program.getTypeChecker());
    this.checker = this.symbols.wrap();
    this.sources = new SourceResolver(inputs.program, this.checker, inputs.annotations, inputs.described);
    this.state = inputs.state ?? new FlowState();
    this.indexes = indexesOf(inputs.files, inputs.indexes ?? this.state.indexes);
    this.current = new Map(inputs.files.map((sf) => [sf.fileName, sf]));
    const names = this.state.indexNames.add(this.indexes.values());
    this.calls = new CallGate(names.calls);
    this.members = new MemberGate(names.members, inputs.annotations);
    this.functionValues = new FunctionValues(this.checker);
    const catalogue = inputs.catalogue ?? new SdkCatalogue();
    const packages = inputs.packages ?? [];
    const followed = (spec: string): boolean => catalogue.entryOf(spec) !== undefined || bindingFor(packages, spec) !== undefined;
    const gate = new DestinationGate(inputs.files, inputs.annotations, this.state.importAliases, followed);
    const sdk = new SdkCallResolver({
      checker: this.checker, regions: inputs.regions, catalogue, packages, env: inputs.env ?? {}, filesImporting: (pkg) => gate.filesImporting(pkg),
      chains: new ChainTracer(this.checker),
    });
    this.destinations = new DestinationResolver(this.checker, inputs.annotations, inputs.regions, gate, sdk, inputs.env ?? {}, inputs.iac);
    // A setup call (`Sentry.init({ dsn })`) decides the region of calls in files that do not import its file.
    this.contextKey = gate.usesSdk ? `${inputs.contextKey ?? ''}\u0000${sdk.setupDigest(gate.followedPackages())}` : inputs.contextKey;
    this.relevance = new FunctionRelevance({
      calls: names.calls, getters: names.getters, usesAws: gate.usesAws || gate.usesSdk, mayBeDestination: (n) => gate.mayBeName(n),
      isTagged: (fn) => this.destinations.ofExposure(fn) !== undefined, isLocalTo: (fn, id) => declaredIn(fn, this.checker.getSymbolAtLocation(id)),
      destinationDeclarations: gate.declarations,
    });
  }

  /** The labels of nodes' types, kept between runs while edits stay inside function bodies (FlowState.typeTaints). */
  get typeTaints(): WeakMap<ts.Node, Taint> {
    return this.state.typeTaints;
  }

  get annotations(): ReadonlyMap<ts.Node, Annotation> {
    return this.inputs.annotations;
  }

  /** Analyses the workspace; returns every sink reached by personal data, with the sources reaching it. */
  run(): Hit[] {
    for (const _ of this.steps()) {
      // each step analyses one file
    }
    return this.hits();
  }

  /** The analysis one file at a time, so that a caller can yield to its event loop between files. */
  *steps(): Generator<void> {
    if (!this.anySource()) {
      // Nothing is personal data, so no flow can reach a sink: nothing to analyse. The state is left empty,
      // so that the run after the first source appears analyses everything.
      this.state.clear();
      return;
    }
    // Results kept from earlier runs may name nodes of files edited since: they are located through the edits.
    this.state.locations.observe(this.current.values());
    const all: ReadonlySet<string> = new Set(this.current.keys());
    // Who imports whom matters only when some files are analysed again (not in a first run: all are analysed).
    let importers: Map<string, string[]> | undefined;
    const importersOf = (): Map<string, string[]> => (importers ??= this.importers());
    const scope = this.affectedFiles(importersOf, all);
    // Only edits inside function bodies (a scope to compare) leave every other file's types as they were.
    if (!scope.compare) this.state.forgetTypes();
    let affected = scope.files;
    // Whether this run analysed every file first: then everything stored so far is this run's own.
    const whole = affected.size === all.size;
    if (whole) {
      yield* this.analyse(all, false);
      // Stores found after a read of the same property: the files that read it, and every file importing
      // them (their results used those files' summaries), go again in the passes below.
      affected = this.namesDirty ? all : this.withImporters([...this.state.readersOf(this.lateKeys)], importersOf(), all);
    }
    // The first pass compares the interface of the files it analyses only because an edit inside a function
    // body of a file they import may change what they give (editScope.ts); later passes compare every file's.
    let compared: ReadonlySet<string> | undefined = scope.compare ?? new Set();
    // When an edit changes what gets stored into a property, the files reading it are analysed too; the files
    // importing one of those follow only when what that file gives them (its interface) changed.
    for (let pass = 0; pass < MAX_PASSES && affected.size > 0 && affected.size < all.size; pass++) {
      const before = this.state.heapDigest(affected);
      // Until this pass ends, what these files stored may be changing (see heapAdd).
      for (const k of before.keys()) this.state.pendingKeys.add(k);
      const faces = new Map([...(compared ?? affected)].map((f) => [f, this.interfaceNow(f)]));
      compared = undefined;
      yield* this.analyse(affected, false);
      const next = this.state.readersOfChanges(before, this.state.heapDigest(affected));
      for (const [f, face] of faces) {
        if (!this.sameInterfaceAgain(face)) for (const g of importersOf().get(f) ?? []) next.add(g);
      }
      affected = this.namesDirty ? all : next;
      // Until they are analysed, these files are owed to the next run too (this one may be cancelled).
      for (const f of affected) this.state.pending.add(f);
      this.state.pendingKeys.clear();
    }
    if (affected.size > 0) {
      // The passes did not settle: every file again (keeping what this run stored, when it is all its own),
      // and again while stores are found late (each round sees everything stored so far).
      yield* this.analyse(all, whole);
      for (let round = 1; round < MAX_ROUNDS && this.dirty; round++) yield* this.analyse(all, true);
    }
    this.state.files = new Map(this.current);
    this.state.contextKey = this.contextKey;
  }

  /** A file's interface as the state holds it (before the file is analysed again). */
  private interfaceNow(file: string): FileInterface {
    const { functions, globals } = this.state.summarisedIn(file);
    return fileInterface(functions, globals, (fn) => this.state.summaries.get(fn)!, (decl) => this.state.globals.get(decl)!, this.state.sourceIds);
  }

  /** Whether the same functions and module variables, computed again now, give what they gave before. */
  private sameInterfaceAgain(before: FileInterface): boolean {
    const fns: FunctionLike[] = [];
    const globals: ts.Node[] = [];
    for (const node of before.keys()) (isFunctionWithBody(node) ? fns : globals).push(node as FunctionLike);
    return sameInterface(before, fileInterface(fns, globals, (fn) => this.summaryOf(fn), (decl) => this.globalOf(decl), this.state.sourceIds));
  }

  /** Whether some annotation makes a source (a residency other than `unrestricted`, on its own or for what it contains). */
  private anySource(): boolean {
    for (const a of this.inputs.annotations.values()) if (a.residency !== undefined && a.residency !== 'unrestricted') return true;
    return false;
  }

  private *analyse(files: ReadonlySet<string>, keepHeap: boolean): Generator<void> {
    this.dirty = false;
    this.namesDirty = false;
    this.lateKeys = new Set();
    this.heapRead = new Set();
    this.partial = files.size !== this.inputs.files.length;
    if (!this.partial) {
      this.state.clear(keepHeap);
      this.heap = this.state.heapUnion();
    } else {
      // A pass over some files sees their stores as they were until it makes them again, so that making
      // the same stores again changes nothing; the keys whose stores did change send their readers to the
      // next pass (steps()).
      this.heap = this.state.heapUnion();
      for (const f of files) this.state.pending.add(f);
      this.state.dropFiles(files, this.current);
    }
    this.heapNames = new Map();
    this.namesRead = new Set();
    for (const k of this.heap.keys()) this.indexName(k);
    for (const sf of this.inputs.files) {
      if (!files.has(sf.fileName)) continue;
      this.analyseFile(sf);
      this.state.pending.delete(sf.fileName);
      this.analysedFiles++;
      yield;
    }
  }

  /**
   * The files the first pass analyses: all files without a usable state; else the changed files and every file
   * that imports them, directly or not — or, when each change lies inside one function body (editScope.ts),
   * the changed files and their direct importers (`compare`: those whose interface decides whether their own
   * importers follow; a re-exporting importer's importers are direct too).
   */
  private affectedFiles(importers: () => Map<string, string[]>, all: ReadonlySet<string>): { readonly files: ReadonlySet<string>; readonly compare?: ReadonlySet<string> } {
    const prev = this.state.files;
    if (prev.size === 0 || this.state.contextKey !== this.contextKey) return { files: all };
    for (const name of prev.keys()) if (!all.has(name)) return { files: all };
    // A cancelled run owes its files, and the readers of the keys it may have changed.
    const owed = new Set([...this.state.pending, ...this.state.takePendingReaders()]);
    const edited = this.inputs.files.filter((sf) => prev.get(sf.fileName) !== sf);
    const narrow = owed.size === 0 && edited.length > 0 && edited.every((sf) => this.isBodyOnlyEdit(prev.get(sf.fileName), sf));
    const changed = [...edited.map((sf) => sf.fileName), ...[...owed].filter((f) => all.has(f))];
    const scope = narrow ? this.directImporters(changed, importers()) : { files: this.withImporters(changed, importers(), all) };
    for (const f of scope.files) this.state.pending.add(f);
    return scope;
  }

  /** The files, their importers, and the importers of those that re-export: the importers' interfaces are compared. */
  private directImporters(files: readonly string[], importers: Map<string, string[]>): { files: Set<string>; compare: Set<string> } {
    const out = new Set(files);
    const compare = new Set<string>();
    const queue = [...files];
    while (queue.length > 0) {
      for (const g of importers.get(queue.pop()!) ?? []) {
        if (out.has(g)) continue;
        out.add(g);
        compare.add(g);
        const sf = this.current.get(g);
        if (sf && reExports(sf)) queue.push(g);
      }
    }
    return { files: out, compare };
  }

  /** Whether an edit lies inside one function body, with the same return type for the function's callers. */
  private isBodyOnlyEdit(before: ts.SourceFile | undefined, after: ts.SourceFile): boolean {
    const previous = this.inputs.previous?.getTypeChecker();
    if (!before || !previous) return false;
    return isBodyOnlyEdit(before, after, (oldFn, newFn) => {
      const type = comparableReturnType(this.checker, newFn);
      return type !== undefined && type === comparableReturnType(previous, oldFn);
    });
  }

  /** The files and everything that imports them, directly or not. */
  private withImporters(files: readonly string[], importers: Map<string, string[]>, all: ReadonlySet<string>): Set<string> {
    const out = new Set(files);
    const queue = [...files];
    while (queue.length > 0) {
      for (const f of importers.get(queue.pop()!) ?? []) {
        if (!out.has(f) && all.has(f)) {
          out.add(f);
          queue.push(f);
        }
      }
    }
    return out;
  }

  /** For each file, the workspace files that import it (ES imports and re-exports, `import = require`, CommonJS `require`). */
  private importers(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const sf of this.inputs.files) {
      let targets = this.state.imports.get(sf);
      if (!targets) {
        targets = moduleSpecifiers(sf).map((spec) => this.inputs.importedFile?.(sf, spec) ?? this.checker.getSymbolAtLocation(spec)?.declarations?.find(ts.isSourceFile)?.fileName)
          .filter((t): t is string => t !== undefined && t !== sf.fileName);
        this.state.imports.set(sf, targets);
      }
      for (const t of targets) {
        const list = out.get(t);
        if (list) list.push(sf.fileName);
        else out.set(t, [sf.fileName]);
      }
    }
    return out;
  }

  private analyseFile(sf: ts.SourceFile): void {
    if (this.inputs.isCancelled?.()) throw new CancelledError();
    this.inputs.onFile?.(sf.fileName);
    try {
      new FunctionEvaluator(this, undefined, sf).runModule(sf);
      // Functions that cannot act on their own are summarised when a call to them is analysed.
      const index = this.indexes.get(sf);
      index?.functions.forEach((fn, i) => {
        if (this.relevance.mayAct(fn, index.facts[i] ?? UNKNOWN_FACTS, index.readMembers)) this.summaryOf(fn);
      });
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      this.failures.set(sf.fileName, e instanceof RangeError ? 'it is nested too deeply to analyse' : `the analysis failed (${(e as Error).message})`);
    }
  }

  summaryOf(fn: FunctionLike): Summary {
    const done = this.state.summaries.get(fn);
    if (done) return done;
    if (this.inProgress.has(fn)) return EMPTY_SUMMARY;
    this.inProgress.add(fn);
    try {
      const summary = new FunctionEvaluator(this, fn, fn.getSourceFile()).runFunction();
      this.state.setSummary(fn, summary);
      return summary;
    } finally {
      this.inProgress.delete(fn);
    }
  }

  /** Records a sink reached by concrete sources, found by code of file `owner`. */
  report(owner: string, site: SinkSite, labels: readonly Label[]): void {
    if (labels.length === 0) return;
    const key = `${site.loc.file}:${site.loc.line}:${site.loc.column}:${site.loc.endLine}:${site.loc.endColumn}`;
    let byKey = this.state.hitsByFile.get(owner);
    if (!byKey) this.state.hitsByFile.set(owner, (byKey = new Map()));
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = { site, labels: new Map() }));
    for (const l of labels) {
      const k = labelKey(l);
      if (c.labels.has(k)) continue;
      c.labels.set(k, l);
      this.state.forgetHit(c);
    }
  }

  /**
   * Every sink hit, merged per sink site. A site found by one file's code only (the usual case) keeps the
   * same Hit object from run to run while that file is not analysed again, so what is derived from it can be
   * kept too.
   */
  hits(): Hit[] {
    const bySite = new Map<string, Collected[]>();
    for (const byKey of this.state.hitsByFile.values()) {
      for (const [key, c] of byKey) {
        const list = bySite.get(key);
        if (list) list.push(c);
        else bySite.set(key, [c]);
      }
    }
    this.state.retainMergedHits(new Set(bySite.keys()));
    return [...bySite].map(([key, list]) => (list.length === 1 ? this.state.hitOf(list[0]) : this.state.mergedHitOf(key, list)));
  }

  /** What has been stored into a property or variable so far; a later store that adds to it makes the analysis run again. */
  heapGet(key: HeapKey, peek = false, reader?: string): Taint {
    if (!peek) this.heapRead.add(key);
    if (reader) this.state.addReader(key, reader);
    return this.heap.get(key) ?? EMPTY;
  }

  /**
   * What a read of a property yields from the heap. Through objects known to come from allocation `sites`:
   * their own stores, those through untyped unknown objects and those through objects known only by their
   * generic type. Through an object known only by its generic type (a type site, `OrmRepository<User>`): that
   * type's stores, the untyped ones and those through known allocations. Through an unknown object (`sites`
   * undefined): every store.
   */
  heapReadThrough(decl: ts.Node, sites: readonly (ts.Node | string)[] | undefined, peek: boolean, reader: string): Taint {
    let value = this.heapGet(decl, peek, reader);
    for (const k of this.state.siteKeys.of(decl)) {
      if (!this.heap.has(k)) continue;
      if (sites && !sites.includes(k.site) && sites.some((s) => typeof s === typeof k.site)) continue;
      value = join(value, this.heapGet(k, peek, reader));
    }
    return value;
  }

  /**
   * What was stored into any property of this name (reads of members of `any` values in JavaScript): a
   * later store into a property of that name makes the analysis run again.
   */
  heapReadByName(name: string, peek: boolean, reader: string): Taint {
    if (!peek) this.namesRead.add(name);
    let value = EMPTY;
    for (const decl of this.heapNames.get(name) ?? []) value = join(value, this.heapReadThrough(decl, undefined, peek, reader));
    return value;
  }

  /** Whether anything was stored through an object known by its allocation site or generic type into this declaration. */
  hasSiteStores(decl: ts.Node): boolean {
    for (const k of this.state.siteKeys.of(decl)) if (this.heap.has(k)) return true;
    return false;
  }

  /** The heap key of a store through the object made at `site` (or known by its generic type, a type site). */
  siteKey(decl: ts.Node, site: ts.Node | string): SiteKey {
    return this.state.siteKeys.key(decl, site);
  }

  heapAdd(owner: string, key: HeapKey, value: Taint): void {
    if (this.partial) this.state.pendingKeys.add(key);
    this.state.store(owner, key, value);
    const before = this.heap.get(key) ?? EMPTY;
    const after = join(before, value);
    if (after === before) return;
    const grew = countLabels(after) > countLabels(before);
    this.heap.set(key, after);
    if (!before.labels.length && !before.fields && this.indexName(key)) this.dirty = this.namesDirty = true;
    // A read through an unknown object (registered on the declaration) sees every site's stores.
    if (grew && (this.heapRead.has(key) || (key instanceof SiteKey && this.heapRead.has(key.decl)))) {
      this.dirty = true;
      this.lateKeys.add(key);
    }
  }

  /** Indexes a newly stored key by its property name; true when a read by that name has already happened. */
  private indexName(key: HeapKey): boolean {
    const decl = key instanceof SiteKey ? key.decl : key;
    // A JavaScript property's declaration may be the assignment `this.next = null` itself.
    const name = ts.isBinaryExpression(decl) && ts.isPropertyAccessExpression(decl.left) ? decl.left.name.text : nameText(decl);
    if (name === undefined) return false;
    let set = this.heapNames.get(name);
    if (!set) this.heapNames.set(name, (set = new Set()));
    if (set.has(decl)) return false;
    set.add(decl);
    return this.namesRead.has(name);
  }

  promiseResolverDeclared(sym: ts.Symbol): void {
    if (!this.resolvers.has(sym)) this.resolvers.set(sym, EMPTY);
  }

  isPromiseResolver(sym: ts.Symbol): boolean {
    return this.resolvers.has(sym);
  }

  promiseResolved(sym: ts.Symbol, value: Taint): void {
    this.resolvers.set(sym, join(this.resolvers.get(sym) ?? EMPTY, value));
  }

  promiseValue(sym: ts.Symbol): Taint {
    return this.resolvers.get(sym) ?? EMPTY;
  }

  /** What a module-level (or otherwise out-of-scope) variable holds: its initializer and every store into it. */
  globalValue(sym: ts.Symbol, reader?: string): Taint {
    const decl = sym.valueDeclaration;
    if (!decl) return EMPTY;
    return join(this.globalOf(decl), this.heapGet(decl, false, reader));
  }

  /** The value of a module variable's initializer, computed once per run of its file. */
  private globalOf(decl: ts.Node): Taint {
    let value = this.state.globals.get(decl);
    if (!value) {
      value = EMPTY;
      if (!this.globalsInProgress.has(decl)) {
        this.globalsInProgress.add(decl);
        try {
          value = this.initializerValue(decl);
        } finally {
          this.globalsInProgress.delete(decl);
        }
        this.state.setGlobal(decl, value);
      }
    }
    return value;
  }

  private initializerValue(decl: ts.Node): Taint {
    if (!isVariableDeclaration(decl) || !decl.initializer) return EMPTY;
    const sf = decl.getSourceFile();
    if (sf.isDeclarationFile) return EMPTY;
    return new FunctionEvaluator(this, undefined, sf).valueOfDetached(decl.initializer);
  }
}

/** The module specifiers of a file's imports, re-exports and requires. */
function moduleSpecifiers(sf: ts.SourceFile): ts.StringLiteralLike[] {
  const out: ts.StringLiteralLike[] = [];
  const dynamic = sf.text.includes('require(') || sf.text.includes('import(');
  const visit = (node: ts.Node): void => {
    if ((isImportDeclaration(node) || isExportDeclaration(node)) && node.moduleSpecifier && isStringLiteralLike(node.moduleSpecifier)) out.push(node.moduleSpecifier);
    else if (isExternalModuleReference(node) && isStringLiteralLike(node.expression)) out.push(node.expression);
    else if (isCallExpression(node) && ((isIdentifier(node.expression) && node.expression.text === 'require') || node.expression.kind === SyntaxKind.ImportKeyword) &&
      node.arguments.length === 1 && isStringLiteralLike(node.arguments[0])) out.push(node.arguments[0]);
    if (dynamic) forEachChild(node, visit);
  };
  for (const st of sf.statements) visit(st);
  return out;
}

function countLabels(t: Taint, depth = 0): number {
  let n = t.labels.length;
  if (t.fields && depth < 4) for (const f of t.fields.values()) n += countLabels(f, depth + 1);
  return n;
}

