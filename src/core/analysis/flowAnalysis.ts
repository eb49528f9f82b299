/**
 * Whole-program flow analysis: computes a summary per function on demand (memoised), analyses every
 * function and every module body of the workspace once, and collects the sink hits whose labels are
 * concrete sources. Stores into object properties go to a heap keyed by property symbol; when a store
 * lands after a read of the same property, the program is analysed again (a few rounds at most).
 */
import ts = require('typescript');
import type { RegionCatalog } from '../vocabulary/regionTypes';
import type { Annotation } from '../annotations/types';
import { CallGate } from './callGate';
import { DestinationGate } from './destinationGate';
import { DestinationResolver } from './destinations';
import { FunctionEvaluator } from './evaluator';
import type { Hit, SinkSite, Summary } from './flowTypes';
import { EMPTY, join, labelKey, type Label, type Taint } from './labels';
import { isFunctionWithBody, type FunctionLike } from './nodes';
import { SourceResolver, type AnnotationLookup } from './sources';

const MAX_ROUNDS = 4;
const EMPTY_SUMMARY: Summary = { returns: EMPTY, hits: [], heapWrites: [] };

export interface FlowInputs {
  readonly program: ts.Program;
  /** The workspace files to analyse. */
  readonly files: readonly ts.SourceFile[];
  readonly annotations: ReadonlyMap<ts.Node, Annotation>;
  readonly regions: RegionCatalog;
  /** Checked between functions; when it returns true the analysis stops early. */
  readonly isCancelled?: () => boolean;
}

interface Collected {
  readonly site: SinkSite;
  readonly labels: Map<string, Label>;
}

export class CancelledError extends Error {
  constructor() {
    super('The analysis was cancelled.');
  }
}

export class FlowAnalysis {
  readonly checker: ts.TypeChecker;
  readonly sources: SourceResolver;
  readonly destinations: DestinationResolver;
  readonly calls: CallGate;
  private readonly heap = new Map<ts.Symbol, Taint>();
  private heapRead = new Set<ts.Symbol>();
  private dirty = false;
  private summaries = new Map<FunctionLike, Summary>();
  private readonly inProgress = new Set<FunctionLike>();
  private globals = new Map<ts.Symbol, Taint>();
  private readonly globalsInProgress = new Set<ts.Symbol>();
  private collected = new Map<string, Collected>();
  private readonly resolvers = new Map<ts.Symbol, Taint>();

  constructor(private readonly inputs: FlowInputs) {
    this.checker = inputs.program.getTypeChecker();
    this.sources = new SourceResolver(inputs.program, this.checker, inputs.annotations);
    this.calls = new CallGate(inputs.files);
    this.destinations = new DestinationResolver(this.checker, inputs.annotations, inputs.regions, new DestinationGate(inputs.files, inputs.annotations));
  }

  get annotations(): AnnotationLookup {
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
    for (let round = 0; round < MAX_ROUNDS; round++) {
      this.dirty = false;
      this.heapRead = new Set();
      this.summaries = new Map();
      this.globals = new Map();
      this.collected = new Map();
      for (const sf of this.inputs.files) {
        this.analyseFile(sf);
        yield;
      }
      if (!this.dirty) break;
    }
  }

  hits(): Hit[] {
    return [...this.collected.values()].map((c) => ({ site: c.site, labels: [...c.labels.values()] }));
  }

  private analyseFile(sf: ts.SourceFile): void {
    if (this.inputs.isCancelled?.()) throw new CancelledError();
    try {
      new FunctionEvaluator(this, undefined).runModule(sf);
      const visit = (node: ts.Node): void => {
        if (isFunctionWithBody(node) && !isInlineCallback(node)) this.summaryOf(node);
        ts.forEachChild(node, visit);
      };
      visit(sf);
    } catch (e) {
      if (e instanceof CancelledError) throw e;
      this.failures.set(sf.fileName, e instanceof RangeError ? 'it is nested too deeply to analyse' : `the analysis failed (${(e as Error).message})`);
    }
  }

  /** Files whose analysis failed, with the reason; the rest of the workspace is still analysed. */
  readonly failures = new Map<string, string>();

  summaryOf(fn: FunctionLike): Summary {
    const done = this.summaries.get(fn);
    if (done) return done;
    if (this.inProgress.has(fn)) return EMPTY_SUMMARY;
    this.inProgress.add(fn);
    try {
      const summary = new FunctionEvaluator(this, fn).runFunction();
      this.summaries.set(fn, summary);
      return summary;
    } finally {
      this.inProgress.delete(fn);
    }
  }

  /** Records a sink reached by concrete sources. */
  report(site: SinkSite, labels: readonly Label[]): void {
    if (labels.length === 0) return;
    const key = `${site.loc.file}:${site.loc.line}:${site.loc.column}:${site.loc.endLine}:${site.loc.endColumn}`;
    let c = this.collected.get(key);
    if (!c) this.collected.set(key, (c = { site, labels: new Map() }));
    for (const l of labels) {
      const k = labelKey(l);
      if (!c.labels.has(k)) c.labels.set(k, l);
    }
  }

  /** What has been stored into a property or variable so far; a later store that adds to it makes the analysis run again. */
  heapGet(sym: ts.Symbol, peek = false): Taint {
    if (!peek) this.heapRead.add(sym);
    return this.heap.get(sym) ?? EMPTY;
  }

  heapAdd(sym: ts.Symbol, value: Taint): void {
    const before = this.heap.get(sym) ?? EMPTY;
    const after = join(before, value);
    if (after === before) return;
    const grew = countLabels(after) > countLabels(before);
    this.heap.set(sym, after);
    if (grew && this.heapRead.has(sym)) this.dirty = true;
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
  globalValue(sym: ts.Symbol): Taint {
    let value = this.globals.get(sym);
    if (!value) {
      value = EMPTY;
      if (!this.globalsInProgress.has(sym)) {
        this.globalsInProgress.add(sym);
        try {
          value = this.initializerValue(sym);
        } finally {
          this.globalsInProgress.delete(sym);
        }
        this.globals.set(sym, value);
      }
    }
    return join(value, this.heapGet(sym));
  }

  private initializerValue(sym: ts.Symbol): Taint {
    const decl = sym.valueDeclaration;
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return EMPTY;
    if (decl.getSourceFile().isDeclarationFile) return EMPTY;
    return new FunctionEvaluator(this, undefined).valueOfDetached(decl.initializer);
  }
}

/** A closure passed directly as an argument: it is analysed in place, in its caller's context. */
function isInlineCallback(node: ts.Node): boolean {
  return (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && !!node.parent &&
    (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent)) && node.parent.expression !== node;
}

function countLabels(t: Taint, depth = 0): number {
  let n = t.labels.length;
  if (t.fields && depth < 4) for (const f of t.fields.values()) n += countLabels(f, depth + 1);
  return n;
}
