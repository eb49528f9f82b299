/**
 * Personal data in the editor (SPEC §7.4, issue 15): the "Mark as personal data: <category>" code action on
 * a candidate field of the document (the `init` finder on the buffer's syntax), and the Find Personal Data
 * request — the `init` plan of each workspace folder over the open documents, each proposal with the edit
 * that applies it. Titles and reasons in the editor's language.
 */
import ts = require('typescript');
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { fileCandidates } from '../core/init/candidates';
import { planInit } from '../core/init/plan';
import { reasonsText } from '../core/init/report';
import type { Lang } from '../core/rules/types';
import { LineMap } from '../core/text/positions';
import type { FindPersonalDataResult, PersonalDataCandidate } from '../shared/personalData';
import { createOverlayHost, DiskTextCache, type OpenDocuments } from './overlayHost';

const TITLE: Readonly<Record<Lang, (category: string) => string>> = {
  en: (category) => `Mark as personal data: ${category}`,
  ja: (category) => `個人データとしてマーク: ${category}`,
};

const SOURCE_LANGUAGES = new Set(['typescript', 'typescriptreact', 'javascript', 'javascriptreact']);

/** "Mark as personal data" for the candidate fields on the lines of `range`. */
export function candidateCodeActions(doc: TextDocument, range: Range, lang: Lang): CodeAction[] {
  if (!SOURCE_LANGUAGES.has(doc.languageId)) return [];
  const sf = ts.createSourceFile(doc.uri, doc.getText(), { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true);
  const first = range.start.line + 1;
  const last = range.end.line + 1;
  return fileCandidates(sf)
    .filter((c) => c.location.line <= last && c.location.endLine >= first)
    .map((c) => ({
      title: TITLE[lang](c.category),
      kind: CodeActionKind.QuickFix,
      edit: { changes: { [doc.uri]: [{ range: { start: doc.positionAt(c.insertion.offset), end: doc.positionAt(c.insertion.offset) }, newText: c.insertion.text }] } },
    }));
}

/** The candidates of every folder, with their edits computed on the text the plan read (open buffers first). */
export function findPersonalData(roots: readonly string[], docs: OpenDocuments, lang: Lang): FindPersonalDataResult {
  const host = createOverlayHost(docs, new DiskTextCache());
  const candidates: PersonalDataCandidate[] = [];
  for (const root of roots) {
    const plan = planInit(host, { root, lang, schemaRef: '' });
    const maps = new Map<string, LineMap>();
    for (const c of plan.candidates) {
      const file = c.insertion.file;
      const text = host.readFile(file);
      if (text === undefined) continue;
      let map = maps.get(file);
      if (!map) maps.set(file, map = new LineMap(text));
      const at = map.loc(file, c.insertion.offset, c.insertion.offset);
      candidates.push({
        symbol: c.symbol, category: c.category, tags: c.tags, reasons: reasonsText(c.reasons, lang), uri: pathToFileURL(file).toString(),
        position: { line: at.line - 1, character: at.column - 1 }, text: c.insertion.text, where: `${c.location.file}:${c.location.line}`,
      });
    }
  }
  return { candidates };
}
