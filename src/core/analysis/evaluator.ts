/**
 * The abstract interpreter of one function body (or module body): walks statements in order, keeps
 * locals flow-sensitively in an Env, computes the taint of every expression, and records sink hits.
 * Calls are handled by CallEvaluator (calls.ts). Parameters start as parameter labels, so the result is
 * the function's Summary.
 */
import ts = require('typescript');
import { CallEvaluator } from './calls';
import { constantTaint, foldBinary, joinPaths, literalValue, stepped, truthiness } from './conditions';
import { Env } from './env';
import type { FlowAnalysis } from './flowAnalysis';
import type { ArgWrite, HeapWrite, Hit, ParamCall, SinkSite, Summary } from './flowTypes';
import { SiteKey, typeSiteOf, type HeapKey } from './heapKeys';
import { memberPath, writeAtPath, type MemberPath } from './objectPaths';
import { isNestedIn, type CallTarget, type ParamTargets } from './functionValues';
import {
  addHop, ELEMENT, EMPTY, flat, flatten, isEmpty, join, joinAll, mapLabels, readElement, readField, readUndeclaredField, REJECTED, unionLabels, WHOLE_ONLY, wholeOnly, withoutConstant, withoutField, type Label, type Taint,
} from './labels';
import { CLEAN_PROPERTIES } from './libraryModels';
import { ASSIGNMENT_OPERATORS, declaredIn, enclosingFunction, valueParameters, isFunctionWithBody, isPrimitiveTypeNode, locOf, propertyNameText, skipOuterExpressions, skipParenthesesAndNonNull, type FunctionLike } from './nodes';

/** The TypeScript functions and enums this module uses, bound once: the `ts` namespace object is slow to read from. */
const { NodeFlags, SymbolFlags, SyntaxKind, isCatchClause, isArrayLiteralExpression, isArrowFunction, isBinaryExpression, isBindingElement, isBlock, isDefaultClause, isDoStatement, isElementAccessExpression, isExportAssignment, isExpressionStatement, isForInStatement, isForOfStatement, isForStatement, isIdentifier, isIfStatement, isLabeledStatement, isNumericLiteral, isObjectBindingPattern, isObjectLiteralExpression, isOmittedExpression, isParameter, isParameterPropertyDeclaration, isPropertyAccessExpression, isPropertyAssignment, isReturnStatement, isShorthandPropertyAssignment, isSpreadAssignment, isSpreadElement, isStringLiteralLike, isSwitchStatement, isTemplateExpression, isThrowStatement, isTryStatement, isVariableDeclaration, isVariableDeclarationList, isVariableStatement, isWhileStatement } = ts;

const MAX_INLINE_DEPTH = 12;
/** Compound assignments that compute a new number (their result is folded or unknown, never the old value). */
const COUNTING_ASSIGNMENTS = new Set([SyntaxKind.MinusEqualsToken, SyntaxKind.AsteriskEqualsToken, SyntaxKind.SlashEqualsToken, SyntaxKind.PercentEqualsToken]);

/** Whether a chain's operand with this value stops the chain (`&&` on falsy, `||` on truthy, `??` on non-null). */
function shortCircuits(op: ts.SyntaxKind, v: Taint): boolean {
  if (v.constant === undefined) return false;
  if (op === SyntaxKind.AmpersandAmpersandToken) return !v.constant;
  if (op === SyntaxKind.BarBarToken) return Boolean(v.constant);
  return op === SyntaxKind.QuestionQuestionToken && v.constant !== null;
}
const CHAINED_OPERATORS = new Set([
  SyntaxKind.PlusToken, SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken, SyntaxKind.AmpersandAmpersandToken, SyntaxKind.CommaToken,
]);
/** Deeper expressions (minified or generated code) make the file be reported instead of overflowing the stack. */
const MAX_EXPRESSION_DEPTH = 2000;

/** The `new` expressions a try block throws, when it throws nothing else and calls nothing that could. */
function thrownAllocations(block: ts.Block): readonly ts.Node[] | undefined {
  const sites: ts.Node[] = [];
  let other = false;
  const visit = (n: ts.Node): void => {
    if (other || isFunctionWithBody(n)) return;
    if (isThrowStatement(n)) {
      const e = skipOuterExpressions(n.expression);
      if (e.kind === SyntaxKind.NewExpression) {
        sites.push(e);
        ts.forEachChild(e, visit);
        return;
      }
      other = true;
      return;
    }
    if (n.kind === SyntaxKind.CallExpression || n.kind === SyntaxKind.AwaitExpression || n.kind === SyntaxKind.NewExpression) {
      other = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(block);
  return other || sites.length === 0 ? undefined : sites;
}

/** The declaration a store is keyed by: stable across Programs for files that did not change. */
function heapKey(target: ts.Symbol | ts.Node): ts.Node | undefined {
  if ('kind' in target) return target;
  return target.valueDeclaration ?? target.declarations?.[0];
}

export class FunctionEvaluator {
  env: Env = new Env();
  returns: Taint = EMPTY;
  /** Sinks reached by parameter labels, merged per sink site. */
  private readonly paramHits = new Map<string, { site: SinkSite; labels: readonly Label[] }>();
  /** Stores of parameter labels, merged per stored declaration (callees' stores would otherwise pile up). */
  private readonly paramStores = new Map<HeapKey, Taint>();
  /** Calls of the function's own parameters (callbacks), arguments merged per parameter. */
  private readonly paramCalls = new Map<number, Taint[]>();
  /** Stores into member paths of parameters' values, merged per parameter and path. */
  private readonly argWrites = new Map<string, ArgWrite>();
  /** Per stored key: the parameter whose object every store of parameter labels went through (null: not one). */
  private readonly storeThrough = new Map<HeapKey, number | null>();
  /** What the code analysed so far throws (caught by an enclosing try, else the function's `throws`). */
  thrown: Taint = EMPTY;
  /** What the caller of a closure analysed in place passed for its function-valued parameters. */
  private readonly paramFns = new Map<ts.ParameterDeclaration, readonly CallTarget[]>();
  private readonly calls: CallEvaluator;
  private readonly thisSymbolKey = {} as ts.Symbol;
  private exprDepth = 0;
  /** Whether the code is JavaScript, whose members are often read off values typed `any`. */
  private readonly untyped: boolean;
  private peeking = 0;

  constructor(
    readonly analysis: FlowAnalysis,
    readonly fn: FunctionLike | undefined,
    /** The file whose code this evaluation analyses: what it finds is attributed to that file. */
    private readonly owner: ts.SourceFile,
    private readonly outer?: FunctionEvaluator,
    private readonly depth = 0,
  ) {
    this.calls = new CallEvaluator(this);
    this.untyped = /\.[cm]?jsx?$/.test(owner.fileName);
  }

  get checker(): ts.TypeChecker {
    return this.analysis.checker;
  }

  // ---- entry points ----

  runFunction(): Summary {
    const fn = this.fn!;
    this.env.declare(this.thisSymbolKey, { labels: [{ kind: 'param', index: -1, path: [], transform: {}, hops: [] }] });
    valueParameters(fn).forEach((p, i) => this.bindParameter(p, i));
    this.runBody(fn);
    const hits: Hit[] = [...this.paramHits.values()];
    const heapWrites: HeapWrite[] = [...this.paramStores].map(([key, value]) => ({ key, value, through: this.storeThrough.get(key) ?? undefined }));
    const paramCalls: ParamCall[] = [...this.paramCalls].map(([index, args]) => ({ index, args }));
    const throws = mapLabels(this.thrown, (l) => l);
    return { returns: this.returns, hits, heapWrites, paramCalls, argWrites: [...this.argWrites.values()], throws };
  }

  runModule(sf: ts.SourceFile): void {
    this.statements(sf.statements);
  }

  /** The value of an expression evaluated outside any function (module-level initializers). */
  valueOfDetached(e: ts.Expression): Taint {
    return this.expr(e);
  }

  /**
   * Analyses a closure in place: its parameters get the given values (and, for function-valued ones, the
   * functions the caller passed), captured variables come from here (or from `scope`, the environment of
   * the call that created the closure).
   */
  inlineClosure(fn: FunctionLike, args: readonly Taint[], argTargets?: readonly (readonly CallTarget[] | undefined)[], scope?: Env): Taint {
    return this.inline(fn, args, argTargets, scope)?.returns ?? EMPTY;
  }

  /** The variables of a function analysed in place to the end of its body (the scope of the closures it returns). */
  scopeAfter(fn: FunctionLike, args: readonly Taint[]): Env | undefined {
    return this.inline(fn, args, undefined, undefined)?.env;
  }

  private inline(fn: FunctionLike, args: readonly Taint[], argTargets: readonly (readonly CallTarget[] | undefined)[] | undefined, scope: Env | undefined): FunctionEvaluator | undefined {
    if (this.depth >= MAX_INLINE_DEPTH || this.isInlining(fn)) return undefined;
    const inner = new FunctionEvaluator(this.analysis, fn, this.owner, this, this.depth + 1);
    inner.env = new Env(scope ?? this.env);
    if (!isArrowFunction(fn)) inner.env.declare(inner.thisSymbolKey, EMPTY);
    valueParameters(fn).forEach((p, i) => {
      const targets = argTargets?.[i];
      if (targets && targets.length > 0) inner.paramFns.set(p, targets);
      inner.bindPattern(p.name, args[i] ?? EMPTY, p);
    });
    inner.runBody(fn);
    this.thrown = join(this.thrown, inner.thrown);
    return inner;
  }

  /** Whether `fn` is being analysed in place by this evaluator or one enclosing it (recursion is summarised instead). */
  private isInlining(fn: FunctionLike): boolean {
    return this.chain().some((e) => e.outer !== undefined && e.fn === fn);
  }

  /** This evaluator and the ones it is nested in, innermost first. */
  private chain(): FunctionEvaluator[] {
    const out: FunctionEvaluator[] = [this];
    for (let e = this.outer; e; e = e.outer) out.push(e);
    return out;
  }

  /**
   * Whether a function is written inside the code this evaluator analyses, so that a call to it is analysed
   * in place: it sees and writes the variables it captures (SPEC §6.2 v2), which its summary cannot.
   */
  inScope(fn: FunctionLike): boolean {
    const k = fn.kind;
    if (k !== SyntaxKind.ArrowFunction && k !== SyntaxKind.FunctionExpression && k !== SyntaxKind.FunctionDeclaration) return false;
    const visible = this.chain().some((e) => (e.fn ? isNestedIn(fn, e.fn) : fn.getSourceFile() === this.owner && enclosingFunction(fn) === undefined));
    return visible && !this.isInlining(fn);
  }

  /** The functions a parameter of a closure analysed in place was given (see FunctionValues). */
  readonly paramTargets: ParamTargets = (p) => this.paramFns.get(p) ?? this.outer?.paramTargets(p);

  /** A call of a parameter: recorded in the summary of the function it belongs to, when that is the one summarised. */
  recordParamCall(param: ts.ParameterDeclaration, args: readonly Taint[]): void {
    if (this.outer) return this.outer.recordParamCall(param, args);
    const index = this.fn ? valueParameters(this.fn).indexOf(param) : -1;
    if (index < 0) return;
    const had = this.paramCalls.get(index) ?? [];
    this.paramCalls.set(index, args.map((a, i) => join(had[i] ?? EMPTY, a)).concat(had.slice(args.length)));
  }

  private runBody(fn: FunctionLike): void {
    const body = fn.body!;
    if (isBlock(body)) this.statements(body.statements);
    else this.returnValue(this.expr(body), body);
  }

  private bindParameter(p: ts.ParameterDeclaration, index: number): void {
    const label: Label = { kind: 'param', index, path: [], transform: {}, hops: [] };
    const typed = this.typeTaintOf(p.name);
    let value = join({ labels: [label] }, typed);
    if (p.initializer) value = join(value, this.expr(p.initializer));
    this.bindPattern(p.name, value, p);
    if (isParameterPropertyDeclaration(p, p.parent) && isIdentifier(p.name)) {
      const [, prop] = this.checker.getSymbolsOfParameterPropertyDeclaration(p, p.name.text);
      if (prop) this.storeHeap(prop, value, -1);
    }
  }

  // ---- hits, heap ----

  /** Labels reaching a sink: concrete sources are reported, parameter labels go into the summary. */
  hit(site: SinkSite, labels: readonly Label[]): void {
    if (labels.length === 0) return;
    if (this.outer) return this.outer.hit(site, labels);
    const concrete = labels.filter((l) => l.kind === 'source');
    const params = labels.filter((l) => l.kind === 'param');
    if (concrete.length > 0) this.analysis.report(this.owner.fileName, site, concrete);
    // A read left to the callers may also be made by callers the program does not show (a framework calling
    // a handler): here it reads what was stored through any object.
    const deferred = params.filter((l) => l.kind === 'param' && l.stored !== undefined);
    if (deferred.length > 0) this.analysis.report(this.owner.fileName, site, flatten(joinAll(deferred.map((l) => this.storedThroughAny(l)))));
    if (params.length > 0 && this.fn) {
      const l = site.loc;
      const key = `${l.file}:${l.line}:${l.column}:${l.endLine}:${l.endColumn}`;
      this.paramHits.set(key, { site, labels: unionLabels(this.paramHits.get(key)?.labels ?? [], params) });
    }
  }

  /**
   * A store into a property or module variable (keyed by its declaration, and allocation site when known);
   * `through`: the parameter (-1: the receiver) whose object is stored into, for the callers to direct it.
   */
  storeHeap(target: ts.Symbol | HeapKey, value: Taint, through?: number): void {
    const key = target instanceof SiteKey ? target : heapKey(target as ts.Symbol | ts.Node);
    if (!key) return;
    if (this.outer) return this.outer.storeHeap(key, value);
    const concrete = mapLabels(value, (l) => (l.kind === 'source' ? l : undefined));
    const params = mapLabels(value, (l) => (l.kind === 'param' ? l : undefined));
    if (!isEmpty(concrete)) this.analysis.heapAdd(this.owner.fileName, key, concrete);
    if (!isEmpty(params) && this.fn) {
      this.paramStores.set(key, join(this.paramStores.get(key) ?? EMPTY, params));
      const had = this.storeThrough.get(key);
      this.storeThrough.set(key, had === undefined || had === through ? through ?? null : null);
    }
  }

  /** A store into a property through the object an expression evaluates to: per allocation site when that is known. */
  storeThroughObject(base: ts.Expression, sym: ts.Symbol, value: Taint): void {
    const decl = heapKey(sym);
    if (decl) this.storeInto(decl, base, value);
  }

  /**
   * A store into the property `decl` of the object `base` evaluates to: per allocation site when known; the
   * summarised function's parameter tells its callers; else per generic type when the type is closed
   * (`OrmRepository<User>`), or untyped.
   */
  storeInto(decl: ts.Node, base: ts.Expression | undefined, value: Taint): void {
    const sites = base && this.allocationSites(base);
    if (sites) return void sites.forEach((s) => this.storeHeap(this.analysis.siteKey(decl, s), value));
    const through = base && this.parameterIndexOf(base);
    const typeSite = base && !isEmpty(value) ? typeSiteOf(this.checker, base, decl) : undefined;
    if (!typeSite) return this.storeHeap(decl, value, through);
    const typed = this.analysis.siteKey(decl, typeSite);
    if (through === undefined) return this.storeHeap(typed, value);
    // Through a parameter of a closed generic type: the data known here is kept by type, the callers direct the rest.
    this.storeHeap(typed, mapLabels(value, (l) => (l.kind === 'source' ? l : undefined)));
    this.storeHeap(decl, mapLabels(value, (l) => (l.kind === 'param' ? l : undefined)), through);
  }

  /** A deferred read (`stored` label) made where no caller is known: the stores through any object of the parameter's type, then its path. */
  private storedThroughAny(l: Label): Taint {
    if (l.kind !== 'param' || !l.stored) return EMPTY;
    const sites = l.stored.typeSite === undefined ? undefined : [l.stored.typeSite];
    let v = this.analysis.heapReadThrough(l.stored.decl, sites, this.peeking > 0, this.owner.fileName);
    for (const key of l.path) v = readField(v, key);
    return l.whole ? flat(v) : v;
  }

  /** What was stored into the property `decl` of the object made at `site`. */
  readStoredAt(decl: ts.Node, site: ts.Node): Taint {
    return this.analysis.heapReadThrough(decl, [site], this.peeking > 0, this.owner.fileName);
  }

  /**
   * What was stored into the property `decl` through the object `base` evaluates to (undefined: unknown).
   * When stores were made per object and `base` is the summarised function's parameter, the read is left to
   * the callers, who know the object: a parameter label that stands for the read (SPEC §6.2 v2).
   */
  readStored(decl: ts.Node, base: ts.Expression | undefined): Taint {
    const peek = this.peeking > 0;
    const reader = this.owner.fileName;
    if (!base || !this.analysis.hasSiteStores(decl)) return this.analysis.heapReadThrough(decl, undefined, peek, reader);
    const sites = this.allocationSites(base);
    if (sites) return this.analysis.heapReadThrough(decl, sites, peek, reader);
    const index = this.parameterIndexOf(base);
    const typeSite = typeSiteOf(this.checker, base, decl);
    if (index !== undefined) {
      const stored = { decl, key: `${decl.getSourceFile().fileName}:${decl.pos}`, typeSite };
      return { labels: [{ kind: 'param', index, path: [], transform: {}, hops: [], stored }] };
    }
    return this.analysis.heapReadThrough(decl, typeSite === undefined ? undefined : [typeSite], peek, reader);
  }

  /**
   * The `new` expressions an expression's object certainly comes from: a `new` itself, a `const` local
   * holding one (or holding such a local), a catch variable whose try block only throws `new` objects.
   * Undefined when unknown.
   */
  allocationSites(e: ts.Expression, depth = 0): readonly ts.Node[] | undefined {
    const x = skipOuterExpressions(e);
    if (x.kind === SyntaxKind.NewExpression) return [x];
    if (!isIdentifier(x) || depth > 3) return undefined;
    const sym = this.checker.getSymbolAtLocation(x);
    const decl = sym?.valueDeclaration;
    if (!sym || !decl || !this.env.has(sym) || !isVariableDeclaration(decl)) return undefined;
    if (isCatchClause(decl.parent)) return thrownAllocations(decl.parent.parent.tryBlock);
    if (!decl.initializer || !(ts.getCombinedNodeFlags(decl) & NodeFlags.Const)) return undefined;
    return this.allocationSites(decl.initializer, depth + 1);
  }

  /** The parameter (-1: the receiver) an expression is, in the function this evaluator summarises. */
  parameterIndexOf(e: ts.Expression): number | undefined {
    if (this.outer || !this.fn) return undefined;
    const x = skipOuterExpressions(e);
    if (x.kind === SyntaxKind.ThisKeyword) return -1;
    if (!isIdentifier(x)) return undefined;
    const decl = this.checker.getSymbolAtLocation(x)?.valueDeclaration;
    if (!decl || !isParameter(decl) || decl.parent !== this.fn) return undefined;
    const i = valueParameters(this.fn).indexOf(decl);
    return i < 0 ? undefined : i;
  }

  /**
   * `value` written at a member path below a variable (or `this`): the variable's value is updated (replacing
   * the member, or adding to it), and when the root is a parameter of the function summarised, the summary
   * records it for the callers.
   */
  writeAtMember(mp: MemberPath, below: readonly string[], value: Taint, strong: boolean): void {
    const path = mp.complete ? [...mp.path, ...below] : mp.path;
    const whole = !mp.complete;
    if (mp.root.kind === SyntaxKind.Identifier) {
      const sym = this.checker.getSymbolAtLocation(mp.root);
      if (sym && this.env.has(sym)) this.env.assign(sym, writeAtPath(this.env.get(sym) ?? EMPTY, path, value, strong && !whole));
    }
    const index = this.parameterIndexOf(mp.root as ts.Expression);
    if (index === undefined || isEmpty(value)) return;
    const key = `${index}:${path.join('\u0000')}`;
    const had = this.argWrites.get(key);
    this.argWrites.set(key, { index, path, value: had ? join(had.value, value) : value });
  }

  makeSite(node: ts.Node, destination: SinkSite['destination']): SinkSite {
    const bases = [...destination.bases, ...this.analysis.destinations.basesAround(node)];
    return { node, loc: locOf(node), destination, bases };
  }

  private returnValue(value: Taint, node: ts.Node): void {
    this.returns = join(this.returns, value);
    const fn = this.fn;
    if (!fn) return;
    const exposure = this.analysis.destinations.ofExposure(fn);
    if (exposure) this.hit(this.makeSite(node, exposure), flatten(value));
  }

  // ---- statements ----

  statements(list: readonly ts.Statement[]): void {
    for (const s of list) this.statement(s);
  }

  private statement(s: ts.Statement): void {
    if (isVariableStatement(s)) this.variableList(s.declarationList);
    else if (isExpressionStatement(s)) this.expr(s.expression);
    else if (isReturnStatement(s)) this.returnValue(s.expression ? this.expr(s.expression) : EMPTY, s.expression ?? s);
    else if (isIfStatement(s)) this.ifStatement(s);
    else if (isBlock(s)) this.statements(s.statements);
    else if (isForOfStatement(s) || isForInStatement(s)) this.forEachLoop(s);
    else if (isForStatement(s)) this.forLoop(s);
    else if (isWhileStatement(s)) this.loop(() => { if (truthiness(this.expr(s.expression)) !== false) this.statement(s.statement); });
    else if (isDoStatement(s)) this.loop(() => { this.statement(s.statement); this.expr(s.expression); });
    else if (isSwitchStatement(s)) this.switchStatement(s);
    else if (isTryStatement(s)) this.tryStatement(s);
    else if (isLabeledStatement(s)) this.statement(s.statement);
    else if (isThrowStatement(s)) this.thrown = join(this.thrown, this.expr(s.expression));
    else if (isExportAssignment(s)) this.expr(s.expression);
    else if (s.kind === SyntaxKind.ClassDeclaration) this.classDeclaration(s as ts.ClassDeclaration);
  }

  /**
   * What runs when a class is defined: static blocks and static initializers; instance property initializers
   * are stored for every instance (they run in each constructor, before its body).
   */
  private classDeclaration(c: ts.ClassDeclaration): void {
    for (const m of c.members) {
      if (m.kind === SyntaxKind.ClassStaticBlockDeclaration) this.statements((m as ts.ClassStaticBlockDeclaration).body.statements);
      else if (m.kind === SyntaxKind.PropertyDeclaration && (m as ts.PropertyDeclaration).initializer) {
        const p = m as ts.PropertyDeclaration;
        const value = this.expr(p.initializer!);
        if (!isEmpty(value)) this.storeHeap(p, addHop(value, { at: p.name, note: `stored in ${p.name.getText()}` }));
      }
    }
  }

  private variableList(list: ts.VariableDeclarationList): void {
    for (const d of list.declarations) {
      const value = d.initializer ? this.expr(d.initializer) : EMPTY;
      const named = isIdentifier(d.name) ? addHop(value, { at: d.name, note: `assigned to ${d.name.text}` }) : value;
      this.bindPattern(d.name, named, d);
      if (d.initializer && isIdentifier(d.name)) this.checkAssignmentSink(d.name, d.initializer, named);
    }
  }

  /**
   * `if`: a condition known to be constant runs one branch only; a test of a condition variable refines the
   * variables that depend on it (Env guards) and records which of them the branches left different.
   */
  private ifStatement(s: ts.IfStatement): void {
    const known = truthiness(this.expr(s.expression));
    if (known !== undefined) {
      const taken = known ? s.thenStatement : s.elseStatement;
      if (taken) this.statement(taken);
      return;
    }
    const test = this.conditionVariable(s.expression);
    const base = this.env;
    const thenEnv = base.fork();
    if (test) thenEnv.refine(test.sym, !test.negated);
    this.env = thenEnv;
    this.statement(s.thenStatement);
    const thenAfter = this.env;
    const elseEnv = base.fork();
    if (test) elseEnv.refine(test.sym, test.negated);
    this.env = elseEnv;
    if (s.elseStatement) this.statement(s.elseStatement);
    const elseAfter = this.env;
    this.env = Env.joinAll(base, [thenAfter, elseAfter]);
    if (test) this.env.guardOn(test.sym, base, test.negated ? elseAfter : thenAfter, test.negated ? thenAfter : elseAfter);
  }

  /** `c` or `!c` where `c` is a variable of this scope: the variable, and whether the test is negated. */
  private conditionVariable(e: ts.Expression): { sym: ts.Symbol; negated: boolean } | undefined {
    let x = skipOuterExpressions(e);
    let negated = false;
    while (x.kind === SyntaxKind.PrefixUnaryExpression && (x as ts.PrefixUnaryExpression).operator === SyntaxKind.ExclamationToken) {
      negated = !negated;
      x = skipOuterExpressions((x as ts.PrefixUnaryExpression).operand);
    }
    if (!isIdentifier(x)) return undefined;
    const sym = this.checker.getSymbolAtLocation(x);
    return sym && this.env.valueOf(sym) !== undefined ? { sym, negated } : undefined;
  }

  /** A loop body runs twice (what one pass leaves reaches the next), or once when the first pass changes nothing. */
  private loop(body: () => void): void {
    for (let i = 0; i < 2; i++) {
      const before = this.env.fork();
      const outer = this.env.outerVersion();
      body();
      this.env = Env.joinAll(before, [before, this.env]);
      if (this.env.outerVersion() === outer && this.env.sameAs(before)) break;
    }
  }

  private forEachLoop(s: ts.ForOfStatement | ts.ForInStatement): void {
    const collection = this.expr(s.expression);
    this.loop(() => {
      const init = s.initializer;
      const elementNode = isVariableDeclarationList(init) ? init.declarations[0]?.name : init;
      const element = isForInStatement(s) ? EMPTY : this.elementValue(collection, elementNode);
      if (isVariableDeclarationList(init)) {
        for (const d of init.declarations) this.bindPattern(d.name, element, d);
      } else this.assignTo(init, element, init);
      this.statement(s.statement);
    });
  }

  private forLoop(s: ts.ForStatement): void {
    if (s.initializer) {
      if (isVariableDeclarationList(s.initializer)) this.variableList(s.initializer);
      else this.expr(s.initializer);
    }
    this.loop(() => {
      if (s.condition && truthiness(this.expr(s.condition)) === false) return;
      this.statement(s.statement);
      if (s.incrementor) this.expr(s.incrementor);
    });
  }

  private switchStatement(s: ts.SwitchStatement): void {
    this.expr(s.expression);
    const base = this.env;
    const branches: Env[] = [];
    let hasDefault = false;
    for (const clause of s.caseBlock.clauses) {
      if (isDefaultClause(clause)) hasDefault = true;
      else this.expr(clause.expression);
      this.env = base.fork();
      this.statements(clause.statements);
      branches.push(this.env);
    }
    if (!hasDefault) branches.push(base.fork());
    this.env = Env.joinAll(base, branches);
  }

  /** A try block's throws reach its catch variable; what is not caught (or is thrown again) goes on outward. */
  private tryStatement(s: ts.TryStatement): void {
    const base = this.env.fork();
    const outerThrown = this.thrown;
    this.thrown = EMPTY;
    this.statements(s.tryBlock.statements);
    const caught = this.thrown;
    this.thrown = outerThrown;
    if (s.catchClause) {
      const afterTry = this.env;
      this.env = Env.joinAll(base, [base, afterTry]);
      const v = s.catchClause.variableDeclaration;
      if (v) this.bindPattern(v.name, join(caught, this.typeTaintOf(v.name)), v);
      this.statements(s.catchClause.block.statements);
      this.env = Env.joinAll(base, [afterTry, this.env]);
    } else this.thrown = join(this.thrown, caught);
    if (s.finallyBlock) this.statements(s.finallyBlock.statements);
  }

  // ---- bindings and assignments ----

  /** Binds a declaration name (identifier or destructuring pattern) to a value. */
  bindPattern(name: ts.BindingName, value: Taint, decl: ts.Node): void {
    if (isIdentifier(name)) {
      const sym = this.checker.getSymbolAtLocation(name);
      if (sym) this.env.declare(sym, value);
      return;
    }
    if (isObjectBindingPattern(name)) {
      const named: string[] = [];
      for (const el of name.elements) {
        if (el.dotDotDotToken) {
          this.bindPattern(el.name, this.restOf(value, named), el);
          continue;
        }
        const key = propertyNameText(el.propertyName ?? (isIdentifier(el.name) ? el.name : undefined));
        if (key === undefined) {
          this.bindPattern(el.name, flat(value), el);
          continue;
        }
        named.push(key);
        const member = this.sourceOfBindingElement(name, key, el);
        let v = join(member.declared ? readField(value, key) : readUndeclaredField(value, key), member.value);
        if (el.initializer) v = join(v, this.expr(el.initializer));
        this.bindPattern(el.name, v, el);
      }
      return;
    }
    name.elements.forEach((el, i) => {
      if (isOmittedExpression(el)) return;
      let v = el.dotDotDotToken ? flat(value) : join(readElement(value, String(i)), this.typeTaintOf(el.name));
      if (el.initializer) v = join(v, this.expr(el.initializer));
      this.bindPattern(el.name, v, decl);
    });
  }

  private restOf(value: Taint, named: readonly string[]): Taint {
    if (!value.fields) return value;
    const fields = new Map([...value.fields].filter(([k]) => !named.includes(k)));
    return { labels: value.labels, fields };
  }

  /**
   * A destructured property read by symbol: `const { phoneNumber } = user`; `declared` when the value's type
   * declares the member (then the value's whole-only labels do not reach it).
   */
  private sourceOfBindingElement(pattern: ts.ObjectBindingPattern, key: string, el: ts.BindingElement): { value: Taint; declared: boolean } {
    // The initializer's written-down type when it has one (cheaper than typing the pattern).
    const init = isVariableDeclaration(pattern.parent) ? pattern.parent.initializer : undefined;
    const declared = init && this.analysis.symbols.declaredTypeOf(skipParenthesesAndNonNull(init));
    const prop = this.checker.getPropertyOfType(declared ?? this.checker.getTypeAtLocation(pattern), key);
    const info = this.analysis.sources.sourceOfSymbol(prop);
    const labels = info ? [this.analysis.sources.sourceLabel(info, el)] : [];
    // The property's declared type is the element's (kept per property, shared by every destructuring of it).
    const typed = declared && prop ? this.analysis.sources.symbolTypeTaint(prop) : this.typeTaintOf(el.name);
    return { value: join({ labels }, typed), declared: (prop?.declarations?.length ?? 0) > 0 };
  }

  /** `target = value` for any assignable expression. */
  assignTo(target: ts.Expression, value: Taint, valueNode: ts.Node): void {
    const t = skipOuterExpressions(target);
    if (isIdentifier(t)) {
      const sym = this.checker.getSymbolAtLocation(t);
      if (!sym) return;
      const hopped = addHop(value, { at: t, note: `assigned to ${t.text}` });
      if (this.env.has(sym) || (this.fn !== undefined && declaredIn(this.fn, sym))) this.env.assign(sym, hopped);
      else this.storeHeap(sym, hopped);
      this.checkAssignmentSink(t, valueNode, hopped);
      return;
    }
    if (isPropertyAccessExpression(t) || isElementAccessExpression(t)) {
      this.assignProperty(t, value, valueNode);
      return;
    }
    if (isObjectLiteralExpression(t) || isArrayLiteralExpression(t)) this.destructuringAssignment(t, value);
  }

  private assignProperty(t: ts.PropertyAccessExpression | ts.ElementAccessExpression, value: Taint, valueNode: ts.Node): void {
    const key = isPropertyAccessExpression(t) ? t.name.text : this.constantKey(t.argumentExpression);
    const base = skipOuterExpressions(t.expression);
    const nameNode = isPropertyAccessExpression(t) ? t.name : t.argumentExpression;
    const sym = this.checker.getSymbolAtLocation(nameNode);
    const hopped = addHop(value, { at: t, note: `stored in ${t.getText()}` });
    const mp = memberPath(base);
    if (mp) this.writeAtMember(key === undefined ? { ...mp, complete: false } : mp, key === undefined ? [] : [key], hopped, true);
    const setter = sym?.declarations?.find(ts.isSetAccessorDeclaration);
    if (setter && isFunctionWithBody(setter)) this.calls.applySummary(setter, this.expr(t.expression), [hopped], t);
    if (sym && (sym.declarations?.length ?? 0) > 0) this.storeThroughObject(base, sym, hopped);
    this.checkAssignmentSink(t, valueNode, hopped);
  }

  /** A member key written as a literal or as a `const` holding a string (`this[KEY]`). */
  constantKey(e: ts.Expression): string | undefined {
    const x = skipOuterExpressions(e);
    if (isStringLiteralLike(x) || isNumericLiteral(x)) return x.text;
    if (!isIdentifier(x)) return undefined;
    const t = this.checker.getTypeAtLocation(x);
    return t.isStringLiteral() ? t.value : t.isNumberLiteral() ? String(t.value) : undefined;
  }

  private destructuringAssignment(t: ts.ObjectLiteralExpression | ts.ArrayLiteralExpression, value: Taint): void {
    if (isArrayLiteralExpression(t)) {
      t.elements.forEach((el, i) => this.assignTo(isSpreadElement(el) ? el.expression : el, isSpreadElement(el) ? flat(value) : readElement(value, String(i)), el));
      return;
    }
    for (const p of t.properties) {
      if (isShorthandPropertyAssignment(p)) this.assignTo(p.name, readUndeclaredField(value, p.name.text), p);
      else if (isPropertyAssignment(p)) {
        const key = propertyNameText(p.name);
        this.assignTo(p.initializer, key === undefined ? flat(value) : readUndeclaredField(value, key), p);
      } else if (isSpreadAssignment(p)) this.assignTo(p.expression, value, p);
    }
  }

  private checkAssignmentSink(target: ts.Expression, valueNode: ts.Node, value: Taint): void {
    const dest = this.analysis.destinations.ofAssignmentTarget(target);
    if (dest) this.hit(this.makeSite(valueNode, dest), flatten(value));
  }


  // ---- expressions ----

  /** The labels a node's type carries; for a declared name, through its symbol (cached). */
  typeTaintOf(node: ts.Node): Taint {
    const memo = this.analysis.typeTaints;
    let t = memo.get(node);
    if (!t) memo.set(node, (t = this.computeTypeTaintOf(node)));
    return t;
  }

  private computeTypeTaintOf(node: ts.Node): Taint {
    if (isIdentifier(node) && node.parent && (isParameter(node.parent) || isVariableDeclaration(node.parent) || isBindingElement(node.parent)) && node.parent.name === node) {
      const typeNode = (node.parent as ts.ParameterDeclaration | ts.VariableDeclaration).type;
      if (typeNode && isPrimitiveTypeNode(typeNode)) return EMPTY;
      // A written-down named type: its labels, without asking for the declaration's type (kept per file and name).
      if (typeNode?.kind === SyntaxKind.TypeReference) return this.analysis.sources.typeTaint(this.analysis.symbols.typeOfTypeNode(typeNode));
      const sym = this.checker.getSymbolAtLocation(node);
      if (sym) return this.analysis.sources.symbolTypeTaint(sym);
    }
    return this.analysis.sources.typeTaint(this.checker.getTypeAtLocation(node));
  }

  /**
   * An element of a collection bound to `node`: the elements known by type (ELEMENT), the element's declared
   * type when it says more, else everything in the collection. What the collection carries only as a whole
   * stays whole-only in the element (the elements of a library call's result).
   */
  elementValue(collection: Taint, node: ts.Node | undefined): Taint {
    if (!collection.fields) return this.elementOf(collection, node);
    const whole = collection.fields.get(WHOLE_ONLY);
    const element = collection.fields.get(ELEMENT);
    const rest = withoutField(withoutField(collection, WHOLE_ONLY), ELEMENT);
    return join(join(element ?? EMPTY, this.elementOf(rest, node)), whole ? wholeOnly(flatten(whole)) : EMPTY);
  }

  private elementOf(collection: Taint, node: ts.Node | undefined): Taint {
    if (isEmpty(collection)) return EMPTY;
    const all = flatten(collection);
    // Only parameter labels: nothing a declared type could make more precise.
    if (!all.some((l) => l.kind === 'source')) return { labels: all };
    const typed = node ? this.typeTaintOf(node) : EMPTY;
    if (isEmpty(typed)) return flat(collection);
    // The declared element type is field-precise; add only sources it does not already account for.
    const typedKeys = new Set(flatten(typed).map((l) => (l.kind === 'source' ? l.source.key : '')));
    return join(typed, { labels: flatten(collection).filter((l) => l.kind === 'source' && !typedKeys.has(l.source.key)) });
  }

  expr(node: ts.Expression): Taint {
    if (++this.exprDepth > MAX_EXPRESSION_DEPTH) {
      this.exprDepth--;
      throw new RangeError('expression nesting too deep');
    }
    try {
      return this.exprInner(node);
    } finally {
      this.exprDepth--;
    }
  }

  private exprInner(node: ts.Expression): Taint {
    const e = skipOuterExpressions(node);
    const value = this.valueOf(e);
    return e === node ? value : join(value, this.assertedTypeTaint(node));
  }

  /**
   * The labels of the type an outermost `x as T` / `<T>x` asserts, when `T` is a named or literal object
   * type (SPEC §3.1: a value of an annotated type is a source whatever produced it).
   */
  private assertedTypeTaint(node: ts.Expression): Taint {
    let cur = node;
    while (cur.kind === SyntaxKind.ParenthesizedExpression) cur = (cur as ts.ParenthesizedExpression).expression;
    if (cur.kind !== SyntaxKind.AsExpression && cur.kind !== SyntaxKind.TypeAssertionExpression) return EMPTY;
    const type = (cur as ts.AsExpression).type;
    if (type.kind !== SyntaxKind.TypeReference && type.kind !== SyntaxKind.ArrayType && type.kind !== SyntaxKind.TypeLiteral) return EMPTY;
    const name = type.kind === SyntaxKind.TypeReference ? (type as ts.TypeReferenceNode).typeName : undefined;
    if (name?.kind === SyntaxKind.Identifier && name.escapedText === 'const') return EMPTY;
    return this.analysis.sources.typeTaint(this.analysis.symbols.typeOfTypeNode(type));
  }

  private valueOf(e: ts.Expression): Taint {
    switch (e.kind) {
      case SyntaxKind.Identifier: return this.identifier(e as ts.Identifier);
      case SyntaxKind.ThisKeyword: return this.env.get(this.thisSymbolKey) ?? EMPTY;
      case SyntaxKind.PropertyAccessExpression: return this.propertyAccess(e as ts.PropertyAccessExpression);
      case SyntaxKind.ElementAccessExpression: return this.elementAccess(e as ts.ElementAccessExpression);
      case SyntaxKind.CallExpression: return this.calls.call(e as ts.CallExpression);
      case SyntaxKind.NewExpression: return this.calls.newExpression(e as ts.NewExpression);
      case SyntaxKind.TaggedTemplateExpression: return this.taggedTemplate(e as ts.TaggedTemplateExpression);
      case SyntaxKind.BinaryExpression: return this.binary(e as ts.BinaryExpression);
      case SyntaxKind.ConditionalExpression: return this.conditional(e as ts.ConditionalExpression);
      case SyntaxKind.TemplateExpression: return joinAll((e as ts.TemplateExpression).templateSpans.map((s) => flat(this.expr(s.expression))));
      case SyntaxKind.ObjectLiteralExpression: return this.objectLiteral(e as ts.ObjectLiteralExpression);
      case SyntaxKind.ArrayLiteralExpression: return this.arrayLiteral(e as ts.ArrayLiteralExpression);
      case SyntaxKind.AwaitExpression: return this.awaited(this.expr((e as ts.AwaitExpression).expression));
      case SyntaxKind.YieldExpression: return (e as ts.YieldExpression).expression ? this.expr((e as ts.YieldExpression).expression!) : EMPTY;
      case SyntaxKind.SpreadElement: return flat(this.expr((e as ts.SpreadElement).expression));
      case SyntaxKind.PrefixUnaryExpression: return this.prefixUnary(e as ts.PrefixUnaryExpression);
      case SyntaxKind.PostfixUnaryExpression: return this.step((e as ts.PostfixUnaryExpression).operand, (e as ts.PostfixUnaryExpression).operator, true);
      case SyntaxKind.TypeOfExpression: case SyntaxKind.VoidExpression: case SyntaxKind.DeleteExpression:
        this.expr((e as ts.TypeOfExpression).expression); return EMPTY;
      case SyntaxKind.CommaListExpression: return joinAll((e as ts.CommaListExpression).elements.map((x) => this.expr(x)));
      default: return literalValue(e) ?? EMPTY;
    }
  }

  /** `await p`: the settled value; what `p` is rejected with is thrown here. */
  private awaited(p: Taint): Taint {
    const rejected = p.fields?.get(REJECTED);
    if (!rejected) return p;
    this.thrown = join(this.thrown, rejected);
    return withoutField(p, REJECTED);
  }

  private identifier(id: ts.Identifier): Taint {
    if (id.text === 'undefined') return EMPTY;
    const raw = isShorthandPropertyAssignment(id.parent) && id.parent.name === id
      ? this.checker.getShorthandAssignmentValueSymbol(id.parent) : this.checker.getSymbolAtLocation(id);
    if (!raw) return EMPTY;
    const sym = raw.flags & SymbolFlags.Alias ? this.checker.getAliasedSymbol(raw) : raw;
    const info = this.analysis.sources.sourceOfSymbol(sym);
    const src: Taint = info ? { labels: [this.analysis.sources.sourceLabel(info, id)] } : EMPTY;
    const local = this.env.get(sym);
    if (local) return join(local, src);
    if (sym.flags & (SymbolFlags.Function | SymbolFlags.Class | SymbolFlags.Module | SymbolFlags.Enum)) return src;
    return join(join(src, this.analysis.globalValue(sym, this.owner.fileName)), this.analysis.sources.symbolTypeTaint(sym));
  }

  private propertyAccess(e: ts.PropertyAccessExpression): Taint {
    const name = e.name.text;
    const base = this.expr(e.expression);
    if (CLEAN_PROPERTIES.has(name)) return EMPTY;
    if (!this.analysis.members.mayMatter(name)) return this.readLibraryMember(base, name, e.name);
    const sym = this.checker.getSymbolAtLocation(e.name);
    return join(this.readMember(base, name, sym), this.memberValue(sym, e, base));
  }

  /** A member no workspace code declares: its symbol matters only to tell whether the base's whole-only labels reach it. */
  private readLibraryMember(base: Taint, name: string, nameNode: ts.Node): Taint {
    if (!base.fields?.has(WHOLE_ONLY)) return readField(base, name);
    return this.readMember(base, name, this.checker.getSymbolAtLocation(nameNode));
  }

  /** The base value's own field: a member its type declares does not inherit the base's whole-only labels. */
  private readMember(base: Taint, name: string, sym: ts.Symbol | undefined): Taint {
    return sym && (sym.declarations?.length ?? 0) > 0 ? readField(base, name) : readUndeclaredField(base, name);
  }

  /** What reading a member yields beyond the base value's own field: its source label, getter result and stores. */
  private memberValue(sym: ts.Symbol | undefined, e: ts.Expression, base: Taint): Taint {
    let out = EMPTY;
    const info = this.analysis.sources.sourceOfSymbol(sym);
    if (info) out = { labels: [this.analysis.sources.sourceLabel(info, e)] };
    if (!sym || (sym.declarations?.length ?? 0) === 0) {
      // Untyped JavaScript (`this.next = null` makes `next` an `any`): what was stored into members of that name.
      const name = isPropertyAccessExpression(e) ? e.name.text : undefined;
      const stored = name !== undefined && this.untyped ? this.analysis.heapReadByName(name, this.peeking > 0, this.owner.fileName) : EMPTY;
      return join(join(out, stored), this.typeTaintOf(e));
    }
    const getter = sym.declarations!.find(ts.isGetAccessorDeclaration);
    if (getter && isFunctionWithBody(getter)) out = join(out, this.calls.applySummary(getter, base, [], e));
    const key = heapKey(sym);
    const stored = key ? this.readStored(key, isPropertyAccessExpression(e) || isElementAccessExpression(e) ? e.expression : undefined) : EMPTY;
    return join(join(out, stored), this.analysis.sources.symbolTypeTaint(sym));
  }

  /** Evaluates an expression whose value does not matter beyond its side effects (the receiver of `push`). */
  evaluateForEffects(e: ts.Expression): Taint {
    this.peeking++;
    try {
      return this.expr(e);
    } finally {
      this.peeking--;
    }
  }

  private elementAccess(e: ts.ElementAccessExpression): Taint {
    const base = this.expr(e.expression);
    const arg = skipOuterExpressions(e.argumentExpression);
    if (isNumericLiteral(arg)) return readElement(base, arg.text);
    if (isStringLiteralLike(arg)) {
      if (!this.analysis.members.mayMatter(arg.text)) return this.readLibraryMember(base, arg.text, arg);
      const sym = this.checker.getSymbolAtLocation(arg);
      return join(this.readMember(base, arg.text, sym), this.memberValue(sym, e, base));
    }
    const key = isIdentifier(arg) ? this.constantKey(arg) : undefined;
    if (key !== undefined) {
      // `this[KEY]` with `const KEY = "name"`: the member it names.
      const sym = this.checker.getPropertyOfType(this.checker.getTypeAtLocation(e.expression), key);
      return join(this.readMember(base, key, sym), this.memberValue(sym, e, base));
    }
    this.expr(arg);
    return join(flat(base), this.typeTaintOf(e));
  }

  private taggedTemplate(e: ts.TaggedTemplateExpression): Taint {
    const t = e.template;
    const parts = isTemplateExpression(t) ? t.templateSpans.map((s) => flat(this.expr(s.expression))) : [];
    return joinAll(parts);
  }

  private binary(e: ts.BinaryExpression): Taint {
    const op = e.operatorToken.kind;
    if (op === SyntaxKind.EqualsToken) {
      const value = this.expr(e.right);
      this.assignTo(e.left, value, e.right);
      return value;
    }
    if (ASSIGNMENT_OPERATORS.has(op) || COUNTING_ASSIGNMENTS.has(op)) {
      const left = this.expr(e.left);
      const right = this.expr(e.right);
      const value = foldBinary(op, left, right) ?? withoutConstant(ASSIGNMENT_OPERATORS.has(op) ? join(left, right) : left);
      this.assignTo(e.left, value, e.right);
      return value;
    }
    if (CHAINED_OPERATORS.has(op)) return this.operatorChain(e, op);
    return foldBinary(op, this.expr(e.left), this.expr(e.right)) ?? EMPTY;
  }

  /** `x++`, `--x`: the counter's new value is stored; the expression is the old (postfix) or new one. */
  private step(operand: ts.Expression, op: ts.SyntaxKind, postfix: boolean): Taint {
    const before = this.expr(operand);
    const after = stepped(before, op);
    if (isIdentifier(skipOuterExpressions(operand))) this.assignTo(operand, after, operand);
    const result = postfix ? before : after;
    return result.constant !== undefined ? constantTaint(result.constant) : EMPTY;
  }

  /** `a + b + c …`, `a ?? b ?? c …`: evaluated iteratively, so long generated chains cannot overflow the stack. */
  private operatorChain(e: ts.BinaryExpression, op: ts.SyntaxKind): Taint {
    const operands: ts.Expression[] = [];
    let cur: ts.Expression = e;
    while (isBinaryExpression(cur) && cur.operatorToken.kind === op) {
      operands.push(cur.right);
      cur = skipOuterExpressions(cur.left);
    }
    operands.push(cur);
    operands.reverse();
    if (op === SyntaxKind.PlusToken) {
      const values = operands.map((x) => this.expr(x));
      return values.reduce<Taint | undefined>((acc, v) => acc && foldBinary(op, acc, v), values[0]) ?? joinAll(values.map(flat));
    }
    const values: Taint[] = [];
    for (const x of operands) {
      const v = this.expr(x);
      values.push(v);
      // `false && …`, `true || …`, `"x" ?? …`: what follows does not run.
      if (shortCircuits(op, v)) break;
    }
    if (op === SyntaxKind.CommaToken) return values[values.length - 1];
    return values.length === 1 ? values[0] : joinAll(values);
  }

  private conditional(e: ts.ConditionalExpression): Taint {
    const known = truthiness(this.expr(e.condition));
    if (known !== undefined) return this.expr(known ? e.whenTrue : e.whenFalse);
    return joinPaths(this.expr(e.whenTrue), this.expr(e.whenFalse));
  }

  private prefixUnary(e: ts.PrefixUnaryExpression): Taint {
    if (e.operator === SyntaxKind.PlusPlusToken || e.operator === SyntaxKind.MinusMinusToken) return this.step(e.operand, e.operator, false);
    const v = this.expr(e.operand);
    if (e.operator === SyntaxKind.ExclamationToken) {
      const known = truthiness(v);
      return known === undefined ? EMPTY : constantTaint(!known);
    }
    if (e.operator === SyntaxKind.MinusToken && typeof v.constant === 'number') return constantTaint(-v.constant);
    return withoutConstant(flat(v));
  }

  private objectLiteral(e: ts.ObjectLiteralExpression): Taint {
    let labels: readonly Label[] = [];
    const fields = new Map<string, Taint>();
    for (const p of e.properties) {
      if (isSpreadAssignment(p)) {
        const v = this.expr(p.expression);
        labels = [...labels, ...v.labels];
        for (const [k, f] of v.fields ?? []) fields.set(k, f);
        continue;
      }
      if (!isPropertyAssignment(p) && !isShorthandPropertyAssignment(p)) continue;
      const value = isPropertyAssignment(p) ? this.expr(p.initializer) : this.identifier(p.name);
      const key = propertyNameText(p.name);
      if (key === undefined) labels = [...labels, ...flatten(value)];
      else if (!isEmpty(value)) fields.set(key, value);
      else fields.delete(key);
    }
    return join({ labels }, fields.size > 0 ? { labels: [], fields } : EMPTY);
  }

  private arrayLiteral(e: ts.ArrayLiteralExpression): Taint {
    let labels: readonly Label[] = [];
    const fields = new Map<string, Taint>();
    e.elements.forEach((el, i) => {
      const v = this.expr(el);
      if (isSpreadElement(el)) labels = [...labels, ...flatten(v)];
      else if (!isEmpty(v)) fields.set(String(i), v);
    });
    return join({ labels }, fields.size > 0 ? { labels: [], fields } : EMPTY);
  }
}
