/**
 * Labels and taints: the abstract values the flow analysis computes.
 *
 * A label says "this value carries that personal data" (a `source` label, with the path it travelled) or,
 * inside a function summary, "this value carries whatever parameter i carried" (a `param` label, substituted
 * at each call site). A taint is the labels of a whole value plus, field-sensitively, the taints of its
 * known fields.
 *
 * Two field names are reserved (they cannot clash with a property name: they start with a NUL):
 * - WHOLE_ONLY holds labels that flow only with the whole value: what a call without a body in the program
 *   passed through (its arguments and receiver). A read of a member that the value's type declares does not
 *   inherit them (SPEC §3.1: `(await repo.create(dto)).id` is `User.id`, not the DTO's fields); a read of
 *   an undeclared member (an `any`, an index signature) or of an element does.
 * - ELEMENT holds the taint of every element of an array known by its type (`User[]`), field by field, so
 *   that `users[0].provider` reads the element's `provider` only.
 * Whole-value flows (`flatten`) carry both.
 */
import type { Node } from 'typescript';
import type { Loc } from '../model';

export interface SourceInfo {
  /** Stable identity of the annotated declaration: its file and tree path (nodes.ts `treePath`), not its position. */
  readonly key: string;
  /** Display name, e.g. `LineUser.phoneNumber`. */
  readonly symbol: string;
  readonly category: string;
  readonly residency: string;
  readonly access: readonly string[];
  readonly loc: Loc;
  /**
   * The declaration, when `loc` is its own (not a Prisma schema's): a later run may report this source after
   * an edit moved it, located then through `NodeLocations`.
   */
  readonly decl?: Node;
}

/** A step of a label's path: the node it passed (located when a finding shows the path) and what happened there. */
export interface Hop {
  readonly at: Node;
  readonly note: string;
}

/** What transforms did to the data on its way. */
export interface TransformState {
  readonly encrypted?: string;
  readonly anonymized?: boolean;
  readonly pseudonymized?: boolean;
}

export interface SourceLabel {
  readonly kind: 'source';
  readonly source: SourceInfo;
  readonly transform: TransformState;
  readonly hops: readonly Hop[];
}

/**
 * Index -1 stands for the receiver (`this`). With `stored`, the label stands for what was stored into that
 * property through the object the parameter holds (a heap read whose object only the caller knows: SPEC §6.2
 * v2, heap reads in summaries), then `path` read from it.
 */
export interface ParamLabel {
  readonly kind: 'param';
  readonly index: number;
  readonly path: readonly string[];
  readonly transform: TransformState;
  readonly hops: readonly Hop[];
  readonly stored?: StoredRead;
  /**
   * The value flattened (`flatten`: every field's labels in one list): a member read of it yields all of it,
   * so no path is appended, and the caller substitutes the argument flattened.
   */
  readonly whole?: boolean;
}

/**
 * The property a deferred heap read reads (its declaration), a key that names it in label keys, and the
 * parameter's generic type when it is closed (the type site read when no caller is known).
 */
export interface StoredRead {
  readonly decl: Node;
  readonly key: string;
  readonly typeSite?: string;
}

export type Label = SourceLabel | ParamLabel;

export interface Taint {
  readonly labels: readonly Label[];
  readonly fields?: ReadonlyMap<string, Taint>;
  /** The value itself, when it is a known primitive constant (folded conditions, SPEC §6.2 v2). */
  readonly constant?: Constant;
}

export type Constant = string | number | boolean | null;

export const EMPTY: Taint = { labels: [] };
/** The reserved field of labels that flow only with the whole value (see the module comment). */
export const WHOLE_ONLY = '\u0000whole';
/** The reserved field of an array's elements known by type (see the module comment). */
export const ELEMENT = '\u0000element';
/** The reserved field of a promise's rejection (what `.catch` and `try { await }` receive). */
export const REJECTED = '\u0000rejected';
/** The most path steps a label keeps. */
export const MAX_HOPS = 16;
const MAX_DEPTH = 4;

function transformKey(t: TransformState): string {
  return `${t.encrypted ?? ''}|${t.anonymized ? 'a' : ''}|${t.pseudonymized ? 'p' : ''}`;
}

export function labelKey(l: Label): string {
  const base = l.kind === 'source' ? `s:${l.source.key}` : `p:${l.index}:${l.path.join('.')}${l.stored ? `@${l.stored.key}` : ''}${l.whole ? '*' : ''}`;
  return `${base}#${transformKey(l.transform)}`;
}

export function isEmpty(t: Taint): boolean {
  return t.labels.length === 0 && (!t.fields || t.fields.size === 0);
}

export function sameTransform(a: TransformState, b: TransformState): boolean {
  return a === b || (a.encrypted === b.encrypted && !a.anonymized === !b.anonymized && !a.pseudonymized === !b.pseudonymized);
}

/** Whether two labels have the same key (labelKey), without building the keys. */
export function sameLabel(a: Label, b: Label): boolean {
  if (a === b) return true;
  if (!sameTransform(a.transform, b.transform)) return false;
  if (a.kind === 'source') return b.kind === 'source' && a.source.key === b.source.key;
  return b.kind === 'param' && a.index === b.index && a.stored?.decl === b.stored?.decl && !a.whole === !b.whole && a.path.length === b.path.length && a.path.every((p, i) => p === b.path[i]);
}

/** The value without its constant: what is left when it may have been changed. */
export function withoutConstant(t: Taint): Taint {
  if (t.constant === undefined) return t;
  return t.fields ? { labels: t.labels, fields: t.fields } : t.labels.length > 0 ? { labels: t.labels } : EMPTY;
}

/** Whether two taints carry the same labels, field by field (hops aside). */
export function sameTaint(a: Taint, b: Taint, depth = 0): boolean {
  if (a === b) return true;
  if (a.constant !== b.constant) return false;
  if (a.labels.length !== b.labels.length || !a.labels.every((l) => b.labels.some((m) => sameLabel(l, m)))) return false;
  const af = a.fields?.size ?? 0;
  if (af !== (b.fields?.size ?? 0)) return false;
  if (af === 0 || depth >= MAX_DEPTH) return true;
  for (const [k, v] of a.fields!) {
    const o = b.fields!.get(k);
    if (!o || !sameTaint(v, o, depth + 1)) return false;
  }
  return true;
}

/** Below this size, labels are compared pairwise instead of by key. */
const SMALL_UNION = 8;

export function unionLabels(a: readonly Label[], b: readonly Label[]): readonly Label[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  if (a.length + b.length <= SMALL_UNION) {
    let out: Label[] | undefined;
    for (const l of b) {
      if (a.some((x) => sameLabel(x, l)) || out?.some((x) => sameLabel(x, l))) continue;
      (out ??= [...a]).push(l);
    }
    return out ?? a;
  }
  const seen = new Set(a.map(labelKey));
  let out: Label[] | undefined;
  for (const l of b) {
    const k = labelKey(l);
    if (seen.has(k)) continue;
    seen.add(k);
    (out ??= [...a]).push(l);
  }
  return out ?? a;
}

/**
 * The union of two values, field by field down to MAX_DEPTH; below that the fields are merged into the
 * labels (values that nest themselves — `node.next = node` in a loop — cannot grow without bound, and
 * shared subtrees are not walked once per path).
 */
export function join(a: Taint, b: Taint, depth = 0): Taint {
  if (a.constant !== undefined && b.constant !== undefined && a.constant !== b.constant) return join(withoutConstant(a), withoutConstant(b), depth);
  if (a === b || isEmpty(b)) return a;
  if (isEmpty(a)) return b;
  if (depth >= MAX_DEPTH) return { labels: unionLabels(flatten(a), flatten(b)) };
  const labels = unionLabels(a.labels, b.labels);
  if (!a.fields && !b.fields) return { labels };
  const fields = new Map(a.fields ?? []);
  for (const [k, v] of b.fields ?? []) {
    const cur = fields.get(k);
    fields.set(k, cur ? join(cur, v, depth + 1) : v);
  }
  return { labels, fields };
}

/**
 * What folding `join` over the taints from the left gives, in one pass per level: the first label of each
 * key in order, the fields in order of first appearance, each the fold of its values, flattened from
 * MAX_DEPTH. With at most two non-empty taints (where `join` may keep a taint and its constant as it is) it
 * is the fold itself. Unlike `joinAll`, the result does not depend on how the taints are grouped.
 */
export function joinMany(taints: readonly Taint[], depth = 0): Taint {
  const parts = taints.filter((t) => !isEmpty(t));
  if (parts.length <= 2) return taints.reduce((a, b) => join(a, b, depth));
  const labels = new Map<string, Label>();
  const add = (ls: readonly Label[]): void => {
    for (const l of ls) {
      const k = labelKey(l);
      if (!labels.has(k)) labels.set(k, l);
    }
  };
  if (depth >= MAX_DEPTH) {
    for (const t of parts) add(flatten(t));
    return { labels: [...labels.values()] };
  }
  const byField = new Map<string, Taint[]>();
  for (const t of parts) {
    add(t.labels);
    for (const [k, v] of t.fields ?? []) {
      const list = byField.get(k);
      if (list) list.push(v);
      else byField.set(k, [v]);
    }
  }
  if (byField.size === 0) return { labels: [...labels.values()] };
  const fields = new Map<string, Taint>();
  for (const [k, list] of byField) fields.set(k, list.length === 1 ? list[0] : joinMany(list, depth + 1));
  return { labels: [...labels.values()], fields };
}

/** The join of many taints in one pass (joining pairwise would copy the growing result each time). */
export function joinAll(taints: readonly Taint[]): Taint {
  if (taints.length <= 2) return taints.reduce((a, b) => join(a, b), EMPTY);
  const labels = new Map<string, Label>();
  const byField = new Map<string, Taint[]>();
  for (const t of taints) {
    for (const l of t.labels) {
      const k = labelKey(l);
      if (!labels.has(k)) labels.set(k, l);
    }
    for (const [k, v] of t.fields ?? []) {
      const list = byField.get(k);
      if (list) list.push(v);
      else byField.set(k, [v]);
    }
  }
  if (byField.size === 0) return labels.size === 0 ? EMPTY : { labels: [...labels.values()] };
  const fields = new Map<string, Taint>();
  for (const [k, list] of byField) fields.set(k, list.length === 1 ? list[0] : joinAll(list));
  return { labels: [...labels.values()], fields };
}

/**
 * All labels of a value, its fields included at any depth: what flows when the value flows as a whole.
 * Each distinct sub-taint is visited once (values share subtrees).
 */
export function flatten(t: Taint): readonly Label[] {
  if (!t.fields) return wholeParams(t.labels);
  const seen = new Set<Taint>();
  const walk = (x: Taint, acc: readonly Label[]): readonly Label[] => {
    if (seen.has(x)) return acc;
    seen.add(x);
    let labels = unionLabels(acc, x.labels);
    for (const f of x.fields?.values() ?? []) labels = walk(f, labels);
    return labels;
  };
  return wholeParams(walk(t, []));
}

/** Parameter labels marked as flattened (see ParamLabel.whole); the same list when there is none to mark. */
function wholeParams(labels: readonly Label[]): readonly Label[] {
  let out: Label[] | undefined;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i];
    if (l.kind !== 'param' || l.whole) continue;
    out ??= labels.slice();
    out[i] = { ...l, whole: true };
  }
  return out ?? labels;
}

export function flat(t: Taint): Taint {
  const labels = flatten(t);
  return t.fields || labels !== t.labels ? { labels } : t;
}

/** The taint of `value.name`: the field's own taint, plus the whole value's labels (a parameter label gets the field appended to its path). */
export function readField(t: Taint, name: string): Taint {
  const field = t.fields?.get(name) ?? EMPTY;
  if (t.labels.length === 0) return field;
  const inherited = t.labels.map((l): Label => (l.kind === 'param' && !l.whole && l.path.length < MAX_DEPTH ? { ...l, path: [...l.path, name] } : l));
  return join({ labels: inherited }, field);
}

/** A value that carries these labels only as a whole: reading a declared member of it yields none of them. */
export function wholeOnly(labels: readonly Label[]): Taint {
  return labels.length === 0 ? EMPTY : { labels: [], fields: new Map([[WHOLE_ONLY, { labels }]]) };
}

/** `value.name` where `name` is not a member the value's type declares (an `any`, an index signature): the whole-only labels too. */
export function readUndeclaredField(t: Taint, name: string): Taint {
  const whole = t.fields?.get(WHOLE_ONLY);
  return whole ? join(readField(t, name), { labels: flatten(whole) }) : readField(t, name);
}

/** `value[i]`: the element `i` as stored, the elements known by type, and the whole-only labels. */
export function readElement(t: Taint, index: string): Taint {
  const element = t.fields?.get(ELEMENT);
  const read = readUndeclaredField(t, index);
  return element ? join(read, element) : read;
}

/** The value without one of its fields. */
export function withoutField(t: Taint, name: string): Taint {
  if (!t.fields?.has(name)) return t;
  const fields = new Map(t.fields);
  fields.delete(name);
  return fields.size === 0 ? { labels: t.labels } : { labels: t.labels, fields };
}

export function withField(t: Taint, name: string, value: Taint): Taint {
  const fields = new Map(t.fields ?? []);
  fields.set(name, value);
  return { labels: t.labels, fields };
}

export function mapLabels(t: Taint, fn: (l: Label) => Label | undefined, depth = 0): Taint {
  const labels: Label[] = [];
  for (const l of t.labels) {
    const m = fn(l);
    if (m) labels.push(m);
  }
  if (!t.fields) return { labels: unionLabels([], labels) };
  if (depth >= MAX_DEPTH) {
    // Below the depth kept field by field, what deeper fields hold is merged in (not dropped).
    for (const l of flatten({ labels: [], fields: t.fields })) {
      const m = fn(l);
      if (m) labels.push(m);
    }
    return { labels: unionLabels([], labels) };
  }
  const fields = new Map<string, Taint>();
  for (const [k, v] of t.fields) {
    const m = mapLabels(v, fn, depth + 1);
    if (!isEmpty(m)) fields.set(k, m);
  }
  return { labels: unionLabels([], labels), fields };
}

export function addHop(t: Taint, hop: Hop): Taint {
  if (isEmpty(t)) return t;
  return mapLabels(t, (l) => (l.hops.length >= MAX_HOPS ? l : { ...l, hops: [...l.hops, hop] }));
}


export function applyTransform(t: Taint, change: TransformState): Taint {
  return { labels: flatten(t).map((l) => ({ ...l, transform: { ...l.transform, ...change } })) };
}

