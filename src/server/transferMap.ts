/**
 * The transfer map (TRANSFER_MAP_REQUEST): for the workspace, Japan → each country its flows reach → the
 * parties there and the storage places without a recipient, with the data categories and the findings on
 * each edge and the code locations of the sinks. Built from the flows and findings of the newest results; a
 * finding sits on the edge of its destination (its country and party, else its description).
 */
import type { FlowRecord } from '../core/report/flows';
import type { CheckResult, Finding } from '../core/report/model';
import type { DataMapLocation, TransferCountry, TransferEdge, TransferFinding, TransferMap } from '../shared/protocol';
import { fileUri } from './diagnostics';
import { findingMessage, headline } from './findingMessages';
import type { Lang } from './texts';

interface EdgeBuild {
  kind: TransferEdge['kind'];
  name: string;
  party?: string;
  access?: string;
  categories: Set<string>;
  findings: TransferFinding[];
  locations: Map<string, DataMapLocation>;
}

type Countries = Map<string, Map<string, EdgeBuild>>;

function edgeOf(countries: Countries, country: string, key: string, make: () => Omit<EdgeBuild, 'categories' | 'findings' | 'locations'>): EdgeBuild {
  let edges = countries.get(country);
  if (!edges) countries.set(country, (edges = new Map()));
  let edge = edges.get(key);
  if (!edge) edges.set(key, (edge = { ...make(), categories: new Set(), findings: [], locations: new Map() }));
  return edge;
}

function location(root: string, l: FlowRecord['sinkLocation'], label: string): DataMapLocation {
  return { uri: fileUri(root, l.file), line: l.line - 1, character: l.column - 1, label, where: `${l.file}:${l.line}` };
}

function addFlow(countries: Countries, root: string, f: FlowRecord): void {
  const loc = location(root, f.sinkLocation, f.symbol);
  const edges = f.parties.length > 0
    ? f.parties.map((p) => edgeOf(countries, p.country, `party:${p.id}`, () => ({ kind: 'party', name: p.name, party: p.id, access: p.access })))
    : [edgeOf(countries, f.country ?? 'unknown', `storage:${f.description}`, () => ({ kind: 'storage', name: f.description }))];
  for (const edge of edges) {
    edge.categories.add(f.category);
    const key = `${loc.uri}:${loc.line}:${loc.character}`;
    const prev = edge.locations.get(key);
    edge.locations.set(key, prev && !prev.label.split(', ').includes(f.symbol) ? { ...prev, label: `${prev.label}, ${f.symbol}` } : prev ?? loc);
  }
}

function addFinding(countries: Countries, result: CheckResult, f: Finding, lang: Lang): void {
  const d = f.destination;
  const party = d.party ? result.config.parties.get(d.party) : undefined;
  const country = d.country ?? party?.country ?? 'unknown';
  const edge = d.party
    ? edgeOf(countries, country, `party:${d.party}`, () => ({ kind: 'party', name: party?.name ?? d.party ?? '', party: d.party ?? undefined, access: d.access ?? undefined }))
    : edgeOf(countries, country, `storage:${d.description}`, () => ({ kind: 'storage', name: d.description }));
  f.sources.forEach((s) => edge.categories.add(s.category));
  edge.findings.push({
    // On its edge, the rule's point is what is new: the data and the destination are the edge's.
    rule: f.rule, severity: f.severity, message: headline(f, lang) ?? findingMessage(f, result.config, lang),
    location: location(result.root, f.location, f.sources.map((s) => s.symbol).join(', ')),
  });
}

function edgeOut(e: EdgeBuild): TransferEdge {
  return {
    kind: e.kind, name: e.name, ...(e.party ? { party: e.party } : {}), ...(e.access ? { access: e.access } : {}),
    categories: [...e.categories].sort(), findings: e.findings, locations: [...e.locations.values()],
  };
}

/** Countries by findings (most first), then code; Japan last among equals, `unknown` after the rest. */
function countryOrder(a: TransferCountry, b: TransferCountry): number {
  const count = (c: TransferCountry) => c.edges.reduce((n, e) => n + e.findings.length, 0);
  return count(b) - count(a) || Number(a.country === 'unknown') - Number(b.country === 'unknown') || a.country.localeCompare(b.country);
}

export function buildTransferMap(results: readonly CheckResult[], lang: Lang): TransferMap {
  const countries: Countries = new Map();
  let configFindings = 0;
  for (const r of results) {
    r.flows.forEach((f) => addFlow(countries, r.root, f));
    for (const f of r.findings) {
      if (f.sources.length === 0) configFindings++;
      else addFinding(countries, r, f, lang);
    }
  }
  const out = [...countries].map(([country, edges]): TransferCountry => ({
    country, edges: [...edges.values()].map(edgeOut).sort((a, b) => b.findings.length - a.findings.length || a.name.localeCompare(b.name)),
  }));
  return { countries: out.sort(countryOrder), configFindings };
}
