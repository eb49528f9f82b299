/**
 * The flow-sensitive environment of one function body: what each local variable holds at the current
 * point. Closures analysed in place see (and update) their enclosing function's variables through `parent`.
 * Forks for branches and loops share their variables with the original until one of them writes (copy on
 * write): most branches assign nothing, and copying every scope at every `if` dominated the analysis's
 * allocations.
 */
import type * as ts from 'typescript';
import { joinPaths } from './conditions';
import { EMPTY, join, sameTaint, withoutConstant, type Taint } from './labels';

/**
 * What a variable holds depending on an unchanged condition variable (`if (c) v = p;` … `if (!c) send(v)`):
 * a later test of the same condition sees only the matching value.
 */
export interface Guard {
  readonly cond: ts.Symbol;
  readonly whenTrue: Taint;
  readonly whenFalse: Taint;
}

export class Env {
  private vars: Map<ts.Symbol, Taint>;
  /** Whether `vars` may be shared with another Env (then it is copied before a write). */
  private shared: boolean;
  /** Values of this scope's variables that depend on a condition variable (replaced, never mutated). */
  private guards: ReadonlyMap<ts.Symbol, Guard> | undefined;
  /** Counts writes to this scope's variables (see outerVersion). */
  private version = 0;

  constructor(readonly parent?: Env, vars?: Map<ts.Symbol, Taint>, shared = false) {
    this.vars = vars ?? new Map();
    this.shared = shared;
  }

  has(sym: ts.Symbol): boolean {
    return this.vars.has(sym) || (this.parent?.has(sym) ?? false);
  }

  get(sym: ts.Symbol): Taint | undefined {
    return this.vars.get(sym) ?? this.parent?.get(sym);
  }

  /** A new variable of this scope (declarations, parameters). */
  declare(sym: ts.Symbol, value: Taint): void {
    this.write(sym, value);
  }

  /** A strong update: the variable now holds exactly `value` (what it held before is killed). */
  assign(sym: ts.Symbol, value: Taint): void {
    if (!this.vars.has(sym) && this.parent?.has(sym)) this.parent.assign(sym, value);
    else this.write(sym, value);
  }

  private write(sym: ts.Symbol, value: Taint): void {
    if (this.vars.get(sym) === value && this.vars.has(sym)) return;
    if (this.guards) this.dropGuards(sym);
    if (this.shared) {
      this.vars = new Map(this.vars);
      this.shared = false;
    }
    this.version++;
    this.vars.set(sym, value);
  }

  /** Changes whenever a variable of an enclosing function changes (closures analysed in place write through). */
  outerVersion(): number {
    let n = 0;
    for (let e = this.parent; e; e = e.parent) n += e.version;
    return n;
  }

  /** Whether this scope's own variables hold the same as another's (a loop reached its fixpoint). */
  sameAs(other: Env): boolean {
    if (this.vars === other.vars) return true;
    if (this.vars.size !== other.vars.size) return false;
    for (const [k, v] of this.vars) {
      const o = other.vars.get(k);
      if (!o || !sameTaint(v, o)) return false;
    }
    return true;
  }

  /** This scope's guards (see Guard). */
  guardList(): ReadonlyMap<ts.Symbol, Guard> | undefined {
    return this.guards;
  }

  /** This scope's own value of a variable. */
  valueOf(sym: ts.Symbol): Taint | undefined {
    return this.vars.get(sym);
  }

  /** A weak update: the variable may also hold `value` (pushes, mutations). */
  merge(sym: ts.Symbol, value: Taint): void {
    this.assign(sym, withoutConstant(join(this.get(sym) ?? EMPTY, value)));
  }

  /** A copy for one branch of a conditional; the parent is shared, and so are the variables until a write. */
  fork(): Env {
    this.shared = true;
    const e = new Env(this.parent, this.vars, true);
    e.guards = this.guards;
    return e;
  }

  /** In a branch where condition variable `cond` is known truthy or falsy: the variables that depend on it take the matching value. */
  refine(cond: ts.Symbol, truthy: boolean): void {
    for (const [sym, g] of this.guards ?? []) if (g.cond === cond) this.write(sym, truthy ? g.whenTrue : g.whenFalse);
  }

  /**
   * After `if (cond)` whose branches left `thenEnv` and `elseEnv`: the variables they left different depend on
   * the condition, as long as neither branch (nor anything later) changes the condition variable.
   */
  guardOn(cond: ts.Symbol, base: Env, thenEnv: Env, elseEnv: Env): void {
    const c = base.vars.get(cond);
    if (c === undefined || thenEnv.vars.get(cond) !== c || elseEnv.vars.get(cond) !== c) return;
    const out = new Map(this.guards ?? []);
    for (const [k, t] of thenEnv.vars) {
      const e = elseEnv.vars.get(k);
      if (e !== undefined && e !== t && k !== cond) out.set(k, { cond, whenTrue: t, whenFalse: e });
    }
    this.guards = out.size > 0 ? out : undefined;
  }

  private dropGuards(sym: ts.Symbol): void {
    let out: Map<ts.Symbol, Guard> | undefined;
    for (const [k, g] of this.guards!) {
      if (k === sym || g.cond === sym) (out ??= new Map(this.guards!)).delete(k);
    }
    if (out) this.guards = out.size > 0 ? out : undefined;
  }

  /** After a conditional: every variable may hold what any branch left in it. */
  static joinAll(base: Env, branches: readonly Env[]): Env {
    const first = branches[0]?.vars;
    if (first && branches.every((b) => b.vars === first)) {
      for (const b of branches) b.shared = true;
      const same = new Env(base.parent, first, true);
      same.guards = branches.every((b) => b.guards === branches[0].guards) ? branches[0].guards : undefined;
      return same;
    }
    const vars = new Map<ts.Symbol, Taint>();
    for (const b of branches) {
      for (const [k, v] of b.vars) {
        const had = vars.get(k);
        vars.set(k, had === undefined || had === v ? v : joinPaths(had, v));
      }
    }
    const out = new Env(base.parent, vars);
    out.guards = commonGuards(branches, vars);
    return out;
  }
}

/** The guards every branch still holds, for variables that every branch left with the same value. */
function commonGuards(branches: readonly Env[], vars: ReadonlyMap<ts.Symbol, Taint>): ReadonlyMap<ts.Symbol, Guard> | undefined {
  const first = branches[0]?.guardList();
  if (!first) return undefined;
  let out: Map<ts.Symbol, Guard> | undefined;
  for (const [k, g] of first) {
    const v = vars.get(k);
    if (branches.every((b) => b.guardList()?.get(k) === g && b.valueOf(k) === v)) (out ??= new Map()).set(k, g);
  }
  return out;
}
