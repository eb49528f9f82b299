/**
 * The `markdown` output format (SPEC §7.2): the cross-border transfer register, derived from the flows
 * the analysis saw (`CheckResult.flows`). For each data category, a table of destinations — country,
 * party (name, access class) or storage place, the data, the bases that apply, the code locations and the
 * findings there — then the countries the privacy policy must name (every country reached except Japan,
 * with those missing from `disclosure.countries` marked), the parties, the suppressions with their
 * reasons, and the findings about the config itself. `unrestricted` data is not personal and not listed.
 * Its fixed texts come from `registerText.ts`, in English or Japanese.
 */
import { escapeControl } from '../text/escape';
import { relativePath } from '../analysis/program';
import type { Loc } from '../model';
import type { FlowRecord } from './flows';
import { inventorySection, nothingDeclaredNotice } from './inventorySection';
import { TOOL_NAME, type CheckResult, type Finding } from './model';
import { REGISTER_TEXT, tableHead, type Lang, type RegisterText } from './registerText';

const HOME = 'JP';
/** Country key of a destination whose country is not known. */
const UNKNOWN = '?';
const NONE = '—';

/** One line of a category table: one country and one party (or storage place) reached. */
interface Row {
  readonly country: string;
  readonly partyId: string | null;
  /** The place in English: the row's key and sort order, the same in every language. */
  readonly place: string;
  /** The place as shown, in the register's language. */
  readonly label: string;
  readonly data: Set<string>;
  readonly bases: Set<string>;
  readonly locations: Map<string, Place>;
  readonly findings: Set<string>;
}

/** A code location and the repository it is in (set in a merged register). */
interface Place {
  readonly loc: Loc;
  readonly repository?: string;
}

interface Destination {
  readonly country: string;
  readonly partyId: string | null;
  readonly place: string;
  readonly label: string;
}

export function cell(text: string): string {
  return escapeControl(text.replace(/\r?\n/g, ' ')).replace(/\|/g, '\\|');
}

/** A code span: one line and no backtick, whatever the text holds (in a table, pass it through `cell`). */
export function code(text: string): string {
  return `\`${escapeControl(text).replace(/`/g, "'")}\``;
}

const regionNames = new Map<Lang, Intl.DisplayNames>();

/** `KR (South Korea)` / `KR（韓国）`; the bare code when the runtime has no country names. */
export function countryLabel(country: string, lang: Lang = 'en'): string {
  const t = REGISTER_TEXT[lang];
  if (country === UNKNOWN) return t.unknownCountry;
  if (country === NONE) return NONE;
  try {
    let names = regionNames.get(lang);
    if (!names) {
      names = new Intl.DisplayNames([lang], { type: 'region' });
      regionNames.set(lang, names);
    }
    const name = names.of(country);
    return name && name !== country ? t.country(country, name) : country;
  } catch {
    return country;
  }
}

function locKey(loc: Loc, repository?: string): string {
  return `${repository ?? ''}\u0000${loc.file}:${loc.line}:${loc.column}`;
}

/** `file:line`, after the repository in a merged register (`acme/app:src/a.ts:3`). */
export function placeText(loc: Loc, repository?: string): string {
  return `${repository ? `${repository}:` : ''}${loc.file}:${loc.line}`;
}

/** The places a flow reaches, as written in `t`. */
function placesOf(f: FlowRecord, t: RegisterText): { country: string; partyId: string | null; text: string }[] {
  const out = f.parties.map((p) => ({ country: p.country, partyId: p.id as string | null, text: t.party(p.name, p.access) }));
  if (f.country) out.push({ country: f.country, partyId: null, text: `${NONE} ${t.storedAt(f.region ?? f.description)}` });
  if (f.unresolved) out.push({ country: UNKNOWN, partyId: null, text: `${NONE} ${t.egressTo(f.description)}` });
  if (out.length === 0) out.push({ country: NONE, partyId: null, text: `${NONE} ${f.description}` });
  return out;
}

/** Every country and party a flow reaches: its parties, its storage country, or an unresolved egress. */
function destinationsOf(f: FlowRecord, t: RegisterText): Destination[] {
  const labels = placesOf(f, t);
  return placesOf(f, REGISTER_TEXT.en).map((p, i) => ({ country: p.country, partyId: p.partyId, place: p.text, label: labels[i].text }));
}

function dataLabel(f: FlowRecord, t: RegisterText): string {
  const form = [f.encrypted ? t.encrypted(f.encrypted) : '', f.pseudonymized ? t.pseudonymised : ''].filter((x) => x !== '');
  return form.length > 0 ? t.dataForm(f.symbol, form) : f.symbol;
}

/** Whether a finding at a flow's sink is about this row's party, or (without a party) its country. */
function findingFits(finding: Finding, f: FlowRecord, row: Row): boolean {
  if (!finding.sources.some((s) => s.symbol === f.symbol)) return false;
  if (row.partyId !== null) return finding.destination.party === row.partyId;
  return finding.destination.party === null && (finding.destination.country ?? UNKNOWN) === row.country;
}

function findingLabel(f: Finding, t: RegisterText): string {
  return f.suppression ? t.suppressedFinding(f.rule) : t.finding(f.rule, f.severity);
}

function findingsBySink(result: CheckResult): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of [...result.findings, ...result.suppressed]) {
    const key = locKey(f.location, f.repository);
    out.set(key, [...(out.get(key) ?? []), f]);
  }
  return out;
}

function personalFlows(result: CheckResult): FlowRecord[] {
  return result.flows.filter((f) => f.residency !== 'unrestricted');
}

/** Rows of every category: category → row key → row. */
function buildRows(result: CheckResult, t: RegisterText): Map<string, Map<string, Row>> {
  const byCategory = new Map<string, Map<string, Row>>();
  const sinks = findingsBySink(result);
  for (const f of personalFlows(result)) {
    const rows = byCategory.get(f.category) ?? new Map<string, Row>();
    byCategory.set(f.category, rows);
    for (const d of destinationsOf(f, t)) addToRow(rows, d, f, sinks.get(locKey(f.sinkLocation, f.repository)) ?? [], t);
  }
  return byCategory;
}

function addToRow(rows: Map<string, Row>, d: Destination, f: FlowRecord, atSink: readonly Finding[], t: RegisterText): void {
  const key = `${d.country}\u0000${d.partyId ?? d.place}`;
  let row = rows.get(key);
  if (!row) {
    row = { ...d, data: new Set(), bases: new Set(), locations: new Map(), findings: new Set() };
    rows.set(key, row);
  }
  row.data.add(dataLabel(f, t));
  for (const b of f.bases) row.bases.add(b);
  row.locations.set(locKey(f.sinkLocation, f.repository), { loc: f.sinkLocation, repository: f.repository });
  for (const finding of atSink) if (findingFits(finding, f, row)) row.findings.add(findingLabel(finding, t));
}

/** Known countries first (alphabetically), then unresolved egresses, then destinations without a country. */
function countryRank(country: string): number {
  return country === UNKNOWN ? 1 : country === NONE ? 2 : 0;
}

function byCountryThenPlace(a: Row, b: Row): number {
  return countryRank(a.country) - countryRank(b.country) || a.country.localeCompare(b.country) || a.place.localeCompare(b.place);
}

function basisLabel(result: CheckResult, id: string, t: RegisterText): string {
  const b = result.config.bases.get(id);
  if (!b) return id;
  return t.basis(id, b.type, b.countries ?? []);
}

function list(items: Iterable<string>, t: RegisterText): string {
  const all = [...items].sort();
  return all.length > 0 ? all.join(t.listSeparator) : NONE;
}

function rowLine(result: CheckResult, row: Row, lang: Lang): string {
  const t = REGISTER_TEXT[lang];
  const locations = [...row.locations.values()]
    .sort((a, b) => (a.repository ?? '').localeCompare(b.repository ?? '') || a.loc.file.localeCompare(b.loc.file) || a.loc.line - b.loc.line)
    .map((p) => code(placeText(p.loc, p.repository)));
  const cells = [
    countryLabel(row.country, lang), row.label, list(row.data, t), list([...row.bases].map((id) => basisLabel(result, id, t)), t),
    locations.join(t.listSeparator), list(row.findings, t),
  ];
  return `| ${cells.map(cell).join(' | ')} |`;
}

function categorySection(result: CheckResult, category: string, rows: Map<string, Row>, lang: Lang): string[] {
  const t = REGISTER_TEXT[lang];
  const fields = new Map<string, FlowRecord>();
  for (const f of personalFlows(result)) if (f.category === category) fields.set(`${f.symbol}\u0000${f.repository ?? ''}`, f);
  const declared = [...fields.values()].sort((a, b) => a.symbol.localeCompare(b.symbol) || (a.repository ?? '').localeCompare(b.repository ?? ''))
    .map((f) => t.field(code(f.symbol), f.residency, escapeControl(placeText(f.sourceLocation, f.repository))));
  return [
    t.categoryHeading(category), '',
    t.fields(declared), '',
    ...tableHead(t.categoryColumns),
    ...[...rows.values()].sort(byCountryThenPlace).map((r) => rowLine(result, r, lang)), '',
  ];
}

/** Country → who or what is reached there (as shown), and which categories. */
function countriesReached(byCategory: Map<string, Map<string, Row>>): Map<string, { places: Set<string>; categories: Set<string> }> {
  const out = new Map<string, { places: Set<string>; categories: Set<string> }>();
  for (const [category, rows] of byCategory) {
    for (const r of rows.values()) {
      if (r.country === HOME || r.country === UNKNOWN || r.country === NONE) continue;
      const entry = out.get(r.country) ?? { places: new Set<string>(), categories: new Set<string>() };
      entry.places.add(r.label);
      entry.categories.add(category);
      out.set(r.country, entry);
    }
  }
  return out;
}

function countriesSection(result: CheckResult, byCategory: Map<string, Map<string, Row>>, lang: Lang): string[] {
  const t = REGISTER_TEXT[lang];
  const disclosed = result.config.disclosureCountries;
  const reached = countriesReached(byCategory);
  const intro = disclosed ? t.countriesIntroChecked(disclosed) : t.countriesIntroUnconfigured;
  const missing = [...reached.keys()].filter((c) => !disclosed?.includes(c));
  const lines = [...reached.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([country, e]) => {
    const status = !disclosed ? t.statusNotConfigured : disclosed.includes(country) ? t.statusNamed : t.statusMissing;
    return `| ${cell(countryLabel(country, lang))} | ${status} | ${cell(list(e.categories, t))} | ${cell(list(e.places, t))} |`;
  });
  const verdict = reached.size === 0 ? t.noCountryReached
    : disclosed && missing.length === 0 ? t.allNamed
      : t.missingFrom(missing.sort());
  const table = reached.size === 0 ? [] : [...tableHead(t.countriesColumns), ...lines, ''];
  return [t.countriesHeading, '', intro, '', ...table, verdict, ''];
}

function partiesSection(result: CheckResult, lang: Lang): string[] {
  const t = REGISTER_TEXT[lang];
  const reached = new Map<string, Set<string>>();
  for (const f of personalFlows(result)) {
    for (const p of f.parties) reached.set(p.id, (reached.get(p.id) ?? new Set()).add(f.category));
  }
  if (reached.size === 0) return [t.partiesHeading, '', t.noParties, ''];
  const lines = [...reached.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, categories]) => {
    const p = result.config.parties.get(id);
    const basis = p?.basis ? basisLabel(result, p.basis, t) : NONE;
    return `| ${cell(p?.name ?? id)} | ${cell(code(id))} | ${cell(p?.access ?? '')} | ${cell(countryLabel(p?.country ?? NONE, lang))} | ${cell(basis)} | ${cell(list(categories, t))} |`;
  });
  return [t.partiesHeading, '', ...tableHead(t.partiesColumns), ...lines, ''];
}

function suppressionsSection(result: CheckResult, t: RegisterText): string[] {
  if (result.suppressed.length === 0) return [t.suppressionsHeading, '', t.noSuppressions, ''];
  const lines = result.suppressed.map((f) => {
    const data = list(new Set(f.sources.map((s) => s.symbol)), t);
    return `| ${f.rule} | ${cell(code(placeText(f.location, f.repository)))} | ${cell(data)} | ${cell(f.suppression?.reason ?? '')} |`;
  });
  return [t.suppressionsHeading, '', ...tableHead(t.suppressionsColumns), ...lines, ''];
}

function otherFindingsSection(result: CheckResult, t: RegisterText): string[] {
  const other = result.findings.filter((f) => f.sources.length === 0);
  if (other.length === 0) return [];
  const lines = other.map((f) => `| ${t.finding(f.rule, f.severity)} | ${cell(code(placeText(f.location, f.repository)))} | ${cell(f.message)} |`);
  return [t.configFindingsHeading, '', ...tableHead(t.configFindingsColumns), ...lines, ''];
}

function header(result: CheckResult, version: string, t: RegisterText): string[] {
  const rootName = result.root.replace(/\/+$/, '').split('/').pop() || result.root;
  const root = result.repositories ? result.repositories.map((r) => code(r)).join(t.listSeparator) : code(result.repository ?? rootName);
  const config = result.repositories ? t.configMerged : result.config.file ? code(relativePath(result.root, result.config.file)) : t.configNone;
  return [
    t.title, '',
    t.generated({
      tool: TOOL_NAME, version, root, config, files: result.files, flows: personalFlows(result).length,
      findings: result.findings.length, suppressed: result.suppressed.length, baselined: result.baselined,
    }), '',
    t.intro, '',
  ];
}

/** The transfer register of `result`, its fixed texts in `lang` (English by default). */
export function formatMarkdown(result: CheckResult, version: string, lang: Lang = 'en'): string {
  const t = REGISTER_TEXT[lang];
  const byCategory = buildRows(result, t);
  const categories = [...byCategory.keys()].sort();
  const sections = categories.length > 0
    ? categories.flatMap((c) => categorySection(result, c, byCategory.get(c)!, lang))
    : [nothingDeclaredNotice(result, lang) ?? t.noFlows, ''];
  return [
    ...header(result, version, t), ...sections, ...countriesSection(result, byCategory, lang), ...partiesSection(result, lang),
    ...suppressionsSection(result, t), ...otherFindingsSection(result, t), ...inventorySection(result.inventory, lang),
  ].join('\n');
}
