/**
 * The flow-sensitive environment of one function body: what each local variable holds at the current
 * point. Closures analysed in place see (and update) their enclosing function's variables through `parent`.
 * Forks for branches and loops share their variables with the original until one of them writes (copy on
 * write): most branches assign nothing, and copying every scope at every `if` dominated the analysis's
 * allocations.
 */
import type * as ts from 'typescript';
import { EMPTY, join, sameTaint, type Taint } from './labels';

export class Env {
  private vars: Map<ts.Symbol, Taint>;
  /** Whether `vars` may be shared with another Env (then it is copied before a write). */
  private shared: boolean;
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

  /** A weak update: the variable may also hold `value` (pushes, mutations). */
  merge(sym: ts.Symbol, value: Taint): void {
    this.assign(sym, join(this.get(sym) ?? EMPTY, value));
  }

  /** A copy for one branch of a conditional; the parent is shared, and so are the variables until a write. */
  fork(): Env {
    this.shared = true;
    return new Env(this.parent, this.vars, true);
  }

  /** After a conditional: every variable may hold what any branch left in it. */
  static joinAll(base: Env, branches: readonly Env[]): Env {
    const first = branches[0]?.vars;
    if (first && branches.every((b) => b.vars === first)) {
      for (const b of branches) b.shared = true;
      return new Env(base.parent, first, true);
    }
    const vars = new Map<ts.Symbol, Taint>();
    for (const b of branches) {
      for (const [k, v] of b.vars) {
        const had = vars.get(k);
        vars.set(k, had === undefined || had === v ? v : join(had, v));
      }
    }
    return new Env(base.parent, vars);
  }
}
