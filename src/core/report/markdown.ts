/**
 * The `markdown` output format (SPEC §7.2): the cross-border transfer register, derived from the flows
 * the analysis saw (`CheckResult.flows`). For each data category, a table of destinations — country,
 * party (name, access class) or storage place, the data, the bases that apply, the code locations and the
 * findings there — then the countries the privacy policy must name (every country reached except Japan,
 * with those missing from `disclosure.countries` marked), the parties, the suppressions with their
 * reasons, and the findings about the config itself. `unrestricted` data is not personal and not listed.
 */
import { relativePath } from '../analysis/program';
import type { Loc } from '../model';
import type { FlowRecord } from './flows';
import { TOOL_NAME, type CheckResult, type Finding } from './model';

const HOME = 'JP';
/** Country key of a destination whose country is not known. */
const UNKNOWN = '?';
const NONE = '—';

/** One line of a category table: one country and one party (or storage place) reached. */
interface Row {
  readonly country: string;
  readonly partyId: string | null;
  readonly place: string;
  readonly data: Set<string>;
  readonly bases: Set<string>;
  readonly locations: Map<string, Loc>;
  readonly findings: Set<string>;
}

interface Destination {
  readonly country: string;
  readonly partyId: string | null;
  readonly place: string;
}

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

let regionNames: Intl.DisplayNames | undefined;

/** `KR (South Korea)`; the bare code when the runtime has no country names. */
export function countryLabel(country: string): string {
  if (country === UNKNOWN) return 'unknown (unresolved)';
  if (country === NONE) return NONE;
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    const name = regionNames.of(country);
    return name && name !== country ? `${country} (${name})` : country;
  } catch {
    return country;
  }
}

function locKey(loc: Loc): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}

/** Every country and party a flow reaches: its parties, its storage country, or an unresolved egress. */
function destinationsOf(f: FlowRecord): Destination[] {
  const out: Destination[] = f.parties.map((p) => ({ country: p.country, partyId: p.id, place: `${p.name} (${p.access})` }));
  if (f.country) out.push({ country: f.country, partyId: null, place: `${NONE} stored or processed at ${f.region ?? f.description}` });
  if (f.unresolved) out.push({ country: UNKNOWN, partyId: null, place: `${NONE} egress to ${f.description}` });
  if (out.length === 0) out.push({ country: NONE, partyId: null, place: `${NONE} ${f.description}` });
  return out;
}

function dataLabel(f: FlowRecord): string {
  const form = [f.encrypted ? `encrypted ${f.encrypted}` : '', f.pseudonymized ? 'pseudonymised' : ''].filter((x) => x !== '');
  return form.length > 0 ? `${f.symbol} (${form.join(', ')})` : f.symbol;
}

/** Whether a finding at a flow's sink is about this row's party, or (without a party) its country. */
function findingFits(finding: Finding, f: FlowRecord, row: Row): boolean {
  if (!finding.sources.some((s) => s.symbol === f.symbol)) return false;
  if (row.partyId !== null) return finding.destination.party === row.partyId;
  return finding.destination.party === null && (finding.destination.country ?? UNKNOWN) === row.country;
}

function findingLabel(f: Finding): string {
  return f.suppression ? `${f.rule} (suppressed)` : `${f.rule} (${f.severity})`;
}

function findingsBySink(result: CheckResult): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of [...result.findings, ...result.suppressed]) {
    const key = locKey(f.location);
    out.set(key, [...(out.get(key) ?? []), f]);
  }
  return out;
}

function personalFlows(result: CheckResult): FlowRecord[] {
  return result.flows.filter((f) => f.residency !== 'unrestricted');
}

/** Rows of every category: category → row key → row. */
function buildRows(result: CheckResult): Map<string, Map<string, Row>> {
  const byCategory = new Map<string, Map<string, Row>>();
  const sinks = findingsBySink(result);
  for (const f of personalFlows(result)) {
    const rows = byCategory.get(f.category) ?? new Map<string, Row>();
    byCategory.set(f.category, rows);
    for (const d of destinationsOf(f)) addToRow(rows, d, f, sinks.get(locKey(f.sinkLocation)) ?? []);
  }
  return byCategory;
}

function addToRow(rows: Map<string, Row>, d: Destination, f: FlowRecord, atSink: readonly Finding[]): void {
  const key = `${d.country}\u0000${d.partyId ?? d.place}`;
  let row = rows.get(key);
  if (!row) {
    row = { ...d, data: new Set(), bases: new Set(), locations: new Map(), findings: new Set() };
    rows.set(key, row);
  }
  row.data.add(dataLabel(f));
  for (const b of f.bases) row.bases.add(b);
  row.locations.set(locKey(f.sinkLocation), f.sinkLocation);
  for (const finding of atSink) if (findingFits(finding, f, row)) row.findings.add(findingLabel(finding));
}

/** Known countries first (alphabetically), then unresolved egresses, then destinations without a country. */
function countryRank(country: string): number {
  return country === UNKNOWN ? 1 : country === NONE ? 2 : 0;
}

function byCountryThenPlace(a: Row, b: Row): number {
  return countryRank(a.country) - countryRank(b.country) || a.country.localeCompare(b.country) || a.place.localeCompare(b.place);
}

function basisLabel(result: CheckResult, id: string): string {
  const b = result.config.bases.get(id);
  if (!b) return id;
  const countries = b.countries && b.countries.length > 0 ? `: ${b.countries.join(', ')}` : '';
  return `${id} (${b.type}${countries})`;
}

function list(items: Iterable<string>): string {
  const all = [...items].sort();
  return all.length > 0 ? all.join(', ') : NONE;
}

function rowLine(result: CheckResult, row: Row): string {
  const locations = [...row.locations.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line).map((l) => code(`${l.file}:${l.line}`));
  const cells = [
    countryLabel(row.country), row.place, list(row.data), list([...row.bases].map((id) => basisLabel(result, id))),
    locations.join(', '), list(row.findings),
  ];
  return `| ${cells.map(cell).join(' | ')} |`;
}

function categorySection(result: CheckResult, category: string, rows: Map<string, Row>): string[] {
  const fields = new Map<string, FlowRecord>();
  for (const f of personalFlows(result)) if (f.category === category) fields.set(f.symbol, f);
  const declared = [...fields.values()].sort((a, b) => a.symbol.localeCompare(b.symbol))
    .map((f) => `${code(f.symbol)} (${f.residency}, ${f.sourceLocation.file}:${f.sourceLocation.line})`);
  return [
    `## Data category: ${category}`, '',
    `Fields: ${declared.join(', ')}.`, '',
    '| Destination country | Party (access class) or place | Data | Bases | Code locations | Findings |',
    '|---|---|---|---|---|---|',
    ...[...rows.values()].sort(byCountryThenPlace).map((r) => rowLine(result, r)), '',
  ];
}

/** Country → who or what is reached there, and which categories. */
function countriesReached(byCategory: Map<string, Map<string, Row>>): Map<string, { places: Set<string>; categories: Set<string> }> {
  const out = new Map<string, { places: Set<string>; categories: Set<string> }>();
  for (const [category, rows] of byCategory) {
    for (const r of rows.values()) {
      if (r.country === HOME || r.country === UNKNOWN || r.country === NONE) continue;
      const entry = out.get(r.country) ?? { places: new Set<string>(), categories: new Set<string>() };
      entry.places.add(r.place);
      entry.categories.add(category);
      out.set(r.country, entry);
    }
  }
  return out;
}

function countriesSection(result: CheckResult, byCategory: Map<string, Map<string, Row>>): string[] {
  const disclosed = result.config.disclosureCountries;
  const reached = countriesReached(byCategory);
  const intro = disclosed
    ? `Every country outside Japan that personal data reaches (stored, processed, received or readable there), checked against \`disclosure.countries\` (${disclosed.length > 0 ? disclosed.join(', ') : 'empty'}).`
    : 'Every country outside Japan that personal data reaches (stored, processed, received or readable there). `disclosure.countries` is not configured, so none of them is confirmed as named (and JPR009 is off).';
  const missing = [...reached.keys()].filter((c) => !disclosed?.includes(c));
  const lines = [...reached.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([country, e]) => {
    const status = !disclosed ? 'not configured' : disclosed.includes(country) ? 'yes' : '**missing**';
    return `| ${cell(countryLabel(country))} | ${status} | ${cell(list(e.categories))} | ${cell(list(e.places))} |`;
  });
  const verdict = reached.size === 0 ? 'No personal data reaches a country outside Japan.'
    : disclosed && missing.length === 0 ? 'All of them are in `disclosure.countries`.'
      : `Missing from \`disclosure.countries\`: ${missing.sort().join(', ')}.`;
  const table = reached.size === 0 ? [] : ['| Country | In `disclosure.countries` | Data categories | Reached through |', '|---|---|---|---|', ...lines, ''];
  return ['## Countries the privacy policy must name', '', intro, '', ...table, verdict, ''];
}

function partiesSection(result: CheckResult): string[] {
  const reached = new Map<string, Set<string>>();
  for (const f of personalFlows(result)) {
    for (const p of f.parties) reached.set(p.id, (reached.get(p.id) ?? new Set()).add(f.category));
  }
  if (reached.size === 0) return ['## Parties', '', 'No party receives or can read personal data.', ''];
  const lines = [...reached.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, categories]) => {
    const p = result.config.parties.get(id);
    const basis = p?.basis ? basisLabel(result, p.basis) : NONE;
    return `| ${cell(p?.name ?? id)} | ${code(id)} | ${cell(p?.access ?? '')} | ${cell(countryLabel(p?.country ?? NONE))} | ${cell(basis)} | ${cell(list(categories))} |`;
  });
  return ['## Parties', '', '| Party | Id | Access class | Country | Own basis | Data categories |', '|---|---|---|---|---|---|', ...lines, ''];
}

function suppressionsSection(result: CheckResult): string[] {
  if (result.suppressed.length === 0) return ['## Suppressions', '', 'No finding is suppressed.', ''];
  const lines = result.suppressed.map((f) => {
    const data = list(new Set(f.sources.map((s) => s.symbol)));
    return `| ${f.rule} | ${code(`${f.location.file}:${f.location.line}`)} | ${cell(data)} | ${cell(f.suppression?.reason ?? '')} |`;
  });
  return ['## Suppressions', '', '| Rule | Location | Data | Reason |', '|---|---|---|---|', ...lines, ''];
}

function otherFindingsSection(result: CheckResult): string[] {
  const other = result.findings.filter((f) => f.sources.length === 0);
  if (other.length === 0) return [];
  const lines = other.map((f) => `| ${f.rule} (${f.severity}) | ${code(`${f.location.file}:${f.location.line}`)} | ${cell(f.message)} |`);
  return ['## Findings about the configuration', '', '| Finding | Location | Message |', '|---|---|---|', ...lines, ''];
}

function header(result: CheckResult, version: string): string[] {
  const rootName = result.root.replace(/\/+$/, '').split('/').pop() || result.root;
  const config = result.config.file ? code(relativePath(result.root, result.config.file)) : 'none (defaults)';
  const baselined = result.baselined !== undefined ? `, ${result.baselined} baselined` : '';
  return [
    '# Cross-border transfer register', '',
    `Generated by ${TOOL_NAME} ${version} from ${code(rootName)} (config: ${config}): ${result.files} files, ${personalFlows(result).length} flows, ` +
      `${result.findings.length} findings, ${result.suppressed.length} suppressed${baselined}.`, '',
    'Where the code sends Japanese users\' personal data, by data category: the destination country, who receives or can read the data (party and access class) or where it is stored, the legal bases that apply, the code locations, and what Residency Guard flags there.', '',
  ];
}

export function formatMarkdown(result: CheckResult, version: string): string {
  const byCategory = buildRows(result);
  const categories = [...byCategory.keys()].sort();
  const sections = categories.length > 0
    ? categories.flatMap((c) => categorySection(result, c, byCategory.get(c)!))
    : ['No flow of personal data was found.', ''];
  return [
    ...header(result, version), ...sections, ...countriesSection(result, byCategory), ...partiesSection(result),
    ...suppressionsSection(result), ...otherFindingsSection(result),
  ].join('\n');
}
