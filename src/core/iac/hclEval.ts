/**
 * Values of Terraform expressions as far as the files tell them, without running Terraform: literals,
 * templates, `var.X` (each `*.tfvars` file that sets it is an environment of its own; else the variable's
 * `default`), `local.X`, and references to resources (`aws_s3_bucket.media.bucket` names that resource).
 * Each value keeps the located steps it was read from; a value that cannot be known says why ("variable
 * region has no default and no *.tfvars file sets it"). Several values are several environments.
 */
import type { Loc } from '../model';
import { LineMap } from '../text/positions';
import { attribute, type Block, type Body, type Expr, type Span } from './hclParser';
import type { Known, Step } from './model';

/** A parsed Terraform file with what locates its nodes. */
export interface TfFile {
  readonly file: string;
  /** Root-relative path, for notes. */
  readonly rel: string;
  readonly text: string;
  readonly body: Body;
  readonly lines: LineMap;
}

export function tfFile(file: string, rel: string, text: string, body: Body): TfFile {
  return { file, rel, text, body, lines: new LineMap(text) };
}

export function spanLoc(f: TfFile, s: Span): Loc {
  return f.lines.loc(f.file, s.start, s.end);
}

/** The source text of a node on one line, shortened. */
export function spanText(f: TfFile, s: Span): string {
  const t = f.text.slice(s.start, s.end).replace(/\s+/g, ' ');
  return t.length > 80 ? `${t.slice(0, 77)}...` : t;
}

export function stepAt(f: TfFile, s: Span, note: string): Step {
  return { loc: spanLoc(f, s), note: `${note} (${f.rel}:${f.lines.position(s.start).line})` };
}

/** A resource named by a reference. */
export interface ResourceRef {
  readonly type: string;
  readonly name: string;
}

export type TfValue = { readonly text: string } | { readonly ref: ResourceRef };

/** Where names resolve: the declarations of the module's files. */
export interface TfScope {
  readonly variables: ReadonlyMap<string, { readonly file: TfFile; readonly block: Block }>;
  readonly locals: ReadonlyMap<string, { readonly file: TfFile; readonly expr: Expr; readonly span: Span }>;
  /** Values set by `*.tfvars` files: variable → one per file that sets it. */
  readonly tfvars: ReadonlyMap<string, ReadonlyArray<{ readonly file: TfFile; readonly expr: Expr; readonly span: Span }>>;
  /** How many `*.tfvars` files (environments) the module has. */
  readonly environments: number;
  /** Whether a `type.name` is a declared resource. */
  readonly isResource: (type: string, name: string) => boolean;
}

const MAX_VALUES = 8;
const MAX_DEPTH = 8;

export function evaluate(scope: TfScope, f: TfFile, e: Expr, depth = 0): Array<Known<TfValue>> {
  if (depth > MAX_DEPTH) return [{ missing: `${spanText(f, e)} refers to itself`, steps: [] }];
  switch (e.type) {
    case 'literal':
      return e.value === null ? [{ missing: `${spanText(f, e)} is null`, steps: [] }] : [{ value: { text: String(e.value) }, steps: [] }];
    case 'template':
      return template(scope, f, e.parts, depth);
    case 'traversal':
      return traversal(scope, f, e, depth);
    default:
      return [{ missing: `${spanText(f, e)} is computed when Terraform runs`, steps: [] }];
  }
}

function template(scope: TfScope, f: TfFile, parts: ReadonlyArray<string | Expr>, depth: number): Array<Known<TfValue>> {
  let acc: Array<Known<TfValue>> = [{ value: { text: '' }, steps: [] }];
  for (const p of parts) {
    const next = typeof p === 'string' ? [{ value: { text: p }, steps: [] }] : evaluate(scope, f, p, depth + 1);
    acc = acc.flatMap((a) => next.map((n) => concat(a, n))).slice(0, MAX_VALUES);
  }
  return acc;
}

function concat(a: Known<TfValue>, b: Known<TfValue>): Known<TfValue> {
  const steps = [...a.steps, ...b.steps];
  if ('missing' in a) return a;
  if ('missing' in b) return { missing: b.missing, steps };
  if (!('text' in a.value) || !('text' in b.value)) return { missing: 'a resource reference is part of a string', steps };
  return { value: { text: a.value.text + b.value.text }, steps };
}

function traversal(scope: TfScope, f: TfFile, e: Extract<Expr, { type: 'traversal' }>, depth: number): Array<Known<TfValue>> {
  const [first] = e.steps;
  if (e.root === 'var' && typeof first === 'string') return variable(scope, first, depth);
  if (e.root === 'local' && typeof first === 'string') return local(scope, first, depth);
  if (typeof first === 'string' && scope.isResource(e.root, first)) return [{ value: { ref: { type: e.root, name: first } }, steps: [] }];
  return [{ missing: `${spanText(f, e)} is not declared in the files read`, steps: [] }];
}

/** Each tfvars file that sets the variable gives a value; the default gives one when some environment (or none) leaves it unset. */
function variable(scope: TfScope, name: string, depth: number): Array<Known<TfValue>> {
  const set = scope.tfvars.get(name) ?? [];
  const fromFiles = set.flatMap((s) => evaluate(scope, s.file, s.expr, depth + 1).map((v) => withStep(v, stepAt(s.file, s.span, `var.${name} = ${spanText(s.file, s.expr)}`))));
  if (set.length > 0 && set.length >= scope.environments) return fromFiles;
  const fallback = defaultOf(scope, name, depth);
  return set.length > 0 ? [...fromFiles, ...fallback.filter((v) => 'value' in v)] : fallback;
}

function defaultOf(scope: TfScope, name: string, depth: number): Array<Known<TfValue>> {
  const decl = scope.variables.get(name);
  if (!decl) return [{ missing: `variable ${name} is not declared`, steps: [] }];
  const def = attribute(decl.block.body, 'default');
  const declared = stepAt(decl.file, decl.block, `variable "${name}"`);
  if (!def) return [{ missing: `variable ${name} has no default and no *.tfvars file sets it`, steps: [declared] }];
  return evaluate(scope, decl.file, def.value, depth + 1).map((v) => withStep(v, stepAt(decl.file, def, `variable "${name}" default = ${spanText(decl.file, def.value)}`)));
}

function local(scope: TfScope, name: string, depth: number): Array<Known<TfValue>> {
  const l = scope.locals.get(name);
  if (!l) return [{ missing: `local.${name} is not declared`, steps: [] }];
  return evaluate(scope, l.file, l.expr, depth + 1).map((v) => withStep(v, stepAt(l.file, l.span, `local.${name} = ${spanText(l.file, l.expr)}`)));
}

function withStep(v: Known<TfValue>, s: Step): Known<TfValue> {
  return { ...v, steps: [s, ...v.steps] };
}

/** The texts of a value list (references and unknowns left out). */
export function texts(values: ReadonlyArray<Known<TfValue>>): string[] {
  return values.flatMap((v) => ('value' in v && 'text' in v.value ? [v.value.text] : []));
}
