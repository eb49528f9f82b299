/**
 * Quick fixes on our diagnostics: suppress the finding (or every rule of its line) with a reason the user
 * types into a selected snippet placeholder, attach a configured basis that covers the destination country
 * to the enclosing function, add `@region` to the enclosing function of an unresolved egress, the config
 * fixes of configFixes.ts, open the rule's documentation, and replace a misspelt annotation value with the
 * suggested one.
 */
import ts = require('typescript');
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ResidencyConfig } from '../core/config/types';
import { basisCovers } from '../core/rules/facts';
import { INSERT_SNIPPET_COMMAND, OPEN_RULE_DOC_COMMAND, SERVER_SOURCE } from '../shared/protocol';
import { configFixes, type ConfigText } from './configFixes';
import type { FindingData } from './diagnostics';
import { t, type Lang } from './texts';

/** What the code actions know besides the document. */
export interface ActionContext {
  readonly config: ResidencyConfig | undefined;
  readonly configText: ConfigText | undefined;
  readonly lang: Lang;
}

/** The line the finding's sink starts on (its squiggle may be on an argument further down). */
function sinkLine(d: Diagnostic): number {
  const line = (d.data as FindingData | undefined)?.line;
  return typeof line === 'number' ? line : d.range.start.line;
}

/** A snippet's text: `$`, `}` and `\` are escaped. */
function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

/**
 * A directive already on the line above gets the rules added (its reason stays); otherwise a new directive
 * is inserted as a snippet whose reason is a selected placeholder: typing replaces it, and a placeholder left
 * in is itself a problem.
 */
function suppressAction(doc: TextDocument, diagnostics: readonly Diagnostic[], rules: readonly string[], title: string, lang: Lang): CodeAction {
  const line = sinkLine(diagnostics[0]);
  const above = line > 0 ? lineText(doc, line - 1) : '';
  const existing = /^(\s*\/\/\s*residency-guard-disable-next-line\s+[^-]*?)(\s+--\s.*)?$/.exec(above);
  if (existing) {
    const at = { line: line - 1, character: existing[1].length };
    const edit: TextEdit = { range: { start: at, end: at }, newText: rules.map((r) => ` ${r}`).join('') };
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [...diagnostics], edit: { changes: { [doc.uri]: [edit] } } };
  }
  const indent = /^\s*/.exec(lineText(doc, line))?.[0] ?? '';
  const snippet = `${indent}// residency-guard-disable-next-line ${rules.join(' ')} -- \${1:${snippetText(t(lang, 'fix.reasonPlaceholder'))}}\n`;
  return {
    title, kind: CodeActionKind.QuickFix, diagnostics: [...diagnostics],
    command: { title, command: INSERT_SNIPPET_COMMAND, arguments: [doc.uri, { line, character: 0 }, snippet] },
  };
}

function docAction(d: Diagnostic, code: string, lang: Lang): CodeAction {
  const title = t(lang, 'fix.openDoc', code);
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: OPEN_RULE_DOC_COMMAND, arguments: [code] } };
}

/** Where to write a tag into the enclosing function's doc comment: the comment's end, or a new comment above the function. */
interface TagSpot {
  readonly at: { line: number; character: number };
  /** Whether a new `/** … *\/` comment (on its own line, with this indent) is needed. */
  readonly newComment: string | undefined;
}

function tagSpot(doc: TextDocument, d: Diagnostic): TagSpot | undefined {
  // No JSDoc parsing: TypeScript's JSDoc scanner can hang on half-typed tags; comments are read directly.
  const sf = ts.createSourceFile(doc.uri, doc.getText(), { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true);
  const offset = doc.offsetAt(d.range.start);
  let fn: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (offset < n.getStart(sf) || offset >= n.getEnd()) return;
    if (ts.isFunctionLike(n)) fn = n;
    ts.forEachChild(n, visit);
  };
  visit(sf);
  if (!fn) return undefined;
  const holder = ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? ts.findAncestor(fn, ts.isVariableStatement) ?? fn : fn;
  const comments = ts.getLeadingCommentRanges(sf.text, holder.getFullStart()) ?? [];
  const last = comments.filter((c) => sf.text.startsWith('/**', c.pos)).pop();
  if (last) return { at: doc.positionAt(last.end - 2), newComment: undefined };
  const start = doc.positionAt(holder.getStart(sf));
  return { at: { line: start.line, character: 0 }, newComment: ' '.repeat(start.character) };
}

/** The text that puts `tag` (already a snippet, or plain text) at the spot. */
function tagText(spot: TagSpot, tag: string): string {
  return spot.newComment === undefined ? `${tag} ` : `${spot.newComment}/** ${tag} */\n`;
}

function basisEdit(doc: TextDocument, d: Diagnostic, basisId: string): TextEdit | undefined {
  const spot = tagSpot(doc, d);
  return spot && { range: { start: spot.at, end: spot.at }, newText: tagText(spot, `@basis ${basisId}`) };
}

/** JPR010: `@region` on the enclosing function makes the egress inside it a destination in that region (SPEC §3.2). */
function regionAction(doc: TextDocument, d: Diagnostic, lang: Lang): CodeAction | undefined {
  const spot = tagSpot(doc, d);
  if (!spot) return undefined;
  const title = t(lang, 'fix.region');
  const snippet = tagText(spot, '@region ${1|aws:ap-northeast-1,aws:ap-northeast-3,gcp:asia-northeast1,azure:japaneast|}');
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: INSERT_SNIPPET_COMMAND, arguments: [doc.uri, spot.at, snippet] } };
}

function basisActions(doc: TextDocument, d: Diagnostic, data: FindingData, config: ResidencyConfig | undefined, lang: Lang): CodeAction[] {
  const country = data.country ?? (data.party ? config?.parties.get(data.party)?.country : undefined);
  if (!config || !country) return [];
  const out: CodeAction[] = [];
  for (const b of config.bases.values()) {
    if (!basisCovers(b, country)) continue;
    const edit = basisEdit(doc, d, b.id);
    if (edit) out.push({ title: t(lang, 'fix.attachBasis', b.id, b.type), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: [edit] } } });
  }
  return out;
}

/** Problems whose range is exactly the misspelt token (annotation values, tag names, suppressed rule ids). */
const TOKEN_PROBLEMS = new Set(['RG001', 'RG004', 'RG006']);

function suggestionAction(doc: TextDocument, d: Diagnostic, lang: Lang): CodeAction | undefined {
  const suggestion = (d.data as { suggestion?: string } | undefined)?.suggestion;
  if (!suggestion || !TOKEN_PROBLEMS.has(String(d.code))) return undefined;
  return { title: t(lang, 'fix.change', suggestion), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [doc.uri]: [{ range: d.range, newText: suggestion }] } } };
}

function isFinding(d: Diagnostic): d is Diagnostic & { code: string } {
  return d.source === SERVER_SOURCE && typeof d.code === 'string' && d.code.startsWith('JPR') && d.code !== 'JPR012';
}

/** The fixes of one finding's diagnostic. */
function findingActions(doc: TextDocument, d: Diagnostic & { code: string }, ctx: ActionContext): CodeAction[] {
  const data = (d.data ?? { rule: d.code, country: null, party: null }) as FindingData;
  const out: (CodeAction | undefined)[] = [
    ...configFixes(d, data, ctx.config, ctx.configText, ctx.lang),
    ...basisActions(doc, d, data, ctx.config, ctx.lang),
    d.code === 'JPR010' ? regionAction(doc, d, ctx.lang) : undefined,
    suppressAction(doc, [d], [d.code], t(ctx.lang, 'fix.suppress', d.code), ctx.lang),
  ];
  return out.filter((a): a is CodeAction => a !== undefined);
}

/** "Suppress all N rules on this line", when several findings share the line. */
function suppressAllAction(doc: TextDocument, diagnostics: readonly Diagnostic[], lang: Lang): CodeAction | undefined {
  const first = diagnostics.find(isFinding);
  if (!first) return undefined;
  const line = diagnostics.filter((d) => isFinding(d) && sinkLine(d) === sinkLine(first));
  const rules = [...new Set(line.map((d) => String(d.code)))].sort();
  return rules.length > 1 ? suppressAction(doc, line, rules, t(lang, 'fix.suppressAll', rules.length), lang) : undefined;
}

export function codeActionsFor(doc: TextDocument, diagnostics: readonly Diagnostic[], ctx: ActionContext): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== SERVER_SOURCE || typeof d.code !== 'string') continue;
    if (isFinding(d)) out.push(...findingActions(doc, d, ctx));
    else if (!d.code.startsWith('JPR')) {
      const fix = suggestionAction(doc, d, ctx.lang);
      if (fix) out.push(fix);
    }
    out.push(docAction(d, d.code, ctx.lang));
  }
  const all = suppressAllAction(doc, diagnostics, ctx.lang);
  // The rules of one sink share fixes (one party, one country): each is offered once.
  const titles = new Set<string>();
  return (all ? [all, ...out] : out).filter((a) => !titles.has(a.title) && !!titles.add(a.title));
}
