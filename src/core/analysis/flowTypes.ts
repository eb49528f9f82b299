/**
 * The results of flow analysis: sink sites, the labels that reach them, and per-function summaries.
 */
import type * as ts from 'typescript';
import type { Loc } from '../model';
import type { Destination } from './destinations';
import type { HeapKey } from './heapKeys';
import type { Label, Taint } from './labels';

export interface SinkSite {
  /** The expression that hands the data over (SPEC §5.4). */
  readonly node: ts.Node;
  readonly loc: Loc;
  readonly destination: Destination;
  /** `@basis` ids on the destination and on the functions enclosing the sink. */
  readonly bases: readonly string[];
}

export interface Hit {
  readonly site: SinkSite;
  readonly labels: readonly Label[];
}

/** A call of one of the function's own parameters (a callback): each caller applies it to the function it passes. */
export interface ParamCall {
  /** The parameter called. */
  readonly index: number;
  /** The arguments it is called with, in parameter labels. */
  readonly args: readonly Taint[];
}

export interface HeapWrite {
  /** The declaration of the property or variable stored into (and the allocation site, when known). */
  readonly key: HeapKey;
  readonly value: Taint;
  /** The parameter (-1: the receiver) whose object was stored into, when every such store went through it. */
  readonly through?: number;
}

/** A store into a member path of a parameter's value (-1: the receiver): the caller sees it in its argument. */
export interface ArgWrite {
  readonly index: number;
  /** The member path written below the parameter; empty for a whole-value merge (`list.push(v)`). */
  readonly path: readonly string[];
  readonly value: Taint;
}

/**
 * What a function does with its parameters, in terms of parameter labels: what it returns, which sinks
 * they reach, and which properties they are stored in. Concrete sources met inside are reported directly.
 */
export interface Summary {
  readonly returns: Taint;
  readonly hits: readonly Hit[];
  readonly heapWrites: readonly HeapWrite[];
  readonly paramCalls: readonly ParamCall[];
  readonly argWrites: readonly ArgWrite[];
  /** What the function throws (an async function: what its promise is rejected with). */
  readonly throws: Taint;
}
