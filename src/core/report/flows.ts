/**
 * Every flow the analysis saw (one source reaching one sink), whether or not a rule fires: the raw
 * material of the data map (category → country → party → code), of hovers on annotated declarations and
 * of the transfer register (`--format markdown`), with the bases that apply to each flow.
 */
import { LOCATE_AS_PARSED, type Locate } from '../analysis/nodeLocations';
import { placesOf, type Destination } from '../analysis/destinations';
import type { Hit } from '../analysis/flowTypes';
import { relativeLoc } from '../analysis/program';
import type { ResidencyConfig } from '../config/types';
import type { Loc } from '../model';

export interface FlowParty {
  readonly id: string;
  readonly name: string;
  readonly access: string;
  readonly country: string;
}

export interface FlowRecord {
  readonly symbol: string;
  readonly category: string;
  readonly residency: string;
  readonly sourceLocation: Loc;
  readonly sinkLocation: Loc;
  /** Storage/processing country of the destination; null when only parties are known or it is unresolved. */
  readonly country: string | null;
  readonly region: string | null;
  readonly unresolved: boolean;
  readonly parties: readonly FlowParty[];
  readonly description: string;
  readonly encrypted: string | null;
  readonly pseudonymized: boolean;
  /** Ids of the bases that apply: those at the sink (destination and enclosing functions) and the parties' own. */
  readonly bases: readonly string[];
  /** The SDK catalogue vendor and package of the sink, when it is one (the disclosure draft's notices and candidate countries). */
  readonly vendor?: { readonly id: string; readonly package: string };
  /** The repository the flow was found in (set in a merged register, `residency-guard merge`). */
  readonly repository?: string;
}

function basesOf(hit: Hit, config: ResidencyConfig, partyIds: readonly string[]): string[] {
  const ids = [...hit.site.bases, ...partyIds.map((id) => config.parties.get(id)?.basis)];
  return [...new Set(ids)].filter((id): id is string => id !== undefined && config.bases.has(id));
}

export function flowRecords(hits: readonly Hit[], config: ResidencyConfig, root: string): FlowRecord[] {
  return hits.flatMap((hit) => flowRecordsOfHit(hit, config, root));
}

/** The flows into one sink. */
export function flowRecordsOfHit(hit: Hit, config: ResidencyConfig, root: string, locate: Locate = LOCATE_AS_PARSED): FlowRecord[] {
  return placesOf(hit.site.destination).flatMap((d) => flowRecordsTo(hit, d, config, root, locate));
}

/** The flows into one sink that reach one of its places. */
function flowRecordsTo(hit: Hit, d: Destination, config: ResidencyConfig, root: string, locate: Locate): FlowRecord[] {
  const ids = [...(d.recipient ? [d.recipient] : []), ...d.readers];
  const bases = basesOf(hit, config, ids);
  // A built-in party (an SDK catalogue vendor) travels with its destination.
  const all = [...ids.map((id) => config.parties.get(id)), d.party];
  const parties = all.filter((p) => p !== undefined).map((p) => ({ id: p.id, name: p.name, access: p.access, country: p.country }));
  const out: FlowRecord[] = [];
  for (const l of hit.labels) {
    if (l.kind !== 'source' || l.transform.anonymized) continue;
    out.push({
      symbol: l.source.symbol, category: l.source.category, residency: l.source.residency,
      sourceLocation: relativeLoc(root, locate.source(l.source)), sinkLocation: relativeLoc(root, hit.site.loc),
      country: d.country, region: d.region, unresolved: d.unresolved, parties, description: d.description,
      encrypted: l.transform.encrypted ?? null, pseudonymized: l.transform.pseudonymized ?? false, bases,
      ...(d.vendor ? { vendor: { id: d.vendor.id, package: d.vendor.pkg } } : {}),
    });
  }
  return out;
}
