/**
 * The CLI's output formats (SPEC §7.2): `text`, one line per finding or problem in the problem-matcher
 * format `file:line:column: severity rule message`, and the versioned `json` report; `formatReport`
 * picks any of them, also `sarif` (sarif.ts), `markdown`, the transfer register (markdown.ts), and
 * `disclosure`, the draft of the privacy-policy section on foreign transfers (disclosure.ts).
 */
import type { Loc, Problem } from '../model';
import { escapeControl, isControl } from '../text/escape';
import { formatDisclosure } from './disclosure';
import { formatMarkdown } from './markdown';
import { jsonRegister } from './registerJson';
import { TOOL_NAME, type CheckResult, type Finding, type Inventory } from './model';
import { formatSarif, projectUris } from './sarif';

export { TOOL_NAME, escapeControl, isControl };
export const SCHEMA_VERSION = 1;

/** One line of the text format; a file name or message cannot forge another line (SPEC §7.2 v2). */
function textLine(loc: Loc, severity: string, code: string, message: string): string {
  return `${escapeControl(loc.file)}:${loc.line}:${loc.column}: ${severity} ${code} ${escapeControl(message)}`;
}

export function formatText(result: CheckResult): string {
  const lines = [
    ...result.problems.map((p) => textLine(p.location, p.severity, p.code, p.message)),
    ...result.findings.map((f) => textLine(f.location, f.severity, f.rule, f.message)),
  ];
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function summaryLine(result: CheckResult, durationMs: number): string {
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  const baselined = result.baselined !== undefined ? `${result.baselined} baselined, ` : '';
  const skipped = result.filesSkipped ? `, ${result.filesSkipped} skipped` : '';
  return `${result.findings.length} findings (${count('error')} errors, ${count('warning')} warnings, ${count('info')} info), ` +
    `${result.suppressed.length} suppressed, ${baselined}${result.problems.length} problems in ${result.files} files${skipped} (${durationMs} ms)`;
}

function jsonLoc(l: Loc) {
  return { file: l.file, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn };
}

function jsonFinding(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    location: jsonLoc(f.location),
    sources: f.sources.map((s) => ({ symbol: s.symbol, category: s.category, residency: s.residency, location: { file: s.location.file, line: s.location.line, column: s.location.column } })),
    destination: { country: f.destination.country, region: f.destination.region, party: f.destination.party, access: f.destination.access, description: f.destination.description },
    path: f.path.map((p) => ({ location: { file: p.location.file, line: p.location.line, column: p.location.column }, note: p.note })),
    fingerprint: f.fingerprint,
    ...(f.suppression ? { suppression: { reason: f.suppression.reason, location: jsonLoc(f.suppression.location) } } : {}),
    ...(f.repository ? { repository: f.repository } : {}),
  };
}

function jsonProblem(p: Problem) {
  return {
    kind: p.kind, code: p.code, severity: p.severity, message: p.message, location: jsonLoc(p.location), ...(p.suggestion ? { suggestion: p.suggestion } : {}),
    ...(p.repository ? { repository: p.repository } : {}),
  };
}

/** What was looked at (SPEC §7.3 v2): every declared source and every egress point, resolved or not. */
function jsonInventory(inventory: Inventory) {
  return {
    sources: inventory.sources.map((s) => ({ symbol: s.name, category: s.category, residency: s.residency, location: jsonLoc(s.location) })),
    egress: inventory.egress.map((e) => ({
      location: jsonLoc(e.location), kind: e.kind, description: e.description, country: e.country, region: e.region, party: e.party,
      partyName: e.partyName, resolved: !e.unresolved, ...(e.vendor ? { vendor: e.vendor } : {}),
    })),
  };
}

export function formatJson(result: CheckResult, version: string, durationMs: number): string {
  const inventory = result.inventory;
  const report = {
    tool: TOOL_NAME,
    version,
    schemaVersion: SCHEMA_VERSION,
    findings: result.findings.map(jsonFinding),
    problems: result.problems.map(jsonProblem),
    suppressed: result.suppressed.map(jsonFinding),
    summary: {
      files: result.files, findings: result.findings.length, suppressed: result.suppressed.length, problems: result.problems.length, durationMs,
      ...(result.baselined !== undefined ? { baselined: result.baselined } : {}),
      filesSkipped: result.filesSkipped ?? 0,
      ...(inventory ? { sourcesDeclared: inventory.sources.length, destinations: inventory.egress.length } : {}),
    },
    ...(result.repository ? { repository: result.repository } : {}),
    ...(result.repositories ? { repositories: [...result.repositories] } : {}),
    register: jsonRegister(result.flows, result.config),
    ...(inventory ? { inventory: jsonInventory(inventory) } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'markdown', 'disclosure'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions {
  readonly version: string;
  readonly durationMs: number;
  /** The project's repository URL (package.json `repository.url`): SARIF's informationUri and rule help URIs. */
  readonly repositoryUrl: string;
  /** Language of the markdown register's and the disclosure draft's fixed texts (default `en`); the other formats ignore it. */
  readonly lang?: 'en' | 'ja';
}

/** The report of `result` in `format`. */
export function formatReport(format: ReportFormat, result: CheckResult, opts: ReportOptions): string {
  switch (format) {
    case 'text': return formatText(result);
    case 'json': return formatJson(result, opts.version, opts.durationMs);
    case 'sarif': return formatSarif(result, { version: opts.version, ...projectUris(opts.repositoryUrl) });
    case 'markdown': return formatMarkdown(result, opts.version, opts.lang ?? 'en');
    case 'disclosure': return formatDisclosure(result, opts.version, opts.lang ?? 'en');
  }
}
