/**
 * `--format disclosure` (SPEC §7.2 v2): the draft of the privacy-policy text a legal team must publish about
 * foreign transfers, from the flows the analysis saw. (A) provision to third parties in foreign countries
 * (APPI Art. 28(2), Rules Art. 17(2)), per country: its name, its protection system from the project's country
 * data with the PPC source, the recipients with their `measures` (Rule 17(4) wording where missing) and the
 * data; Rule 17(3) wording for destinations whose country is unknown. (B) handling abroad without a provision
 * (Art. 32, the JPR005 cases) with the assessments. (C) external-transmission notice entries (TBA Art. 27-12)
 * for the catalogue's browser SDKs. (D) gaps against `disclosure.countries`. Every section says it is a draft
 * for legal review. Texts in `disclosureText.ts`; a merged result (`merge`) names each location's repository.
 */
import type { Party } from '../config/types';
import { COUNTRY_DATA_CHECKED, countrySystem, type CountryFact, type CountrySystem } from '../data/countrySystems';
import type { Lang } from '../rules/types';
import { SdkCatalogue } from '../vocabulary/sdkCatalogue';
import { DISCLOSURE_TEXT, type DisclosureText } from './disclosureText';
import type { FlowParty, FlowRecord } from './flows';
import { cell, code, placeText } from './markdown';
import { TOOL_NAME, type CheckResult } from './model';
import { tableHead } from './registerText';

const HOME = 'JP';
/** Access classes that are not a provision to a third party: the operator itself, its branch, a no-access cloud, the person. */
const NOT_PROVISION = new Set(['internal-jp', 'internal-overseas-branch', 'cloud-no-access', 'data-subject']);
/** Encryption levels that make a value unreadable to every party (SPEC §5.4). */
const UNREADABLE = new Set(['e2e', 'client-side-jp-keys']);

/** What one group (a recipient, a place, an egress, an SDK) collects from its flows. */
interface Group {
  readonly key: string;
  readonly country: string;
  readonly label: string;
  readonly party?: FlowParty;
  readonly categories: Set<string>;
  readonly bases: Set<string>;
  readonly locations: Set<string>;
  readonly flows: FlowRecord[];
}

interface Sections {
  readonly recipients: Map<string, Group>;
  readonly held: Map<string, Group>;
  readonly unresolved: Map<string, Group>;
  readonly notices: Map<string, Group>;
}

interface Ctx {
  readonly result: CheckResult;
  readonly lang: Lang;
  readonly t: DisclosureText;
  readonly catalogue: SdkCatalogue;
}

function add(groups: Map<string, Group>, key: string, init: Omit<Group, 'key' | 'categories' | 'bases' | 'locations' | 'flows'>, f: FlowRecord): void {
  let g = groups.get(key);
  if (!g) {
    g = { key, ...init, categories: new Set(), bases: new Set(), locations: new Set(), flows: [] };
    groups.set(key, g);
  }
  g.categories.add(f.category);
  for (const b of f.bases) g.bases.add(b);
  g.locations.add(placeText(f.sinkLocation, f.repository));
  g.flows.push(f);
}

/** Sorts every flow of personal data into the sections' groups. */
function collect(ctx: Ctx): Sections {
  const s: Sections = { recipients: new Map(), held: new Map(), unresolved: new Map(), notices: new Map() };
  for (const f of ctx.result.flows) {
    if (f.residency === 'unrestricted') continue;
    const unreadable = f.encrypted !== null && UNREADABLE.has(f.encrypted);
    for (const p of f.parties) collectParty(ctx, s, f, p, unreadable);
    if (f.country && f.country !== HOME) add(s.held, `${f.country}\u0000${f.region ?? f.description}`, { country: f.country, label: f.region ?? f.description }, f);
    if (f.unresolved) add(s.unresolved, f.description, { country: '?', label: f.description }, f);
    if (f.vendor && ctx.catalogue.packages.get(f.vendor.package)?.externalTransmission) {
      const country = vendorParty(f)?.country ?? '?';
      add(s.notices, `${f.vendor.package}\u0000${country}`, { country, label: f.vendor.package }, f);
    }
  }
  return s;
}

/** The catalogue vendor of a flow as a party (absent when its country is unknown). */
function vendorParty(f: FlowRecord): FlowParty | undefined {
  return f.vendor ? f.parties.find((p) => p.id === `catalogue:${f.vendor?.id}`) : undefined;
}

function collectParty(ctx: Ctx, s: Sections, f: FlowRecord, p: FlowParty, unreadable: boolean): void {
  if (p.country === HOME) return;
  const t = ctx.t;
  if (!unreadable && !NOT_PROVISION.has(p.access)) {
    add(s.recipients, p.id, { country: p.country, label: p.name, party: p }, f);
    return;
  }
  if (p.access === 'data-subject' || p.access === 'internal-jp') return;
  const how = unreadable ? t.encryptedHolder : p.access === 'cloud-no-access' ? t.cloudNoAccess : t.overseasBranch;
  add(s.held, `${p.country}\u0000${p.id}`, { country: p.country, label: `${p.name} (${how})` }, f);
}

function countryName(country: string, ctx: Ctx): string {
  const data = countrySystem(country);
  if (data) return data.name[ctx.lang];
  try {
    return new Intl.DisplayNames([ctx.lang], { type: 'region' }).of(country) ?? country;
  } catch {
    return country;
  }
}

function countryLabel(country: string, ctx: Ctx): string {
  return ctx.t.country(country, countryName(country, ctx));
}

function sorted(items: Iterable<string>, ctx: Ctx): string {
  const all = [...items].sort();
  return all.length > 0 ? all.join(ctx.t.listSeparator) : '—';
}

function categoryList(categories: Iterable<string>, ctx: Ctx): string {
  return sorted([...categories].map((c) => ctx.t.categories[c] ?? c), ctx);
}

function locationList(locations: Iterable<string>, ctx: Ctx): string {
  return [...locations].sort().map((l) => code(l)).join(ctx.t.listSeparator);
}

// ---------------------------------------------------------------- the country's system

function factValue(fact: CountryFact<boolean | string>, ctx: Ctx): string {
  const t = ctx.t;
  const mark = fact.status === 'unverified' ? t.unverifiedMark : '';
  if (fact.value === null) return t.notRecorded;
  if (typeof fact.value === 'string') return `${t.oecd[fact.value as 'all' | 'partial' | 'none']}${mark}`;
  return `${fact.value ? t.yes : t.no}${mark}`;
}

function sourceLine(data: CountrySystem, ctx: Ctx): string {
  const r = data.ppcReport;
  return ctx.t.source(r.url, `${ctx.t.pageKinds[r.page]}${r.status === 'unverified' ? ctx.t.unverifiedMark : ''}`);
}

function systemLines(country: string, ctx: Ctx): string[] {
  const t = ctx.t;
  const data = countrySystem(country);
  if (!data) return [`${t.systemInfo}: ${t.noCountryData}`];
  const facts = (['apecCbpr', 'oecdPrinciples', 'localisation', 'governmentAccess'] as const).map((k) => `- ${t.factNames[k]}: ${factValue(data[k], ctx)}`);
  const designated = data.designated.value === true ? [t.designatedNote(data.name[ctx.lang]), ''] : [];
  const unverified = [data.ppcReport, data.designated, data.apecCbpr, data.oecdPrinciples, data.localisation, data.governmentAccess].some((f) => f.status === 'unverified');
  return [
    `${t.systemInfo}: ${data.summary[ctx.lang]}`, '', ...designated,
    `${t.indicators}:`, ...facts, '',
    sourceLine(data, ctx), t.lastChecked(data.lastChecked ?? COUNTRY_DATA_CHECKED, unverified),
  ];
}

// ---------------------------------------------------------------- A. provision to third parties abroad

function measuresOf(party: Party | undefined, ctx: Ctx): string | undefined {
  if (party?.measures) return party.measures;
  const basis = party?.basis ? ctx.result.config.bases.get(party.basis) : undefined;
  return basis?.recipientMeasures;
}

function basisList(ids: Iterable<string>, ctx: Ctx): string {
  const labels = [...ids].map((id) => {
    const b = ctx.result.config.bases.get(id);
    return b ? ctx.t.basis(b.type, b.ref) : id;
  });
  return labels.length > 0 ? sorted(labels, ctx) : ctx.t.noBasis;
}

function recipientRow(g: Group, ctx: Ctx): string {
  const party = g.party ? ctx.result.config.parties.get(g.party.id) : undefined;
  const access = g.party ? (ctx.t.access[g.party.access] ?? g.party.access) : '';
  const cells = [g.label, access, categoryList(g.categories, ctx), basisList(g.bases, ctx), measuresOf(party, ctx) ?? ctx.t.rule17_4];
  return `| ${cells.map(cell).join(' | ')} |`;
}

function countryBlock(country: string, groups: readonly Group[], ctx: Ctx): string[] {
  const t = ctx.t;
  const places = groups.flatMap((g) => [...g.locations]);
  return [
    `### ${countryLabel(country, ctx)}`, '',
    `${t.countryName}: ${countryName(country, ctx)}`, '',
    ...systemLines(country, ctx), '',
    `${t.recipients}:`, '',
    ...tableHead(t.recipientColumns), ...groups.map((g) => recipientRow(g, ctx)), '',
    `${t.code}: ${locationList(new Set(places), ctx)}`, '',
  ];
}

function byCountry(groups: Iterable<Group>): Map<string, Group[]> {
  const out = new Map<string, Group[]>();
  for (const g of [...groups].sort((a, b) => a.label.localeCompare(b.label))) out.set(g.country, [...(out.get(g.country) ?? []), g]);
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

function candidates(g: Group, ctx: Ctx): string {
  const vendors = new Set(g.flows.map((f) => f.vendor?.id).filter((v): v is string => v !== undefined));
  const countries = new Set([...vendors].flatMap((v) => ctx.catalogue.vendorCountries(v)));
  return countries.size > 0 ? sorted([...countries].map((c) => countryLabel(c, ctx)), ctx) : ctx.t.noCandidates;
}

function unresolvedLines(s: Sections, ctx: Ctx): string[] {
  if (s.unresolved.size === 0) return [];
  const t = ctx.t;
  const rows = [...s.unresolved.values()].sort((a, b) => a.label.localeCompare(b.label))
    .map((g) => `| ${[code(g.label), categoryList(g.categories, ctx), candidates(g, ctx), locationList(g.locations, ctx)].map(cell).join(' | ')} |`);
  return [t.unresolvedHeading, '', t.rule17_3, '', ...tableHead(t.unresolvedColumns), ...rows, ''];
}

function provisionSection(s: Sections, ctx: Ctx): string[] {
  const t = ctx.t;
  const countries = byCountry(s.recipients.values());
  const body = countries.size === 0 ? [t.noProvision, ''] : [...countries.entries()].flatMap(([c, gs]) => countryBlock(c, gs, ctx));
  return [t.provisionHeading, '', t.sectionDraft, '', t.provisionIntro, '', ...body, ...unresolvedLines(s, ctx)];
}

// ---------------------------------------------------------------- B. handling abroad without a provision

function systemSummary(country: string, ctx: Ctx): string {
  const data = countrySystem(country);
  return data ? `${data.summary[ctx.lang]} (${data.ppcReport.url})` : ctx.t.noCountryData;
}

function storageSection(s: Sections, ctx: Ctx): string[] {
  const t = ctx.t;
  const head = [t.storageHeading, '', t.sectionDraft, '', t.storageIntro, ''];
  if (s.held.size === 0) return [...head, t.noStorage, ''];
  const rows = [...byCountry(s.held.values()).entries()].flatMap(([country, gs]) => gs.map((g) => {
    const assessment = ctx.result.config.assessments[country] ?? t.noAssessment;
    const cells = [countryLabel(country, ctx), `${g.label} — ${locationList(g.locations, ctx)}`, categoryList(g.categories, ctx), assessment, systemSummary(country, ctx)];
    return `| ${cells.map(cell).join(' | ')} |`;
  }));
  return [...head, ...tableHead(t.storageColumns), ...rows, ''];
}

// ---------------------------------------------------------------- C. external-transmission notices

function noticeSection(s: Sections, ctx: Ctx): string[] {
  const t = ctx.t;
  const head = [t.noticeHeading, '', t.sectionDraft, '', t.noticeIntro, ''];
  if (s.notices.size === 0) return [...head, t.noNotice, ''];
  const rows = [...s.notices.values()].sort((a, b) => a.key.localeCompare(b.key)).map((g) => {
    const f = g.flows[0];
    const vendor = f.vendor ? ctx.catalogue.vendors.get(f.vendor.id) : undefined;
    const purpose = ctx.catalogue.packages.get(g.label)?.externalTransmission?.purpose[ctx.lang] ?? '';
    const place = g.country === '?' ? ctx.t.unknownCountry : countryLabel(g.country, ctx);
    const cells = [code(g.label), categoryList(g.categories, ctx), vendor?.name ?? vendorParty(f)?.name ?? '', place, purpose];
    return `| ${cells.map(cell).join(' | ')} |`;
  });
  return [...head, ...tableHead(t.noticeColumns), ...rows, ''];
}

// ---------------------------------------------------------------- D. gaps against disclosure.countries

function gapsSection(s: Sections, ctx: Ctx): string[] {
  const t = ctx.t;
  const reached = new Set([...s.recipients.values(), ...s.held.values()].map((g) => g.country));
  const head = [t.gapsHeading, '', t.sectionDraft, ''];
  const unresolved = s.unresolved.size > 0 ? [t.unresolvedGap(s.unresolved.size), ''] : [];
  const disclosed = ctx.result.config.disclosureCountries;
  if (!disclosed) return [...head, t.gapsUnconfigured, '', ...unresolved];
  const add = [...reached].filter((c) => !disclosed.includes(c)).sort();
  const unreached = disclosed.filter((c) => c !== HOME && !reached.has(c)).sort();
  const rows = [...add.map((c) => [c, t.gapAdd]), ...unreached.map((c) => [c, t.gapNamedUnreached])]
    .map(([c, status]) => `| ${cell(countryLabel(c, ctx))} | ${status} |`);
  const table = rows.length > 0 ? [...tableHead(t.gapsColumns), ...rows, ''] : [t.noGaps, ''];
  return [...head, t.gapsChecked(disclosed), '', ...table, ...unresolved];
}

function scope(result: CheckResult, t: DisclosureText): string {
  if (result.repositories) return result.repositories.map((r) => code(r)).join(t.listSeparator);
  const root = result.root.replace(/\/+$/, '').split('/').pop() || result.root;
  return code(result.repository ?? root);
}

/** The disclosure draft of `result`, in `lang`. */
export function formatDisclosure(result: CheckResult, version: string, lang: Lang = 'en', catalogue: SdkCatalogue = new SdkCatalogue()): string {
  const t = DISCLOSURE_TEXT[lang];
  const ctx: Ctx = { result, lang, t, catalogue };
  const s = collect(ctx);
  return [
    t.title, '', t.draftBanner, '', t.generated(TOOL_NAME, version, scope(result, t)), '',
    ...provisionSection(s, ctx), ...storageSection(s, ctx), ...noticeSection(s, ctx), ...gapsSection(s, ctx),
    t.caveatsHeading, '', ...t.caveats.map((c) => `- ${c}`), '', t.draftBanner, '',
  ].join('\n');
}
