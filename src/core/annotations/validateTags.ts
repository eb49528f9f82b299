/**
 * Checks the tags of one doc comment against the vocabulary (SPEC §3, §5) and the declaration they are
 * attached to, and builds the declaration's Annotation from the valid values. Every unknown value,
 * missing value, misplaced, misspelt or duplicate tag becomes a Problem at the offending token.
 */
import { problemMessage, type Lang } from '../messages/problemMessages';
import { firstKind, type ValueNoun } from '../messages/phrases';
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
  const lang = ctx.lang ?? 'en';
  for (const tag of tags) {
    const cls = classifyTagName(tag.name);
    if (cls.kind === 'misspelt') problems.push(misspelt(tag, cls.suggestion, lang));
    if (cls.kind !== 'known') continue;
    const placement = misplaced(tag, cls.spec, kinds, lang);
    if (placement) {
      problems.push(placement);
      continue;
    }
    applied.push(tag);
    if (seen.has(tag.name)) {
      problems.push(duplicate(tag, lang));
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

function misspelt(tag: Tag, suggestion: string, lang: Lang): Problem {
  const message = problemMessage(lang, 'unknownTag', { tag: tag.name, suggestion });
  return problem(PROBLEM_CODES.unknownTag, tag.nameLoc, message, `@${suggestion}`);
}

function duplicate(tag: Tag, lang: Lang): Problem {
  const message = problemMessage(lang, 'duplicateTag', { tag: tag.name });
  return problem(PROBLEM_CODES.duplicateTag, tag.loc, message, undefined, 'warning');
}

function misplaced(tag: Tag, spec: TagSpec, kinds: ReadonlySet<DeclarationKind> | undefined, lang: Lang): Problem | undefined {
  if (kinds === undefined) {
    const message = problemMessage(lang, 'tagNotAttached', { tag: tag.name, allowed: spec.on });
    return problem(PROBLEM_CODES.misplacedTag, tag.loc, message);
  }
  for (const kind of kinds) {
    if (spec.on.has(kind)) return undefined;
  }
  const message = problemMessage(lang, 'tagMisplaced', { tag: tag.name, here: firstKind(kinds), allowed: spec.on });
  return problem(PROBLEM_CODES.misplacedTag, tag.loc, message);
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
  const lang = ctx.lang ?? 'en';
  const lookup = ctx.regions.resolve(value.text, ctx.config.regions, lang);
  if (lookup.ok) {
    const region: ResolvedRegion & { readonly written: string } = { ...lookup.resolved, written: value.text };
    fields.region = region;
    return;
  }
  const mention = lookup.suggestion !== undefined && !lookup.message.includes(`"${lookup.suggestion}"`);
  const message = problemMessage(lang, 'invalidRegionTag', { detail: lookup.message, suggestion: mention ? lookup.suggestion : undefined });
  problems.push(problem(PROBLEM_CODES.unknownValue, value.loc, message, lookup.suggestion));
}

interface Vocabulary {
  readonly noun: ValueNoun;
  readonly known: readonly string[];
  /** The config section the names come from, when they come from the config. */
  readonly section?: 'parties' | 'bases';
}

function vocabulary(spec: TagSpec, ctx: AnnotationContext): Vocabulary {
  switch (spec.value) {
    case 'residency': return { noun: 'residency class', known: [...RESIDENCY_CLASSES.keys()] };
    case 'access': return { noun: 'access class', known: [...ACCESS_CLASSES.keys()] };
    case 'category': return { noun: 'data category', known: [...CATEGORIES.keys()] };
    case 'encryption': return { noun: 'encryption level', known: [...ENCRYPTION_LEVELS.keys()] };
    case 'party': return { noun: 'party', known: partyIds(ctx), section: 'parties' };
    case 'basis': return { noun: 'basis', known: [...ctx.config.bases.keys()], section: 'bases' };
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
  const args = { noun: vocab.noun, value: value.text, suggestion, known: vocab.known, section: vocab.section };
  const message = problemMessage(ctx.lang ?? 'en', 'unknownValue', args);
  problems.push(problem(PROBLEM_CODES.unknownValue, value.loc, message, suggestion));
  return false;
}

function missingValue(tag: Tag, spec: TagSpec, ctx: AnnotationContext): Problem {
  const lang = ctx.lang ?? 'en';
  const message = spec.value === 'region'
    ? problemMessage(lang, 'missingRegion', { tag: tag.name })
    : problemMessage(lang, 'missingValue', { tag: tag.name, noun: vocabulary(spec, ctx).noun, list: spec.arity === 'list' });
  return problem(PROBLEM_CODES.missingValue, tag.nameLoc, message);
}
