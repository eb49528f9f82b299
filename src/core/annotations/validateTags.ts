/**
 * Checks the tags of one doc comment against the vocabulary (SPEC §3, §5) and the declaration they are
 * attached to, and builds the declaration's Annotation from the valid values. Every unknown value,
 * missing value, misplaced, misspelt or duplicate tag becomes a Problem at the offending token.
 */
import { PROBLEM_CODES, type Loc, type Problem, type ProblemCode, type Severity } from '../model';
import { suggest } from '../text/suggest';
import {
  ACCESS_CLASSES,
  CATEGORIES,
  ENCRYPTION_LEVELS,
  RESIDENCY_CLASSES,
  SELF_PARTY,
  STANDARD_JSDOC_TAGS,
  TAGS,
  type DeclarationKind,
  type ResidencyClass,
  type TagSpec,
} from '../vocabulary/jpPack';
import type { ResolvedRegion } from '../vocabulary/regionTypes';
import type { Annotation, AnnotationContext, Tag, TagValue } from './types';

export type TagNameClass =
  | { readonly kind: 'known'; readonly spec: TagSpec }
  | { readonly kind: 'misspelt'; readonly suggestion: string }
  | { readonly kind: 'ignored' };

/** Whether a tag name is one of ours, a probable typo of one (not a standard JSDoc tag), or neither. */
export function classifyTagName(name: string): TagNameClass {
  const spec = TAGS.get(name);
  if (spec) return { kind: 'known', spec };
  if (STANDARD_JSDOC_TAGS.has(name)) return { kind: 'ignored' };
  const suggestion = suggest(name, TAGS.keys());
  return suggestion ? { kind: 'misspelt', suggestion } : { kind: 'ignored' };
}

/** True when at least one tag is ours or a probable typo of one. */
export function hasRelevantTag(names: Iterable<string>): boolean {
  for (const name of names) {
    if (classifyTagName(name).kind !== 'ignored') return true;
  }
  return false;
}

export interface TagValidation {
  /** Undefined when no tag of ours applies to the declaration. */
  readonly annotation: Annotation | undefined;
  readonly problems: readonly Problem[];
}

type Fields = { -readonly [K in Exclude<keyof Annotation, 'tags' | 'commentLoc'>]?: Annotation[K] };

/**
 * Validates the tags of one doc comment. `kinds` are the kinds of the declaration the comment is
 * attached to, or undefined when it is attached to nothing that can carry tags.
 */
export function validateTags(
  tags: readonly Tag[],
  kinds: ReadonlySet<DeclarationKind> | undefined,
  ctx: AnnotationContext,
  commentLoc: Loc,
): TagValidation {
  const problems: Problem[] = [];
  const applied: Tag[] = [];
  const fields: Fields = {};
  const seen = new Set<string>();
  for (const tag of tags) {
    const cls = classifyTagName(tag.name);
    if (cls.kind === 'misspelt') problems.push(misspelt(tag, cls.suggestion));
    if (cls.kind !== 'known') continue;
    const placement = misplaced(tag, cls.spec, kinds);
    if (placement) {
      problems.push(placement);
      continue;
    }
    applied.push(tag);
    if (seen.has(tag.name)) {
      problems.push(duplicate(tag));
      continue;
    }
    seen.add(tag.name);
    applyTag(tag, cls.spec, ctx, fields, problems);
  }
  const annotation = applied.length > 0 ? { ...fields, tags: applied, commentLoc } : undefined;
  return { annotation, problems };
}

function problem(
  code: ProblemCode,
  location: Loc,
  message: string,
  suggestion?: string,
  severity: Severity = 'error',
): Problem {
  const base = { kind: 'annotation' as const, code, severity, message, location };
  return suggestion === undefined ? base : { ...base, suggestion };
}

function misspelt(tag: Tag, suggestion: string): Problem {
  return problem(
    PROBLEM_CODES.unknownTag,
    tag.nameLoc,
    `Unknown tag "@${tag.name}"; did you mean "@${suggestion}"?`,
    `@${suggestion}`,
  );
}

function duplicate(tag: Tag): Problem {
  return problem(
    PROBLEM_CODES.duplicateTag,
    tag.loc,
    `Duplicate tag @${tag.name} on this declaration; only the first one applies`,
    undefined,
    'warning',
  );
}

const KIND_LABELS: Readonly<Record<DeclarationKind, string>> = {
  type: 'an interface or type alias',
  class: 'a class',
  member: 'a property',
  variable: 'a variable',
  parameter: 'a parameter',
  function: 'a function or method',
};

const KIND_ORDER: readonly DeclarationKind[] = ['type', 'class', 'member', 'variable', 'parameter', 'function'];

function allowedText(spec: TagSpec): string {
  const labels = KIND_ORDER.filter((k) => spec.on.has(k)).map((k) => KIND_LABELS[k]);
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

function misplaced(tag: Tag, spec: TagSpec, kinds: ReadonlySet<DeclarationKind> | undefined): Problem | undefined {
  if (kinds === undefined) {
    return problem(
      PROBLEM_CODES.misplacedTag,
      tag.loc,
      `@${tag.name} is not attached to a declaration; put it in the doc comment directly before ${allowedText(spec)}`,
    );
  }
  for (const kind of kinds) {
    if (spec.on.has(kind)) return undefined;
  }
  const here = KIND_ORDER.find((k) => kinds.has(k));
  const on = here ? ` on ${KIND_LABELS[here]}` : ' here';
  return problem(
    PROBLEM_CODES.misplacedTag,
    tag.loc,
    `@${tag.name} cannot be used${on}; it applies to ${allowedText(spec)}`,
  );
}

function applyTag(tag: Tag, spec: TagSpec, ctx: AnnotationContext, fields: Fields, problems: Problem[]): void {
  if (spec.arity === 'none') {
    if (spec.name === 'anonymizes') fields.anonymizes = true;
    if (spec.name === 'pseudonymizes') fields.pseudonymizes = true;
    return;
  }
  if (tag.values.length === 0) {
    problems.push(missingValue(tag, spec, ctx));
    return;
  }
  if (spec.value === 'region') {
    applyRegion(tag.values[0], ctx, fields, problems);
    return;
  }
  const valid = tag.values.filter((v) => checkValue(v, spec, ctx, problems));
  if (valid.length > 0) setField(fields, spec.name, valid.map((v) => v.text));
}

function setField(fields: Fields, name: string, values: readonly string[]): void {
  switch (name) {
    case 'residency': fields.residency = values[0] as ResidencyClass; break;
    case 'access': fields.access = values; break;
    case 'category': fields.category = values[0]; break;
    case 'recipient': fields.recipient = values[0]; break;
    case 'readable-by': fields.readableBy = values; break;
    case 'exposes-to': fields.exposesTo = values; break;
    case 'encrypts': fields.encrypts = values[0]; break;
    case 'basis': fields.basis = values; break;
  }
}

function applyRegion(value: TagValue, ctx: AnnotationContext, fields: Fields, problems: Problem[]): void {
  const lookup = ctx.regions.resolve(value.text, ctx.config.regions);
  if (lookup.ok) {
    const region: ResolvedRegion & { readonly written: string } = { ...lookup.resolved, written: value.text };
    fields.region = region;
    return;
  }
  const mention = lookup.suggestion !== undefined && !lookup.message.includes(`"${lookup.suggestion}"`);
  const message = mention ? `${lookup.message}; did you mean "${lookup.suggestion}"?` : lookup.message;
  problems.push(problem(PROBLEM_CODES.unknownValue, value.loc, message, lookup.suggestion));
}

interface Vocabulary {
  readonly noun: string;
  readonly known: readonly string[];
  /** Where the names come from, when it is the config. */
  readonly hint?: string;
}

function vocabulary(spec: TagSpec, ctx: AnnotationContext): Vocabulary {
  switch (spec.value) {
    case 'residency': return { noun: 'residency class', known: [...RESIDENCY_CLASSES.keys()] };
    case 'access': return { noun: 'access class', known: [...ACCESS_CLASSES.keys()] };
    case 'category': return { noun: 'data category', known: [...CATEGORIES.keys()] };
    case 'encryption': return { noun: 'encryption level', known: [...ENCRYPTION_LEVELS.keys()] };
    case 'party': return { noun: 'party', known: partyIds(ctx), hint: '"parties" in residency.config.json' };
    case 'basis': return { noun: 'basis', known: [...ctx.config.bases.keys()], hint: '"bases" in residency.config.json' };
    default: return { noun: 'value', known: [] };
  }
}

function partyIds(ctx: AnnotationContext): string[] {
  const ids = [...ctx.config.parties.keys()];
  return ids.includes(SELF_PARTY.id) ? ids : [SELF_PARTY.id, ...ids];
}

function checkValue(value: TagValue, spec: TagSpec, ctx: AnnotationContext, problems: Problem[]): boolean {
  const vocab = vocabulary(spec, ctx);
  if (vocab.known.includes(value.text)) return true;
  const suggestion = suggest(value.text, vocab.known);
  const head = `Unknown ${vocab.noun} "${value.text}"`;
  const message = suggestion !== undefined ? `${head}; did you mean "${suggestion}"?` : `${head}; ${expected(vocab)}`;
  problems.push(problem(PROBLEM_CODES.unknownValue, value.loc, message, suggestion));
  return false;
}

function expected(vocab: Vocabulary): string {
  if (vocab.known.length === 0) return `none is declared (add it under ${vocab.hint ?? 'the config'})`;
  const list = `expected one of: ${vocab.known.join(', ')}`;
  return vocab.hint ? `${list} (declared under ${vocab.hint})` : list;
}

function missingValue(tag: Tag, spec: TagSpec, ctx: AnnotationContext): Problem {
  const what = spec.value === 'region'
    ? 'a region (provider:code, a unique region code, a country code or a name from the config\'s "regions")'
    : `${spec.arity === 'list' ? 'at least one' : 'a'} ${vocabulary(spec, ctx).noun}`;
  return problem(PROBLEM_CODES.missingValue, tag.nameLoc, `@${tag.name} needs ${what}`);
}
