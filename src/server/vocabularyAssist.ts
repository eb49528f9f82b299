/**
 * Writing annotations with help: completions and hovers inside doc comments and suppression directives.
 * After `@` it offers the tag names; after a tag, the values valid for it (classes, categories,
 * encryption levels, the workspace config's parties and bases, regions and countries); after
 * `residency-guard-disable-next-line`, the rule ids. Each item carries a short description.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type Hover, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ResidencyConfig } from '../core/config/types';
import { ISO_COUNTRY_CODES } from '../core/data/countries';
import { RULES } from '../core/rules/index';
import {
  ACCESS_CLASSES, CATEGORIES, ENCRYPTION_LEVELS, RESIDENCY_CLASSES, SELF_PARTY, TAGS, type TagSpec, type Term,
} from '../core/vocabulary/jpPack';
import type { RegionCatalog } from '../core/vocabulary/regionTypes';
import { t as text } from './texts';

export const DIRECTIVE = 'residency-guard-disable-next-line';
type Lang = 'en' | 'ja';

interface Item {
  readonly label: string;
  readonly detail: string;
  readonly kind: CompletionItemKind;
}

/** Where the cursor is, as far as annotations are concerned. */
type Context =
  | { readonly kind: 'tag'; readonly prefix: string }
  | { readonly kind: 'value'; readonly tag: TagSpec; readonly prefix: string }
  | { readonly kind: 'rule'; readonly prefix: string }
  | { readonly kind: 'directive'; readonly prefix: string };

function terms(map: ReadonlyMap<string, Term>, lang: Lang, kind: CompletionItemKind): Item[] {
  return [...map.values()].map((t) => ({ label: t.id, detail: t[lang], kind }));
}

/** The text of the comment around `offset`, if the offset is inside a `/** … *\/` comment. */
function docCommentBefore(text: string, offset: number): string | undefined {
  const open = text.lastIndexOf('/**', offset);
  if (open < 0) return undefined;
  const close = text.indexOf('*/', open + 3);
  if (close >= 0 && close < offset) return undefined;
  return text.slice(open, offset);
}

function contextAt(doc: TextDocument, pos: Position): Context | undefined {
  const text = doc.getText();
  const offset = doc.offsetAt(pos);
  const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  const directive = /\/[/*]\s*residency-guard-disable-next-line\s+(?:[A-Za-z0-9]+[\s,]+)*([A-Za-z0-9]*)$/.exec(line);
  if (directive && !line.includes(' -- ')) return { kind: 'rule', prefix: directive[1] };
  const partialDirective = /\/\/\s*(r[a-z-]*)$/.exec(line);
  if (partialDirective && DIRECTIVE.startsWith(partialDirective[1])) return { kind: 'directive', prefix: partialDirective[1] };
  const comment = docCommentBefore(text, offset);
  if (comment === undefined) return undefined;
  const tagStart = /(?:^|[\s*])@([a-z-]*)$/.exec(comment);
  if (tagStart) return { kind: 'tag', prefix: tagStart[1] };
  const lastLine = comment.slice(comment.lastIndexOf('\n') + 1);
  const value = /(?:^|[\s*])@([a-z-]+)((?:[ \t]+[\w:.-]+,?)*)[ \t]+([\w:.-]*)$/.exec(lastLine);
  const tag = value && TAGS.get(value[1]);
  if (!tag || tag.arity === 'none') return undefined;
  if (tag.arity === 'one' && value[2].trim() !== '') return undefined;
  return { kind: 'value', tag, prefix: value[3] };
}

function valueItems(tag: TagSpec, config: ResidencyConfig | undefined, regions: RegionCatalog, lang: Lang): Item[] {
  switch (tag.value) {
    case 'residency': return terms(RESIDENCY_CLASSES, lang, CompletionItemKind.EnumMember);
    case 'access': return terms(ACCESS_CLASSES, lang, CompletionItemKind.EnumMember);
    case 'category': return terms(CATEGORIES, lang, CompletionItemKind.EnumMember);
    case 'encryption': return terms(ENCRYPTION_LEVELS, lang, CompletionItemKind.EnumMember);
    case 'party': {
      const parties = config ? [...config.parties.values()] : [SELF_PARTY];
      return parties.map((p) => ({ label: p.id, detail: `${p.name} (${p.access}, ${p.country})`, kind: CompletionItemKind.Value }));
    }
    case 'basis': return config ? [...config.bases.values()].map((b) => ({ label: b.id, detail: `${b.type}${b.countries ? `: ${b.countries.join(', ')}` : ''}`, kind: CompletionItemKind.Value })) : [];
    case 'region': return regionItems(config, regions, lang);
    default: return [];
  }
}

function regionItems(config: ResidencyConfig | undefined, regions: RegionCatalog, lang: Lang): Item[] {
  const named = Object.entries(config?.regions ?? {}).map(([name, value]) => ({ label: name, detail: text(lang, 'assist.configRegion', value), kind: CompletionItemKind.Reference }));
  const catalog = regions.allRegionNames().map((name) => {
    const r = regions.resolve(name);
    return { label: name, detail: r.ok ? `${r.resolved.label} (${r.resolved.country ?? text(lang, 'assist.noSingleCountry')})` : name, kind: CompletionItemKind.Value };
  });
  const countries = ISO_COUNTRY_CODES.map((c) => ({ label: c, detail: text(lang, 'assist.country'), kind: CompletionItemKind.Constant }));
  return [...named, ...catalog, ...countries];
}

function itemsFor(ctx: Context, config: ResidencyConfig | undefined, regions: RegionCatalog, lang: Lang): Item[] {
  switch (ctx.kind) {
    case 'tag': return [...TAGS.values()].map((t) => ({ label: t.name, detail: t[lang], kind: CompletionItemKind.Keyword }));
    case 'value': return valueItems(ctx.tag, config, regions, lang);
    case 'rule': return RULES.map((r) => ({ label: r.id, detail: r.title[lang], kind: CompletionItemKind.EnumMember }));
    case 'directive': return [{ label: DIRECTIVE, detail: text(lang, 'assist.directive'), kind: CompletionItemKind.Snippet }];
  }
}

export function completionsAt(doc: TextDocument, pos: Position, config: ResidencyConfig | undefined, regions: RegionCatalog, lang: Lang): CompletionItem[] {
  const ctx = contextAt(doc, pos);
  if (!ctx) return [];
  return itemsFor(ctx, config, regions, lang)
    .filter((i) => i.label.startsWith(ctx.prefix))
    .map((i, n) => ({ label: i.label, kind: i.kind, detail: i.detail, documentation: { kind: MarkupKind.Markdown, value: i.detail }, sortText: String(n).padStart(5, '0') }));
}

/** Hover text for a tag or a vocabulary value under the cursor inside a doc comment. */
export function vocabularyHover(doc: TextDocument, pos: Position, config: ResidencyConfig | undefined, lang: Lang): Hover | undefined {
  const text = doc.getText();
  const offset = doc.offsetAt(pos);
  if (docCommentBefore(text, offset) === undefined) return undefined;
  let start = offset;
  let end = offset;
  while (start > 0 && /[@\w:.-]/.test(text[start - 1])) start--;
  while (end < text.length && /[\w:.-]/.test(text[end])) end++;
  const word = text.slice(start, end);
  const describe = describeWord(word, config, lang);
  if (!describe) return undefined;
  return { contents: { kind: MarkupKind.Markdown, value: describe }, range: { start: doc.positionAt(start), end: doc.positionAt(end) } };
}

function describeWord(word: string, config: ResidencyConfig | undefined, lang: Lang): string | undefined {
  if (word.startsWith('@')) {
    const t = TAGS.get(word.slice(1));
    return t && `**@${t.name}** — ${t[lang]}`;
  }
  const kinds = [['assist.residencyClass', RESIDENCY_CLASSES], ['assist.accessClass', ACCESS_CLASSES], ['assist.category', CATEGORIES], ['assist.encryption', ENCRYPTION_LEVELS]] as const;
  for (const [what, map] of kinds) {
    const t = map.get(word);
    if (t) return `**${t.id}** (${text(lang, what)}) — ${t[lang]}`;
  }
  const party = config?.parties.get(word);
  if (party) return `**${party.id}** (${text(lang, 'assist.party')}) — ${party.name}: ${party.access}, ${party.country}`;
  const basis = config?.bases.get(word);
  if (basis) {
    const type = basis.countries ? text(lang, 'assist.basisFor', basis.type, basis.countries.join(', ')) : basis.type;
    return `**${basis.id}** (${text(lang, 'assist.basis')}) — ${type}${basis.ref ? ` · ${basis.ref}` : ''}`;
  }
  return undefined;
}
