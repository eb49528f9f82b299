/**
 * The `sarif` output format (SPEC §7.2): a SARIF 2.1.0 log with one run. Rules JPR001–JPR012 come first
 * in `tool.driver.rules` (with help text and help URIs), then the input-problem codes RG001–RG017 as
 * pseudo-rules. Each finding is one result with a code flow (source declaration → hops → sink), the
 * sources as related locations and the stable fingerprint as partial fingerprint; suppressed findings are
 * results with an `inSource` suppression; input problems are results of their RG pseudo-rule, so that
 * code scanning shows a broken annotation where it is. Paths are relative to `%SRCROOT%`, the checked root.
 */
import { PROBLEM_CODES, type Loc, type Problem, type ProblemCode, type Severity } from '../model';
import { RULES } from '../rules/index';
import type { RuleDefinition } from '../rules/types';
import { hash53 } from './fingerprint';
import { TOOL_NAME, type CheckResult, type Finding } from './model';
import { PROBLEM_HELP, RULE_HELP, type HelpEntry } from './ruleHelp';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** Key of the finding fingerprint in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'residencyGuard/v1';

export interface SarifOptions {
  readonly version: string;
  /** Absolute URI of the tool's home page. */
  readonly informationUri: string;
  /** Absolute URI of the folder of the rule pages (`<ID>.md`), ending with `/`. */
  readonly rulesDocsUri: string;
}

type Json = Record<string, unknown>;

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** The home page and the rule-page folder of a repository URL such as `git+https://host/org/repo.git`. */
export function projectUris(repositoryUrl: string): { informationUri: string; rulesDocsUri: string } {
  const base = repositoryUrl.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/$/, '');
  return { informationUri: base, rulesDocsUri: `${base}/blob/main/docs/rules/` };
}

function isAbsolutePath(file: string): boolean {
  return file.startsWith('/') || /^[A-Za-z]:\//.test(file);
}

function encodePath(p: string): string {
  return p.split('/').map((seg) => (/^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg))).join('/');
}

/** `file://` URI of an absolute `/`-separated path (`C:/x` becomes `file:///C:/x`). */
export function fileUri(absPath: string): string {
  return `file://${encodePath(absPath.startsWith('/') ? absPath : `/${absPath}`)}`;
}

function artifactLocation(file: string): Json {
  return isAbsolutePath(file) ? { uri: fileUri(file) } : { uri: encodePath(file), uriBaseId: SRCROOT };
}

function region(loc: Loc): Json {
  const endsAfter = loc.endLine > loc.line || (loc.endLine === loc.line && loc.endColumn >= loc.column);
  const start = { startLine: loc.line, startColumn: loc.column };
  return endsAfter ? { ...start, endLine: loc.endLine, endColumn: loc.endColumn } : start;
}

function location(loc: Loc, message?: string): Json {
  const physicalLocation = { artifactLocation: artifactLocation(loc.file), region: region(loc) };
  return message === undefined ? { physicalLocation } : { physicalLocation, message: { text: message } };
}

function helpOf(title: string, cites: string | undefined, help: HelpEntry, uri: string): Json {
  const law = cites ? ` (${cites})` : '';
  const body = help.flags === `${title}.` ? [] : [help.flags];
  return {
    text: [`${title}${law}.`, ...body, `How to fix: ${help.fix}`, `Documentation: ${uri}`].join(' '),
    markdown: [`**${title}**${law}`, ...body, `**How to fix:** ${help.fix}`, `[Documentation](${uri})`].join('\n\n'),
  };
}

function ruleDescriptor(rule: RuleDefinition, opts: SarifOptions): Json {
  const help = RULE_HELP[rule.id];
  const helpUri = `${opts.rulesDocsUri}${rule.id}.md`;
  return {
    id: rule.id,
    name: help.name,
    shortDescription: { text: `${rule.title.en}.` },
    fullDescription: { text: `${help.flags} Cites ${rule.cites}.` },
    help: helpOf(rule.title.en, rule.cites, help, helpUri),
    helpUri,
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: ['privacy', 'data-residency', 'APPI', ...rule.cites.split(/;\s*/)], cites: rule.cites },
  };
}

function problemDescriptor(code: ProblemCode, opts: SarifOptions): Json {
  const help = PROBLEM_HELP[code];
  const helpUri = `${opts.rulesDocsUri}${code}.md`;
  return {
    id: code,
    name: help.name,
    shortDescription: { text: `${help.short}.` },
    fullDescription: { text: `${help.flags} Reported by Residency Guard about its inputs (annotations, suppressions, the config file, source files).` },
    help: helpOf(help.short, undefined, help, helpUri),
    helpUri,
    properties: { tags: ['residency-guard-input'] },
  };
}

const PROBLEM_IDS: readonly ProblemCode[] = Object.values(PROBLEM_CODES);

/** Ids in the order of `tool.driver.rules`, so that `ruleIndex` is an index into it. */
const RULE_INDEX: ReadonlyMap<string, number> = new Map([...RULES.map((r) => r.id), ...PROBLEM_IDS].map((id, i) => [id, i]));

function driver(opts: SarifOptions): Json {
  return {
    name: TOOL_NAME,
    fullName: 'Residency Guard',
    version: opts.version,
    semanticVersion: opts.version,
    informationUri: opts.informationUri,
    rules: [...RULES.map((r) => ruleDescriptor(r, opts)), ...PROBLEM_IDS.map((c) => problemDescriptor(c, opts))],
  };
}

function codeFlow(f: Finding): Json {
  return { threadFlows: [{ locations: f.path.map((step) => ({ location: location(step.location, step.note) })) }] };
}

function findingResult(f: Finding): Json {
  const d = f.destination;
  return {
    ruleId: f.rule,
    ruleIndex: RULE_INDEX.get(f.rule),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f.location)],
    relatedLocations: f.sources.map((s, i) => ({ id: i + 1, ...location(s.location, `${s.symbol} (@category ${s.category}, @residency ${s.residency})`) })),
    codeFlows: [codeFlow(f)],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.suppression ? { suppressions: [{ kind: 'inSource', justification: f.suppression.reason, location: location(f.suppression.location) }] } : {}),
    properties: { destination: { country: d.country, region: d.region, party: d.party, access: d.access, description: d.description } },
  };
}

function problemResult(p: Problem): Json {
  const suggestion = p.suggestion && !p.message.includes(p.suggestion) ? ` (did you mean "${p.suggestion}"?)` : '';
  return {
    ruleId: p.code,
    ruleIndex: RULE_INDEX.get(p.code),
    level: LEVEL[p.severity],
    message: { text: `${p.message}${suggestion}` },
    locations: [location(p.location)],
    partialFingerprints: { [FINGERPRINT_KEY]: hash53([p.code, p.location.file, p.message].join('\u0000')) },
    properties: { kind: p.kind },
  };
}

function rootUri(root: string): string {
  return fileUri(root.endsWith('/') ? root : `${root}/`);
}

function run(result: CheckResult, opts: SarifOptions): Json {
  const configError = result.problems.some((p) => p.kind === 'config' && p.severity === 'error');
  return {
    tool: { driver: driver(opts) },
    invocations: [{ executionSuccessful: !configError }],
    originalUriBaseIds: { [SRCROOT]: { uri: rootUri(result.root) } },
    columnKind: 'utf16CodeUnits',
    results: [
      ...result.findings.map(findingResult),
      ...result.suppressed.map(findingResult),
      ...result.problems.map(problemResult),
    ],
    properties: { files: result.files, ...(result.baselined !== undefined ? { baselined: result.baselined } : {}) },
  };
}

export function formatSarif(result: CheckResult, opts: SarifOptions): string {
  const log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run(result, opts)] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
