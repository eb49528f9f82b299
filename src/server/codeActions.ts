/**
 * Quick fixes on our diagnostics: suppress the finding on its line with a reason placeholder, attach a
 * configured basis that covers the destination country to the enclosing function, open the rule's
 * documentation, and replace a misspelt annotation value with the suggested one.
 */
import ts = require('typescript');
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ResidencyConfig } from '../core/config/types';
import { basisCovers } from '../core/rules/facts';
import { OPEN_RULE_DOC_COMMAND, SERVER_SOURCE } from '../shared/protocol';
import type { FindingData } from './diagnostics';

export const SUPPRESSION_REASON_PLACEHOLDER = '<why this transfer is acceptable>';

function lineText(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}

/** A directive already on the line above gets the rule added; otherwise a new directive is inserted. */
function suppressAction(doc: TextDocument, d: Diagnostic, rule: string): CodeAction {
  const line = d.range.start.line;
  const above = line > 0 ? lineText(doc, line - 1) : '';
  const existing = /^(\s*\/\/\s*residency-guard-disable-next-line\s+[^-]*?)(\s+--\s.*)?$/.exec(above);
  let edit: TextEdit;
  if (existing) {
    const at = { line: line - 1, character: existing[1].length };
    edit = { range: { start: at, end: at }, newText: ` ${rule}` };
  } else {
    const indent = /^\s*/.exec(lineText(doc, line))?.[0] ?? '';
    edit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}// residency-guard-disable-next-line ${rule} -- ${SUPPRESSION_REASON_PLACEHOLDER}\n` };
  }
  return { title: `Suppress ${rule} on this line (with a reason)`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: [edit] } } };
}

function docAction(d: Diagnostic, code: string): CodeAction {
  return { title: `Open the documentation of ${code}`, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: `Open ${code}`, command: OPEN_RULE_DOC_COMMAND, arguments: [code] } };
}

/** Where to write `@basis id`: into the enclosing function's doc comment, or a new one above it. */
function basisEdit(doc: TextDocument, d: Diagnostic, basisId: string): TextEdit | undefined {
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
  if (last) {
    const end = last.end - 2;
    return { range: { start: doc.positionAt(end), end: doc.positionAt(end) }, newText: `@basis ${basisId} ` };
  }
  const start = doc.positionAt(holder.getStart(sf));
  const indent = ' '.repeat(start.character);
  return { range: { start: { line: start.line, character: 0 }, end: { line: start.line, character: 0 } }, newText: `${indent}/** @basis ${basisId} */\n` };
}

function basisActions(doc: TextDocument, d: Diagnostic, data: FindingData, config: ResidencyConfig | undefined): CodeAction[] {
  const country = data.country ?? (data.party ? config?.parties.get(data.party)?.country : undefined);
  if (!config || !country) return [];
  const out: CodeAction[] = [];
  for (const b of config.bases.values()) {
    if (!basisCovers(b, country)) continue;
    const edit = basisEdit(doc, d, b.id);
    if (edit) out.push({ title: `Attach basis "${b.id}" (${b.type}) to the enclosing function`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [doc.uri]: [edit] } } });
  }
  return out;
}

/** Problems whose range is exactly the misspelt token (annotation values, tag names, suppressed rule ids). */
const TOKEN_PROBLEMS = new Set(['RG001', 'RG004', 'RG006']);

function suggestionAction(doc: TextDocument, d: Diagnostic): CodeAction | undefined {
  const suggestion = (d.data as { suggestion?: string } | undefined)?.suggestion;
  if (!suggestion || !TOKEN_PROBLEMS.has(String(d.code))) return undefined;
  return { title: `Change to "${suggestion}"`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [doc.uri]: [{ range: d.range, newText: suggestion }] } } };
}

export function codeActionsFor(doc: TextDocument, diagnostics: readonly Diagnostic[], config: ResidencyConfig | undefined): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== SERVER_SOURCE || typeof d.code !== 'string') continue;
    if (d.code.startsWith('JPR')) {
      const data = (d.data ?? { rule: d.code, country: null, party: null }) as FindingData;
      if (d.code !== 'JPR012') out.push(suppressAction(doc, d, d.code), ...basisActions(doc, d, data, config));
    } else {
      const fix = suggestionAction(doc, d);
      if (fix) out.push(fix);
    }
    out.push(docAction(d, d.code));
  }
  return out;
}
