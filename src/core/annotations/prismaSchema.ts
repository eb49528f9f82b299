/**
 * Tags in Prisma schemas (SPEC §3.1 "Where tags are read"): `///` doc comments on a `model` (or `view`,
 * `type`) and on its fields carry the same tags as doc comments in code. This module reads a schema's text
 * (never executes anything), finds each model and field with the doc comment right before it, and
 * validates the tags there, so that bad tags are problems located in the `.prisma` file. Binding the
 * results to the generated client's types is the analysis's job (analysis/prismaBinding.ts).
 */
import type { Loc, Problem } from '../model';
import { LineMap } from '../text/positions';
import type { DeclarationKind } from '../vocabulary/jpPack';
import { parseTags, toTag, type RawTag } from './tagParser';
import type { Annotation, AnnotationContext } from './types';
import { hasRelevantTag, validateTags } from './validateTags';

/** A tagged field of a model. */
export interface PrismaField {
  readonly name: string;
  readonly loc: Loc;
  readonly annotation: Annotation | undefined;
}

/** A model of the schema with its own tags (if any) and its fields' tags. */
export interface PrismaModel {
  readonly name: string;
  readonly loc: Loc;
  readonly annotation: Annotation | undefined;
  readonly fields: readonly PrismaField[];
}

export interface PrismaSchemaTags {
  readonly file: string;
  /** Models that carry a tag themselves or on a field. */
  readonly models: readonly PrismaModel[];
  readonly problems: readonly Problem[];
}

const TYPE: ReadonlySet<DeclarationKind> = new Set(['type']);
const MEMBER: ReadonlySet<DeclarationKind> = new Set(['member']);
const BLOCK_START = /^\s*(model|view|type)\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{/;
const FIELD = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s+\S/;

/** A doc comment: its `///` lines' tags and the span they cover. */
interface DocBlock {
  readonly tags: RawTag[];
  readonly start: number;
  end: number;
}

/** Reads the tags of one schema file. Linear in its length. */
export function readPrismaSchema(file: string, text: string, ctx: AnnotationContext): PrismaSchemaTags {
  const map = new LineMap(text);
  const locate = (start: number, end: number): Loc => map.loc(file, start, end);
  const problems: Problem[] = [];
  const models: PrismaModel[] = [];
  let doc: DocBlock | undefined;
  let model: { name: string; loc: Loc; annotation: Annotation | undefined; fields: PrismaField[] } | undefined;
  const validate = (block: DocBlock | undefined, kinds: ReadonlySet<DeclarationKind>): Annotation | undefined => {
    if (!block || !hasRelevantTag(block.tags.map((t) => t.name))) return undefined;
    const result = validateTags(block.tags.map((t) => toTag(t, locate)), kinds, ctx, locate(block.start, block.end));
    problems.push(...result.problems);
    return result.annotation;
  };
  for (const line of linesOf(text)) {
    const content = text.slice(line.start, line.end);
    const trimmed = content.trimStart();
    if (trimmed.startsWith('///')) {
      doc = appendDoc(doc, text, line);
      continue;
    }
    if (trimmed === '' || (trimmed.startsWith('//') && !trimmed.startsWith('///'))) continue;
    const block = model ? undefined : BLOCK_START.exec(content);
    if (block) {
      const at = line.start + content.indexOf(block[2]);
      model = { name: block[2], loc: locate(at, at + block[2].length), annotation: validate(doc, TYPE), fields: [] };
    } else if (model && trimmed.startsWith('}')) {
      if (model.annotation || model.fields.length > 0) models.push(model);
      model = undefined;
    } else if (model && !trimmed.startsWith('@@')) {
      const field = FIELD.exec(content);
      const annotation = validate(doc, MEMBER);
      if (field && annotation) {
        const at = line.start + content.indexOf(field[1]);
        model.fields.push({ name: field[1], loc: locate(at, at + field[1].length), annotation });
      }
    } else {
      validate(doc, new Set());
    }
    doc = undefined;
  }
  return { file, models, problems };
}

function appendDoc(doc: DocBlock | undefined, text: string, line: { start: number; end: number }): DocBlock {
  const slash = text.indexOf('///', line.start);
  const tags = parseTags(text, slash, line.end);
  if (!doc) return { tags, start: slash, end: line.end };
  doc.tags.push(...tags);
  doc.end = line.end;
  return doc;
}

/** The lines of a text (ends at `\n`, `\r\n` or `\r`), as offsets. */
function linesOf(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 10 && ch !== 13) continue;
    out.push({ start, end: i });
    if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  out.push({ start, end: text.length });
  return out;
}

/**
 * Where a workspace's Prisma schema is (SPEC §3.1): the file or folder `package.json` names in
 * `prisma.schema`, else `prisma/schema.prisma`, `schema.prisma`, or the `.prisma` files of `prisma/schema/`.
 * `read` returns a file's text (undefined when absent); `list` a folder's entry names.
 */
export function prismaSchemaFiles(root: string, read: (path: string) => string | undefined, list: (path: string) => readonly string[]): string[] {
  const base = root.replace(/\/$/, '');
  const named = configuredSchema(read(`${base}/package.json`));
  const candidates = named ? [`${base}/${named.replace(/^\.\//, '')}`] : [`${base}/prisma/schema.prisma`, `${base}/schema.prisma`, `${base}/prisma/schema`];
  for (const path of candidates) {
    if (path.endsWith('.prisma') && read(path) !== undefined) return [path];
    const inFolder = list(path).filter((n) => n.endsWith('.prisma')).sort().map((n) => `${path}/${n}`);
    if (inFolder.length > 0) return inFolder;
  }
  return [];
}

function configuredSchema(packageJson: string | undefined): string | undefined {
  if (!packageJson) return undefined;
  try {
    const value = (JSON.parse(packageJson) as { prisma?: { schema?: unknown } }).prisma?.schema;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
