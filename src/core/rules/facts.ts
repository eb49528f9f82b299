/**
 * Builds the facts of a flow for the rules (parties resolved from the config, countries reached, bases)
 * and the legal predicates several rules share: who is a contractor or group company abroad, and
 * whether a basis covers a country.
 */
import type { Basis, Party, ResidencyConfig } from '../config/types';
import { EQUIVALENT_COUNTRIES } from '../data/countries';
import type { Destination } from '../analysis/destinations';
import type { SourceLabel } from '../analysis/labels';
import { OPAQUE_ENCRYPTION } from '../vocabulary/jpPack';
import type { FlowFacts, Trigger } from './types';

export const HOME = 'JP';

export function isAbroad(country: string | null | undefined): boolean {
  return !!country && country !== HOME;
}

export function isContractor(p: Party): boolean {
  return p.access.startsWith('contractor-') || p.access.startsWith('subcontractor-');
}

export function isForeignContractor(p: Party): boolean {
  return isContractor(p) && (p.access.endsWith('-overseas') || isAbroad(p.country));
}

export function isForeignGroupCompany(p: Party): boolean {
  return p.access === 'group-company-overseas' || (p.access === 'group-company-domestic' && isAbroad(p.country));
}

/** Whether a basis makes a transfer to `country` lawful ("only for the countries it names or implies"). */
export function basisCovers(b: Basis, country: string): boolean {
  switch (b.type) {
    case 'consent': return (b.countries ?? []).includes(country);
    case 'equivalent-country': return EQUIVALENT_COUNTRIES.has(country) && (!b.countries || b.countries.includes(country));
    default: return !b.countries || b.countries.length === 0 || b.countries.includes(country);
  }
}

/** Bases that apply to data reaching `party`: those at the sink and the party's own. */
export function basesFor(f: FlowFacts, party?: Party): Basis[] {
  const out = [...f.siteBases];
  const own = party?.basis ? f.config.bases.get(party.basis) : undefined;
  if (own) out.push(own);
  return out;
}

export function covered(f: FlowFacts, country: string, party?: Party): boolean {
  return basesFor(f, party).some((b) => basisCovers(b, country));
}

function resolveParties(config: ResidencyConfig, ids: readonly string[]): Party[] {
  const out: Party[] = [];
  for (const id of ids) {
    const p = config.parties.get(id);
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}

export function flowFacts(label: SourceLabel, destination: Destination, siteBaseIds: readonly string[], config: ResidencyConfig): FlowFacts {
  const all = resolveParties(config, [...(destination.recipient ? [destination.recipient] : []), ...destination.readers]);
  // A built-in party (an SDK catalogue vendor) travels with its destination.
  if (destination.party) all.push(destination.party);
  const parties = all.filter((p) => p.access !== 'cloud-no-access');
  const storage = new Set<string>();
  if (destination.country) storage.add(destination.country);
  for (const p of all) if (p.access === 'cloud-no-access') storage.add(p.country);
  const countries = new Set(storage);
  for (const p of parties) countries.add(p.country);
  const siteBases = siteBaseIds.map((id) => config.bases.get(id)).filter((b): b is Basis => b !== undefined);
  return {
    source: label.source,
    transform: label.transform,
    destination,
    storageCountries: [...storage],
    parties,
    countries: [...countries],
    siteBases,
    opaque: OPAQUE_ENCRYPTION.has(label.transform.encrypted ?? ''),
    config,
  };
}

/** The rule fires for the first party (receiving or reading the data) that matches. */
export function partyTrigger(f: FlowFacts, matches: (p: Party) => boolean): Trigger | undefined {
  const p = f.parties.find(matches);
  return p ? { party: p, country: p.country } : undefined;
}

export function partyPhrase(p: Party): string {
  return `${p.name} (${p.access}, ${p.country})`;
}
