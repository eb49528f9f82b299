/**
 * Findings and problems as LSP diagnostics (SPEC §7.1): source `residency-guard`, the rule id as code with
 * a link to its documentation page, the message, related information for the source declaration and every
 * hop, and IDE-only severity overrides.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { Loc, Problem, Severity } from '../core/model';
import type { CheckResult, Finding } from '../core/report/model';
import { SERVER_SOURCE, type ClientSettings } from '../shared/protocol';

/** What a quick fix needs to know about a finding. */
export interface FindingData {
  readonly rule: string;
  readonly country: string | null;
  readonly party: string | null;
}

const SEVERITY: Record<Severity | 'hint', DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

export function fileUri(root: string, relative: string): string {
  return pathToFileURL(path.posix.isAbsolute(relative) ? relative : `${root.replace(/\/$/, '')}/${relative}`).toString();
}

/** The documentation page of a rule or problem code, shipped with the extension. */
export function docUri(code: string, lang: 'en' | 'ja'): string {
  const file = path.join(__dirname, '..', 'docs', 'rules', lang === 'ja' ? `${code}.ja.md` : `${code}.md`);
  return pathToFileURL(file).toString();
}

export function toRange(loc: Loc) {
  return { start: { line: loc.line - 1, character: loc.column - 1 }, end: { line: loc.endLine - 1, character: loc.endColumn - 1 } };
}

function related(uriOf: (file: string) => string, f: Finding): DiagnosticRelatedInformation[] {
  return f.path.map((step) => ({ location: { uri: uriOf(step.location.file), range: toRange(step.location) }, message: step.note }));
}

function findingDiagnostic(uriOf: (file: string) => string, f: Finding, settings: ClientSettings): Diagnostic | undefined {
  const override = settings.severityOverrides[f.rule];
  if (override === 'off') return undefined;
  const data: FindingData = { rule: f.rule, country: f.destination.country, party: f.destination.party };
  return {
    range: toRange(f.location),
    severity: SEVERITY[override ?? f.severity],
    source: SERVER_SOURCE,
    code: f.rule,
    codeDescription: { href: docUri(f.rule, settings.language) },
    message: f.message,
    relatedInformation: related(uriOf, f),
    data,
  };
}

function problemDiagnostic(p: Problem, settings: ClientSettings): Diagnostic {
  return {
    range: toRange(p.location),
    severity: SEVERITY[p.severity],
    source: SERVER_SOURCE,
    code: p.code,
    codeDescription: { href: docUri(p.code, settings.language) },
    message: p.suggestion && !p.message.includes(p.suggestion) ? `${p.message} (did you mean "${p.suggestion}"?)` : p.message,
    ...(p.suggestion ? { data: { suggestion: p.suggestion } } : {}),
  };
}

/**
 * Diagnostics of a result, grouped by file URI; only for the files `wanted` accepts (root-relative paths, as
 * in the result), when it is given: a large workspace has thousands of files with findings, few of them open.
 */
export function diagnosticsByUri(result: Pick<CheckResult, 'root' | 'findings' | 'problems'>, settings: ClientSettings, wanted?: (file: string) => boolean): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  // Each file's URI is made once (findings and path steps name the same files over and over).
  const uris = new Map<string, string>();
  const uriOf = (file: string): string => {
    let uri = uris.get(file);
    if (uri === undefined) uris.set(file, (uri = fileUri(result.root, file)));
    return uri;
  };
  const shown = new Map<string, boolean>();
  const add = (file: string, make: () => Diagnostic | undefined): void => {
    let show = shown.get(file);
    if (show === undefined) shown.set(file, (show = !wanted || wanted(file)));
    const d = show ? make() : undefined;
    if (!d) return;
    const uri = uriOf(file);
    const list = out.get(uri);
    if (list) list.push(d);
    else out.set(uri, [d]);
  };
  for (const p of result.problems) add(p.location.file, () => problemDiagnostic(p, settings));
  for (const f of result.findings) add(f.location.file, () => findingDiagnostic(uriOf, f, settings));
  return out;
}
