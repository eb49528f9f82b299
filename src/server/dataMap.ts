/**
 * The data map: for each data category, the countries its flows reach, the parties there, and the code
 * locations of the sinks — built from the flows of a check.
 */
import type { CheckResult } from '../core/report/model';
import type { DataMapCategory, DataMapCountry, DataMapLocation, DataMapParty } from '../shared/protocol';
import { fileUri } from './diagnostics';
import { stepNote, t, type Lang } from './texts';

type Tree = Map<string, Map<string, Map<string, { party: Omit<DataMapParty, 'locations'>; locations: Map<string, DataMapLocation> }>>>;

function ownStorage(lang: Lang): Omit<DataMapParty, 'locations'> {
  return { party: t(lang, 'map.noParty'), name: t(lang, 'map.ownStorage'), access: '' };
}

function addLocation(tree: Tree, category: string, country: string, party: Omit<DataMapParty, 'locations'>, loc: DataMapLocation): void {
  let byCountry = tree.get(category);
  if (!byCountry) tree.set(category, (byCountry = new Map()));
  let byParty = byCountry.get(country);
  if (!byParty) byCountry.set(country, (byParty = new Map()));
  let entry = byParty.get(party.party);
  if (!entry) byParty.set(party.party, (entry = { party, locations: new Map() }));
  const key = `${loc.uri}:${loc.line}:${loc.character}`;
  const prev = entry.locations.get(key);
  // Several sources reaching one sink: one location listing them all.
  entry.locations.set(key, prev && !prev.label.includes(loc.label) ? { ...prev, label: `${prev.label}; ${loc.label}` } : prev ?? loc);
}

export function buildDataMap(results: readonly CheckResult[], lang: Lang = 'en'): DataMapCategory[] {
  const tree: Tree = new Map();
  const own = ownStorage(lang);
  for (const r of results) {
    for (const f of r.flows) {
      const loc: DataMapLocation = {
        uri: fileUri(r.root, f.sinkLocation.file), line: f.sinkLocation.line - 1, character: f.sinkLocation.column - 1,
        label: `${f.symbol} → ${stepNote(lang, f.description)}`,
        where: `${f.sinkLocation.file}:${f.sinkLocation.line}`,
      };
      if (f.parties.length === 0) addLocation(tree, f.category, f.country ?? 'unknown', own, loc);
      for (const p of f.parties) addLocation(tree, f.category, p.country, { party: p.id, name: p.name, access: p.access }, loc);
    }
  }
  const sorted = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => a.localeCompare(b));
  return sorted(tree).map(([category, byCountry]): DataMapCategory => ({
    category,
    countries: sorted(byCountry).map(([country, byParty]): DataMapCountry => ({
      country,
      parties: sorted(byParty).map(([, e]) => ({ ...e.party, locations: [...e.locations.values()] })),
    })),
  }));
}
