/**
 * Calls and `new`: sinks at the call, transforms (`@encrypts`, `@anonymizes`, `@pseudonymizes`),
 * summaries of functions whose bodies are in the program (parameter labels substituted by the
 * arguments' labels), closures passed as callbacks (analysed in place), Promises, and library calls,
 * which return the labels of their arguments and receiver unless known to be clean.
 */
import ts = require('typescript');
import type { FunctionEvaluator } from './evaluator';
import {
  addHop, applyTransform, EMPTY, flat, flatten, isEmpty, join, joinAll, mapLabels, MAX_HOPS, readElement, readField, REJECTED, sameTransform, unionLabels, wholeOnly, withoutField, type Hop, type Label, type ParamLabel, type Taint, type TransformState,
} from './labels';
import {
  CLEAN_RESULT_METHODS, ELEMENT_CALLBACK_METHODS, MUTATING_METHODS, PROMISE_METHODS, REDUCE_METHODS, RESULT_FROM_CALLBACK, RESULT_FROM_RECEIVER,
} from './libraryModels';
import type { HeapWrite, Summary } from './flowTypes';
import type { CallTarget, FunctionTarget } from './functionValues';
import { SiteKey } from './heapKeys';
import { memberPath, writeAtPath } from './objectPaths';
import { functionOfDeclaration, isFunctionWithBody, isPrimitiveTypeNode, nameText, valueParameters, referencedSymbol, skipOuterExpressions, type FunctionLike } from './nodes';

/** The TypeScript functions and enums this module uses, bound once: the `ts` namespace object is slow to read from. */
const { SyntaxKind, isParameter, isNewExpression, isArrayLiteralExpression, isArrowFunction, isCallExpression, isConstructorDeclaration, isElementAccessExpression, isFunctionExpression, isFunctionLike, isIdentifier, isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isVariableDeclaration } = ts;

/** An argument: its expression, its value, the closure it is when written in place; `synthetic` when the value was made here (no expression of its own). */
type Arg = { readonly node: ts.Expression; readonly value: Taint; readonly closure?: FunctionLike; readonly synthetic?: true };

/** No transform (what a parameter label carries when the callee does nothing to it). */
const UNTRANSFORMED: TransformState = {};

export class CallEvaluator {
  constructor(private readonly ev: FunctionEvaluator) {}

  private get checker(): ts.TypeChecker {
    return this.ev.checker;
  }

  call(call: ts.CallExpression): Taint {
    const callee = skipOuterExpressions(call.expression);
    if (isIdentifier(callee) && callee.text === 'require') return EMPTY;
    const member = isPropertyAccessExpression(callee) || isElementAccessExpression(callee) ? callee : undefined;
    const mutating = member && isPropertyAccessExpression(member) && MUTATING_METHODS.has(member.name.text);
    const recv = member ? (mutating ? this.ev.evaluateForEffects(member.expression) : this.ev.expr(member.expression)) : undefined;
    const args = this.evaluateArgs(call.arguments);
    this.sink(call, args);
    const resolver = isIdentifier(callee) ? this.resolverOf(callee) : undefined;
    if (resolver) {
      this.ev.analysis.promiseResolved(resolver, joinAll(args.map((a) => a.value)));
      return EMPTY;
    }
    const viaFunctionMethod = member && isPropertyAccessExpression(member) ? this.functionMethod(call, member, args) : undefined;
    if (viaFunctionMethod) return viaFunctionMethod;
    const sym = callee.kind === SyntaxKind.SuperKeyword || !this.ev.analysis.calls.mayBeWorkspaceFunction(callee) ? undefined : referencedSymbol(this.checker, callee);
    const fn = callee.kind === SyntaxKind.SuperKeyword ? this.signatureDeclaration(call) : this.bodyOf(sym);
    const result = this.dispatch(call, sym, fn, recv, member, args);
    const declared = sym ? this.returnTypeSource(sym, call) : EMPTY;
    return join(join(result, declared), this.returnTypeTaint(call, sym, fn));
  }

  /**
   * The labels of a call's declared result type. Library calls (lib.*.d.ts) are modelled instead, and a
   * function whose body is in the program without a declared type is summarised from that body.
   */
  private returnTypeTaint(call: ts.CallExpression, sym: ts.Symbol | undefined, fn: FunctionLike | undefined): Taint {
    const decl = sym?.declarations?.[0];
    // Callees the call gate ruled out, and library functions, are modelled by name instead.
    if (!decl || this.ev.analysis.sources.isLibraryDeclaration(decl)) return EMPTY;
    const typeNode = decl && isFunctionLike(decl) ? decl.type : fn?.type;
    const generic = decl && isFunctionLike(decl) && ((decl.typeParameters?.length ?? 0) > 0 || isInGenericType(decl));
    if (typeNode && !generic) return this.ev.analysis.sources.typeTaint(this.checker.getTypeFromTypeNode(typeNode));
    if (fn && !generic) return EMPTY;
    return this.ev.typeTaintOf(call);
  }

  newExpression(e: ts.NewExpression): Taint {
    const args = this.evaluateArgs(e.arguments ?? []);
    this.sink(e, args);
    const known = this.ev.analysis.symbols.classConstructor(e);
    const ctor = known ? (known.declaration as FunctionLike | undefined) : this.signatureDeclaration(e);
    if (ctor) {
      const made = this.applySummary(ctor, EMPTY, args.map((a) => a.value), e, args);
      this.inlineTypedClosures(args);
      return join(made, this.ev.typeTaintOf(e));
    }
    if (isIdentifier(e.expression) && e.expression.text === 'Promise') return this.newPromise(args);
    const callbacks = this.inlineLibraryClosures(args, undefined, undefined);
    return join(join(passedThroughWhole(undefined, args), callbacks), this.ev.typeTaintOf(e));
  }

  private dispatch(call: ts.CallExpression, sym: ts.Symbol | undefined, fn: FunctionLike | undefined, recv: Taint | undefined,
    member: ts.PropertyAccessExpression | ts.ElementAccessExpression | undefined, args: readonly Arg[]): Taint {
    const transform = sym ? this.transformOf(sym) : undefined;
    if (transform) {
      this.inlineLibraryClosures(args, recv, undefined);
      return applyTransform(join(recv ?? EMPTY, joinAll(args.map((a) => a.value))), transform);
    }
    if (fn && !fn.getSourceFile().isDeclarationFile) return this.invoke({ kind: 'function', fn, bound: [] }, recv ?? EMPTY, args, call);
    const targets = fn ? [] : this.calleeTargets(call.expression, sym);
    if (targets.length > 0) return this.callTargets(targets, recv ?? EMPTY, args, call);
    const name = member && isPropertyAccessExpression(member) ? member.name.text : isIdentifier(call.expression) ? call.expression.text : '';
    return this.libraryCall(call, name, recv, member?.expression, args);
  }

  // ---- arguments, sinks ----

  private evaluateArgs(list: readonly ts.Expression[]): Arg[] {
    return list.map((node) => {
      const e = skipOuterExpressions(node);
      if (isFunctionWithBody(e) && (isArrowFunction(e) || isFunctionExpression(e))) return { node, value: EMPTY, closure: e };
      return { node, value: this.ev.expr(node) };
    });
  }

  private sink(call: ts.CallExpression | ts.NewExpression, args: readonly Arg[]): void {
    const dest = this.ev.analysis.destinations.ofCall(call);
    if (!dest) return;
    const used = dest.dataArgs ? args.filter((_, i) => dest.dataArgs!.includes(i)) : args;
    const labels = used.reduce<readonly Label[]>((acc, a) => unionLabels(acc, flatten(a.value)), []);
    this.ev.hit(this.ev.makeSite(call, dest), labels);
  }

  // ---- functions in the program ----

  private bodyOf(sym: ts.Symbol | undefined): FunctionLike | undefined {
    // A `let` may be assigned other functions later: its values are resolved as function values.
    const v = sym?.valueDeclaration;
    if (v && isVariableDeclaration(v) && !(ts.getCombinedNodeFlags(v) & ts.NodeFlags.Const)) return undefined;
    for (const d of sym?.declarations ?? []) {
      const fn = functionOfDeclaration(d);
      if (fn) return fn;
    }
    return undefined;
  }

  private signatureDeclaration(node: ts.CallExpression | ts.NewExpression): FunctionLike | undefined {
    const decl = this.checker.getResolvedSignature(node)?.declaration;
    return decl && isFunctionWithBody(decl) ? decl : undefined;
  }

  // ---- function values: callbacks, bind/call/apply, returned closures ----

  /** The functions a callee that is not simply a function's name may be (a local, a parameter, `mk()`, a bound function). */
  private calleeTargets(callee: ts.Expression, sym: ts.Symbol | undefined): CallTarget[] {
    const c = skipOuterExpressions(callee);
    if (isIdentifier(c)) {
      const s = sym ?? this.checker.getSymbolAtLocation(c);
      if (!s || !this.ev.env.has(s)) return [];
    } else if (!isCallExpression(c)) return [];
    return this.ev.analysis.functionValues.of(c, this.ev.paramTargets);
  }

  /**
   * `f.call(t, a…)`, `f.apply(t, [a…])` on a function of the program, and `Array.prototype.push.apply(out, xs)`;
   * undefined for any other call.
   */
  private functionMethod(call: ts.CallExpression, member: ts.PropertyAccessExpression, args: readonly Arg[]): Taint | undefined {
    const how = member.name.text;
    if (how !== 'call' && how !== 'apply') return undefined;
    const fnExpr = skipOuterExpressions(member.expression);
    if (isPropertyAccessExpression(fnExpr) && MUTATING_METHODS.get(fnExpr.name.text) === 0 && args.length > 0 && !this.ev.analysis.calls.mayBeWorkspaceFunction(fnExpr)) {
      const pushed = how === 'apply' ? flat(args[1]?.value ?? EMPTY) : joinAll(args.slice(1).map((a) => a.value));
      this.mergeInto(args[0].node, pushed);
      return EMPTY;
    }
    const targets = this.ev.analysis.functionValues.of(fnExpr, this.ev.paramTargets);
    if (targets.length === 0) return undefined;
    const thisValue = args[0]?.value ?? EMPTY;
    if (how === 'call') return this.callTargets(targets, thisValue, args.slice(1), call);
    const list = args[1];
    const width = Math.max(0, ...targets.map((t) => (t.kind === 'function' ? valueParameters(t.fn).length : 0)));
    const spread: Arg[] = [];
    for (let i = 0; i < width; i++) spread.push({ node: list?.node ?? call, value: list ? readElementOf(list.node, list.value, i) : EMPTY, synthetic: true });
    return this.callTargets(targets, thisValue, spread, call);
  }

  /** Calls each function a callee may be; what each returns is joined. */
  private callTargets(targets: readonly CallTarget[], thisValue: Taint, args: readonly Arg[], call: ts.Node): Taint {
    let result = EMPTY;
    for (const t of targets) {
      const bound: Arg[] = t.bound.map((node) => ({ node, value: this.ev.expr(node) }));
      const all = bound.length > 0 ? [...bound, ...args] : args;
      if (t.kind === 'parameter') {
        // Which function the parameter holds is the caller's to say; here it is called like a library function.
        this.ev.recordParamCall(t.param, all.map((a) => a.value));
        result = join(result, join(passedThroughWhole(undefined, all), this.inlineLibraryClosures(all, undefined, undefined)));
      } else result = join(result, this.invoke(t, thisValue, all, call));
    }
    return result;
  }

  /**
   * Runs a function of the program at a call: in place when it is written inside the code being analysed
   * (it sees the variables it captures) or was returned by a call whose scope is known, else by its summary.
   */
  private invoke(t: FunctionTarget, thisValue: Taint, args: readonly Arg[], call: ts.Node): Taint {
    const fn = t.fn;
    if (fn.getSourceFile().isDeclarationFile) return EMPTY;
    const values = args.map((a) => a.value);
    if (this.ev.inScope(fn)) return this.ev.inlineClosure(fn, values, args.map((a) => this.targetsOfArg(a)));
    if (t.creator) {
      const scope = this.ev.scopeAfter(t.creator.fn, t.creator.call.arguments.map((a) => this.ev.expr(a)));
      if (scope) return this.ev.inlineClosure(fn, values, args.map((a) => this.targetsOfArg(a)), scope);
    }
    const result = this.applySummary(fn, thisValue, values, call, args);
    this.inlineTypedClosures(args);
    return result;
  }

  /** The functions an argument may be, for the callee's calls of that parameter. */
  private targetsOfArg(a: Arg): readonly CallTarget[] | undefined {
    if (a.closure) return [{ kind: 'function', fn: a.closure, bound: [] }];
    if (a.synthetic) return undefined;
    const e = skipOuterExpressions(a.node);
    if (!isIdentifier(e) && !isPropertyAccessExpression(e) && !isCallExpression(e)) return undefined;
    const t = this.ev.analysis.functionValues.of(e, this.ev.paramTargets);
    return t.length > 0 ? t : undefined;
  }

  /**
   * Applies a function's summary at a call: parameter labels become the arguments' labels. What it stores
   * through its receiver or an argument lands on that object (per allocation site when known, in the
   * caller's variable when it is one); what it throws is thrown here (an async function's rejects its promise).
   */
  applySummary(fn: FunctionLike, recv: Taint, args: readonly Taint[], callNode: ts.Node, argNodes?: readonly Arg[]): Taint {
    const summary = this.ev.analysis.summaryOf(fn);
    if (isTrivial(summary)) return EMPTY;
    const name = functionName(fn);
    const hop = { at: callNode, note: `passed to ${name}()` };
    const stored = (l: ParamLabel): Taint => this.storedAt(l, callNode, argNodes);
    const plain = substitution(fn, recv, args, hop, stored);
    const effective = argNodes && summary.argWrites.length > 0 ? this.withAliasedWrites(summary, args, argNodes, plain) : args;
    const subst = effective === args ? plain : substitution(fn, recv, effective, hop, stored);
    for (const h of summary.hits) this.ev.hit(h.site, flatten(joinAll(h.labels.map(subst))));
    let constructed = EMPTY;
    for (const w of summary.heapWrites) {
      const value = substitute(w.value, subst);
      this.storeSummaryWrite(w, value, callNode, argNodes);
      if (w.through === -1 && isNewExpression(callNode) && !(w.key instanceof SiteKey)) constructed = this.constructedField(constructed, w.key, value);
    }
    for (const w of summary.argWrites) {
      const target = operandOf(w.index, callNode, argNodes);
      const mp = target && memberPath(target);
      if (mp) this.ev.writeAtMember(mp, w.path, substitute(w.value, subst), false);
    }
    for (const pc of summary.paramCalls) {
      const passed = argNodes?.[pc.index];
      const targets = passed && this.targetsOfArg(passed);
      if (targets) this.callTargets(targets, EMPTY, pc.args.map((a) => ({ node: passed.node, value: substitute(a, subst), synthetic: true })), callNode);
    }
    const thrown = substitute(summary.throws, subst);
    const async = isAsyncFunction(fn);
    if (!async) this.ev.thrown = join(this.ev.thrown, thrown);
    let returned = join(substitute(summary.returns, subst), constructed);
    if (async && !isEmpty(thrown)) returned = join(returned, { labels: [], fields: new Map([[REJECTED, thrown]]) });
    return addHop(returned, { at: callNode, note: `returned from ${name}()` });
  }

  /** A summary's store: through the receiver or an argument, onto that object's allocation site when known. */
  private storeSummaryWrite(w: HeapWrite, value: Taint, callNode: ts.Node, argNodes: readonly Arg[] | undefined): void {
    if (w.through === undefined || w.key instanceof SiteKey) return this.ev.storeHeap(w.key, value);
    if (w.through === -1 && isNewExpression(callNode)) return this.ev.storeHeap(this.ev.analysis.siteKey(w.key, callNode), value);
    this.ev.storeInto(w.key, operandOf(w.through, callNode, argNodes), value);
  }

  /** A summary's read of what was stored through its parameter `l.index` (a `stored` label), resolved at this call. */
  private storedAt(l: ParamLabel, callNode: ts.Node, argNodes: readonly Arg[] | undefined): Taint {
    const decl = l.stored!.decl;
    if (l.index === -1 && isNewExpression(callNode)) return this.ev.readStoredAt(decl, callNode);
    return this.ev.readStored(decl, operandOf(l.index, callNode, argNodes));
  }

  /** The object `new C(…)` makes carries what its constructor stored into `this`, field by field. */
  private constructedField(acc: Taint, key: ts.Node, value: Taint): Taint {
    const name = nameText(key);
    return name === undefined ? acc : join(acc, { labels: [], fields: new Map([[name, value]]) });
  }

  /**
   * Arguments that are the same variable (`fill(buf, buf, p)`): what the callee writes into one parameter,
   * the other one holds too.
   */
  private withAliasedWrites(summary: Summary, args: readonly Taint[], argNodes: readonly Arg[], subst: (l: Label) => Taint): readonly Taint[] {
    const out = [...args];
    for (const w of summary.argWrites) {
      const from = w.index >= 0 && !argNodes[w.index]?.synthetic ? rootKey(argNodes[w.index]?.node, this.checker) : undefined;
      if (!from) continue;
      const written = writeAtPath(EMPTY, w.path, substitute(w.value, subst), false);
      argNodes.forEach((a, j) => {
        if (j !== w.index && !a.synthetic && rootKey(a.node, this.checker) === from) out[j] = join(out[j] ?? EMPTY, written);
      });
    }
    return out;
  }

  private inlineTypedClosures(args: readonly Arg[]): void {
    for (const a of args) {
      if (a.closure) this.ev.inlineClosure(a.closure, a.closure.parameters.map((p) => this.ev.typeTaintOf(p.name)));
    }
  }

  private transformOf(sym: ts.Symbol): TransformState | undefined {
    for (const d of sym.declarations ?? []) {
      const fn = functionOfDeclaration(d);
      const ann = this.ev.analysis.annotations.get(d) ?? (fn ? this.ev.analysis.destinations.annotationOfFunction(fn) : undefined);
      if (!ann) continue;
      if (ann.anonymizes) return { anonymized: true };
      if (ann.pseudonymizes) return { pseudonymized: true };
      if (ann.encrypts) return { encrypted: ann.encrypts };
    }
    return undefined;
  }

  private returnTypeSource(sym: ts.Symbol, call: ts.Node): Taint {
    for (const d of sym.declarations ?? []) {
      const info = this.ev.analysis.sources.sourceOfReturnType(functionOfDeclaration(d) ?? d);
      if (info) return { labels: [this.ev.analysis.sources.sourceLabel(info, call)] };
    }
    return EMPTY;
  }

  // ---- library calls ----

  private libraryCall(call: ts.CallExpression, name: string, recv: Taint | undefined, recvExpr: ts.Expression | undefined, args: readonly Arg[]): Taint {
    const callbacks = this.inlineLibraryClosures(args, recv, name);
    const mutatedFrom = MUTATING_METHODS.get(name);
    if (mutatedFrom !== undefined && recvExpr) this.mergeInto(recvExpr, joinAll(args.slice(mutatedFrom).map((a) => a.value)));
    if (name === 'assign' && recvExpr?.getText() === 'Object' && args.length > 1) this.mergeInto(args[0].node, joinAll(args.slice(1).map((a) => a.value)));
    if (CLEAN_RESULT_METHODS.has(name)) return EMPTY;
    const hasClosure = args.some((a) => a.closure);
    if (hasClosure && RESULT_FROM_CALLBACK.has(name)) {
      return REDUCE_METHODS.has(name) ? join(callbacks, args[1]?.value ?? EMPTY) : { labels: flatten(callbacks) };
    }
    if (hasClosure && RESULT_FROM_RECEIVER.has(name) && recv) return name.startsWith('find') ? this.ev.elementValue(recv, call) : recv;
    return join(passedThroughWhole(recv, args), callbacks);
  }

  /** Analyses closures passed to a library function in place; returns what they return. */
  private inlineLibraryClosures(args: readonly Arg[], recv: Taint | undefined, name: string | undefined): Taint {
    let result = EMPTY;
    const callbacks = args.map((a) => (a.closure ? undefined : this.functionArgument(a, name)));
    const others = joinAll(args.filter((a, i) => !a.closure && !callbacks[i]).map((a) => flat(a.value)));
    args.forEach((a, i) => {
      const targets = callbacks[i];
      if (!a.closure && !targets) return;
      const ps = a.closure?.parameters;
      let params: Taint[];
      if (name && recv && ELEMENT_CALLBACK_METHODS.has(name)) params = [this.ev.elementValue(recv, ps?.[0]?.name), EMPTY, recv];
      else if (name && recv && REDUCE_METHODS.has(name)) params = [join(args[1]?.value ?? EMPTY, ps?.[0] ? this.ev.typeTaintOf(ps[0].name) : EMPTY), this.ev.elementValue(recv, ps?.[1]?.name)];
      else if (name && recv && PROMISE_METHODS.has(name)) params = [join(this.settled(recv, name, a === args[1]), ps?.[0] ? this.ev.typeTaintOf(ps[0].name) : EMPTY)];
      else params = (ps ?? [undefined]).map((p) => this.ev.elementValue(join(recv ?? EMPTY, others), p?.name));
      if (a.closure) result = join(result, this.ev.inlineClosure(a.closure, params));
      else result = join(result, this.callTargets(targets!, EMPTY, params.map((value) => ({ node: a.node, value, synthetic: true as const })), a.node));
    });
    return result;
  }

  /**
   * The functions of the program an argument of a library call names (`list.forEach(relay)`,
   * `p.then(this.onDone.bind(this))`, a callback parameter passed on): they are called like closures written
   * in place. Only names that can be such a function are resolved (the call gate's names, locals, parameters
   * passed to a callback-taking method).
   */
  private functionArgument(a: Arg, method: string | undefined): readonly CallTarget[] | undefined {
    if (a.synthetic) return undefined;
    const e = skipOuterExpressions(a.node);
    const callbackMethod = method !== undefined && (ELEMENT_CALLBACK_METHODS.has(method) || PROMISE_METHODS.has(method) || REDUCE_METHODS.has(method));
    if (isCallExpression(e)) {
      const c = skipOuterExpressions(e.expression);
      if (!isPropertyAccessExpression(c) || c.name.text !== 'bind') return undefined;
    } else if (isIdentifier(e)) {
      if (!this.ev.analysis.calls.mayBeWorkspaceFunction(e)) {
        const sym = this.checker.getSymbolAtLocation(e);
        if (!sym || !this.ev.env.has(sym) || (!callbackMethod && sym.valueDeclaration?.kind === SyntaxKind.Parameter)) return undefined;
      }
    } else if (!isPropertyAccessExpression(e) || !this.ev.analysis.calls.mayBeWorkspaceFunction(e)) return undefined;
    if (!this.mayBeCallable(e)) return undefined;
    const targets = this.ev.analysis.functionValues.of(e, this.ev.paramTargets);
    return targets.length > 0 ? targets : undefined;
  }


  /**
   * Whether a value may be a function: not a variable or parameter written down with a primitive type
   * (`key: string` passed to `map.set` is not a callback). Decided from the declaration, without the checker.
   */
  private mayBeCallable(e: ts.Expression): boolean {
    if (!isIdentifier(e)) return true;
    const decl = this.checker.getSymbolAtLocation(e)?.valueDeclaration;
    const typeNode = decl && (isParameter(decl) || isVariableDeclaration(decl)) ? decl.type : undefined;
    return !typeNode || !isPrimitiveTypeNode(typeNode);
  }

  /** What a promise's callback receives: the rejection for `.catch` and `.then`'s second callback, else the value. */
  private settled(promise: Taint, method: string, second: boolean): Taint {
    if (method === 'finally') return EMPTY;
    if (method === 'catch' || second) return promise.fields?.get(REJECTED) ?? EMPTY;
    return withoutField(promise, REJECTED);
  }

  /** `target.push(x)`, `Object.assign(target, x)`: the target may now also hold `value`. */
  private mergeInto(target: ts.Expression, value: Taint): void {
    const t = skipOuterExpressions(target);
    const mp = memberPath(t);
    if (mp) this.ev.writeAtMember(mp, [], { labels: flatten(value) }, false);
    if (isIdentifier(t)) {
      const sym = this.checker.getSymbolAtLocation(t);
      if (sym && !this.ev.env.has(sym)) this.ev.storeHeap(sym, value);
      return;
    }
    if (isPropertyAccessExpression(t)) {
      const sym = this.checker.getSymbolAtLocation(t.name);
      if (sym && (sym.declarations?.length ?? 0) > 0) this.ev.storeThroughObject(t.expression, sym, value);
    }
  }

  // ---- Promises ----

  /** `new Promise((resolve, reject) => …)`: the promise holds what is resolved, and in REJECTED what is rejected. */
  private newPromise(args: readonly Arg[]): Taint {
    const executor = args[0]?.closure;
    if (!executor) return EMPTY;
    const [resolve, reject] = executor.parameters.map((p) => (isIdentifier(p.name) ? this.checker.getSymbolAtLocation(p.name) : undefined));
    for (const sym of [resolve, reject]) if (sym) this.ev.analysis.promiseResolverDeclared(sym);
    this.ev.inlineClosure(executor, executor.parameters.map(() => EMPTY));
    const resolved = resolve ? this.ev.analysis.promiseValue(resolve) : EMPTY;
    const rejected = reject ? this.ev.analysis.promiseValue(reject) : EMPTY;
    return isEmpty(rejected) ? resolved : join(resolved, { labels: [], fields: new Map([[REJECTED, rejected]]) });
  }

  private resolverOf(callee: ts.Identifier): ts.Symbol | undefined {
    const sym = this.checker.getSymbolAtLocation(callee);
    return sym && this.ev.analysis.isPromiseResolver(sym) ? sym : undefined;
  }
}

/**
 * What a call without a body passes through to its result: its receiver's and arguments' labels, which flow
 * with the whole result only (SPEC §3.1: a read of a member the result's type declares yields that member's
 * labels, not the arguments').
 */
function passedThroughWhole(recv: Taint | undefined, args: readonly Arg[]): Taint {
  let labels = flatten(recv ?? EMPTY);
  for (const a of args) labels = unionLabels(labels, flatten(a.value));
  return wholeOnly(labels);
}

/** A method or member function of a generic class or interface: its declared return type needs the receiver's type arguments. */
function isInGenericType(decl: ts.Node): boolean {
  const owner = decl.parent;
  return owner !== undefined && (ts.isClassLike(owner) || ts.isInterfaceDeclaration(owner)) && (owner.typeParameters?.length ?? 0) > 0;
}

/** Element i of an argument list passed to `apply`: the literal's own element, else anything in the list. */
function readElementOf(node: ts.Expression, value: Taint, i: number): Taint {
  const e = skipOuterExpressions(node);
  if (isArrayLiteralExpression(e) && !e.elements.some((x) => x.kind === SyntaxKind.SpreadElement)) return readElement(value, String(i));
  return flat(value);
}

function isTrivial(s: Summary): boolean {
  return s.hits.length === 0 && s.heapWrites.length === 0 && s.paramCalls.length === 0 && s.argWrites.length === 0 && isEmpty(s.returns) && isEmpty(s.throws);
}

/** Parameter labels replaced by what the call passes (the receiver for index -1), the path appended. */
function substitution(fn: FunctionLike, recv: Taint, args: readonly Taint[], hop: Hop, stored: (l: ParamLabel) => Taint): (l: Label) => Taint {
  return (l) => {
    if (l.kind === 'source') return { labels: [l] };
    let v = l.stored ? stored(l) : l.index === -1 ? recv : argumentFor(fn, args, l.index);
    for (const key of l.path) v = readField(v, key);
    if (l.whole) v = flat(v);
    return mapLabels(v, (a) => passedThrough(a, hop, l));
  };
}

/** The expression passed for a parameter (-1: the receiver of a method call). */
function operandOf(index: number, callNode: ts.Node, argNodes: readonly Arg[] | undefined): ts.Expression | undefined {
  if (index >= 0) return argNodes?.[index]?.synthetic ? undefined : argNodes?.[index]?.node;
  if (!isCallExpression(callNode)) return undefined;
  const callee = skipOuterExpressions(callNode.expression);
  return isPropertyAccessExpression(callee) || isElementAccessExpression(callee) ? callee.expression : undefined;
}

/** A variable and member path an argument names, as a comparable key (undefined for other expressions). */
function rootKey(e: ts.Expression | undefined, checker: ts.TypeChecker): string | ts.Symbol | undefined {
  const mp = e && memberPath(e);
  if (!mp || !mp.complete || mp.root.kind !== SyntaxKind.Identifier) return undefined;
  const sym = checker.getSymbolAtLocation(mp.root);
  return sym && mp.path.length === 0 ? sym : undefined;
}

function isAsyncFunction(fn: FunctionLike): boolean {
  return (ts.getCombinedModifierFlags(fn as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
}

function argumentFor(fn: FunctionLike, args: readonly Taint[], index: number): Taint {
  const p = valueParameters(fn)[index];
  if (p?.dotDotDotToken) return { labels: flatten(joinAll(args.slice(index))) };
  return args[index] ?? EMPTY;
}

/** An argument's label `a` as it comes out of a callee through parameter label `p`: the callee's transforms and path appended. */
function passedThrough(a: Label, hop: Hop, p: Label): Label {
  const transform = sameTransform(p.transform, UNTRANSFORMED) ? a.transform : { ...a.transform, ...p.transform };
  const hops = a.hops.length >= MAX_HOPS ? a.hops : [...a.hops, hop, ...p.hops].slice(0, MAX_HOPS);
  return transform === a.transform && hops === a.hops ? a : { ...a, transform, hops };
}

function substitute(t: Taint, subst: (l: Label) => Taint): Taint {
  const parts = t.labels.map(subst);
  if (t.fields) parts.push({ labels: [], fields: new Map([...t.fields].map(([k, v]) => [k, substitute(v, subst)])) });
  return joinAll(parts);
}

function functionName(fn: FunctionLike): string {
  if (isConstructorDeclaration(fn)) return `new ${fn.parent.name?.text ?? 'class'}`;
  const own = nameText(fn);
  if (own) return own;
  const p = fn.parent;
  if (p && (isVariableDeclaration(p) || isPropertyAssignment(p) || isPropertyDeclaration(p))) return nameText(p) ?? 'function';
  return 'function';
}
