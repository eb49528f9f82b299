/**
 * Findings and problems as LSP diagnostics (SPEC §7.1): source `residency-guard`, the rule id as code with
 * a link to its documentation page, the message, and IDE-only severity overrides. The rules on one sink
 * read as one place: each message leads with its rule's point, the most severe one carries every source's
 * own path (declaration, hops, sink) as related information, the others point to it.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { ResidencyConfig } from '../core/config/types';
import type { Loc, Problem, Severity } from '../core/model';
import type { CheckResult, Finding, PathStep } from '../core/report/model';
import { OPEN_RULE_DOC_COMMAND, SERVER_SOURCE, type ClientSettings } from '../shared/protocol';
import { findingMessage } from './findingMessages';
import { stepNote, t, type Lang } from './texts';

/** What a quick fix needs to know about a finding. */
export interface FindingData {
  readonly rule: string;
  readonly country: string | null;
  readonly party: string | null;
  /** The 0-based line where the sink starts (a suppression goes above it; the squiggle may start lower). */
  readonly line?: number;
}

const SEVERITY: Record<Severity | 'hint', DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function fileUri(root: string, relative: string): string {
  return pathToFileURL(path.posix.isAbsolute(relative) ? relative : `${root.replace(/\/$/, '')}/${relative}`).toString();
}

/**
 * The link of a rule or problem code: a command URI that opens the rule's page shipped with the extension
 * as a rendered, read-only preview (VS Code opens diagnostic code links with commands allowed).
 */
export function docUri(code: string): string {
  return `command:${OPEN_RULE_DOC_COMMAND}?${encodeURIComponent(JSON.stringify([code]))}`;
}

export function toRange(loc: Loc) {
  return { start: { line: loc.line - 1, character: loc.column - 1 }, end: { line: loc.endLine - 1, character: loc.endColumn - 1 } };
}

type UriOf = (file: string) => string;

function stepInfo(uriOf: UriOf, step: PathStep, lang: Lang, prefix: string): DiagnosticRelatedInformation {
  return { location: { uri: uriOf(step.location.file), range: toRange(step.location) }, message: `${prefix}${stepNote(lang, step.note)}` };
}

/** The lead diagnostic of a sink: every source's own path (declaration, hops, sink), one after the other. */
function allPaths(uriOf: UriOf, f: Finding, lang: Lang): DiagnosticRelatedInformation[] {
  const paths = f.paths ?? [f.path];
  const named = paths.length > 1;
  return paths.flatMap((steps, i) => steps.map((step) => stepInfo(uriOf, step, lang, named ? `${f.sources[i]?.symbol ?? ''}: ` : '')));
}

/** The other rules of the sink: where each source is declared, and where its path is shown. */
function pointers(uriOf: UriOf, f: Finding, lead: Finding, lang: Lang): DiagnosticRelatedInformation[] {
  const symbols = f.sources.map((s) => s.symbol).join(', ');
  const here = { uri: uriOf(f.location.file), range: toRange(f.location) };
  return [
    ...f.sources.map((s) => ({ location: { uri: uriOf(s.location.file), range: toRange(s.location) }, message: t(lang, 'finding.sourceDeclared', s.symbol) })),
    { location: here, message: t(lang, 'finding.pathElsewhere', symbols, lead.rule) },
  ];
}

interface Shown {
  readonly finding: Finding;
  readonly severity: Severity | 'hint';
}

function findingDiagnostic(uriOf: UriOf, s: Shown, lead: Finding, config: ResidencyConfig | undefined, settings: ClientSettings): Diagnostic {
  const f = s.finding;
  const data: FindingData = { rule: f.rule, country: f.destination.country, party: f.destination.party, line: f.location.line - 1 };
  const lang = settings.language;
  return {
    range: toRange(f.dataLocation ?? f.location),
    severity: SEVERITY[s.severity],
    source: SERVER_SOURCE,
    code: f.rule,
    codeDescription: { href: docUri(f.rule) },
    message: findingMessage(f, config, lang),
    relatedInformation: f === lead ? allPaths(uriOf, f, lang) : pointers(uriOf, f, lead, lang),
    data,
  };
}

/** The findings of one sink, shown ones only, the most severe first: the first one carries the paths. */
function sinkDiagnostics(uriOf: UriOf, group: readonly Finding[], config: ResidencyConfig | undefined, settings: ClientSettings): Diagnostic[] {
  const shown: Shown[] = [];
  for (const finding of group) {
    const override = settings.severityOverrides[finding.rule];
    if (override !== 'off') shown.push({ finding, severity: override ?? finding.severity });
  }
  const rank = (x: Shown): number => (x.severity === 'hint' ? -1 : RANK[x.severity]);
  shown.sort((a, b) => rank(b) - rank(a) || a.finding.rule.localeCompare(b.finding.rule));
  const lead = shown[0]?.finding;
  return lead ? shown.map((x) => findingDiagnostic(uriOf, x, lead, config, settings)) : [];
}

function problemDiagnostic(p: Problem, settings: ClientSettings): Diagnostic {
  return {
    range: toRange(p.location),
    severity: SEVERITY[p.severity],
    source: SERVER_SOURCE,
    code: p.code,
    codeDescription: { href: docUri(p.code) },
    message: p.suggestion && !p.message.includes(p.suggestion) ? t(settings.language, 'problem.didYouMean', p.message, p.suggestion) : p.message,
    ...(p.suggestion ? { data: { suggestion: p.suggestion } } : {}),
  };
}

/** Findings grouped by sink expression (file and range), in their order. */
function bySink(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const l = f.location;
    const key = `${l.file}:${l.line}:${l.column}:${l.endLine}:${l.endColumn}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()];
}

/**
 * Diagnostics of a result, grouped by file URI; only for the files `wanted` accepts (root-relative paths, as
 * in the result), when it is given: a large workspace has thousands of files with findings, few of them open.
 */
export function diagnosticsByUri(result: Pick<CheckResult, 'root' | 'findings' | 'problems'> & { readonly config?: ResidencyConfig }, settings: ClientSettings, wanted?: (file: string) => boolean,
  cache?: SinkDiagnosticsCache): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  // Each file's URI is made once (findings and path steps name the same files over and over).
  const uris = new Map<string, string>();
  const uriOf = (file: string): string => {
    let uri = uris.get(file);
    if (uri === undefined) uris.set(file, (uri = fileUri(result.root, file)));
    return uri;
  };
  const shown = new Map<string, boolean>();
  const add = (file: string, make: () => readonly Diagnostic[]): void => {
    let show = shown.get(file);
    if (show === undefined) shown.set(file, (show = !wanted || wanted(file)));
    const made = show ? make() : [];
    if (made.length === 0) return;
    const uri = uriOf(file);
    const list = out.get(uri);
    if (list) list.push(...made);
    else out.set(uri, [...made]);
  };
  for (const p of result.problems) add(p.location.file, () => [problemDiagnostic(p, settings)]);
  for (const group of bySink(result.findings)) {
    const make = () => sinkDiagnostics(uriOf, group, result.config, settings);
    add(group[0].location.file, cache ? () => cache.of(group, result.root, result.config, settings, make) : make);
  }
  return out;
}

/**
 * The diagnostics of each sink, made again only when one of its findings, the root, the config or the settings
 * changed: unchanged findings are the same objects from run to run (findingsStore.ts), and a large workspace
 * has thousands of sinks of which an edit changes few.
 */
export class SinkDiagnosticsCache {
  private readonly byLead = new WeakMap<Finding, {
    readonly group: readonly Finding[]; readonly root: string; readonly config: ResidencyConfig | undefined; readonly settings: ClientSettings;
    readonly diagnostics: readonly Diagnostic[];
  }>();

  of(group: readonly Finding[], root: string, config: ResidencyConfig | undefined, settings: ClientSettings, make: () => readonly Diagnostic[]): readonly Diagnostic[] {
    const kept = this.byLead.get(group[0]);
    if (kept && kept.root === root && kept.config === config && kept.settings === settings && kept.group.length === group.length && kept.group.every((f, i) => f === group[i])) {
      return kept.diagnostics;
    }
    const diagnostics = make();
    this.byLead.set(group[0], { group, root, config, settings, diagnostics });
    return diagnostics;
  }
}
