/**
 * The join (SPEC §6.3 v2 "Infrastructure"): a sink's resource identifier — a literal name or an
 * environment variable — followed through the env bindings to the storage resources of the IaC model and
 * on to their regions. Each binding (environment) and each place of a resource (its region, its replicas)
 * gives one place; a link that is missing gives a place that says which ("no env binding for
 * MEDIA_BUCKET", "region is variable region, which has no default …"). Every place keeps the located
 * steps it was found through: binding → resource → region.
 */
import type { RegionCatalog, ResolvedRegion, Provider } from '../vocabulary/regionTypes';
import type { EnvBinding, IacFacts, Step, StorageResource } from './model';

/** What names the resource at a sink. */
export type SinkKey =
  | { readonly kind: string; readonly env: string }
  | { readonly kind: string; readonly text: string };

/** A place a sink's data reaches according to the infrastructure code. */
export interface IacPlace {
  /** The region, when every link resolved. */
  readonly region?: ResolvedRegion;
  /** Which link is missing, when one is. */
  readonly missing?: string;
  /** The resource reached, when one was. */
  readonly resource?: StorageResource;
  readonly replica: boolean;
  readonly steps: readonly Step[];
}

const PROVIDERS = new Set<string>(['aws', 'gcp', 'azure', 'alibaba', 'oracle', 'tencent', 'naver']);

export class IacIndex {
  private readonly bindingsByName = new Map<string, EnvBinding[]>();
  private readonly resourcesByName = new Map<string, StorageResource[]>();

  constructor(facts: IacFacts, private readonly env: Readonly<Record<string, string>>, private readonly regions: RegionCatalog) {
    for (const b of facts.bindings) this.bindingsByName.set(b.name, [...(this.bindingsByName.get(b.name) ?? []), b]);
    for (const r of facts.resources) for (const n of r.names) this.resourcesByName.set(n, [...(this.resourcesByName.get(n) ?? []), r]);
  }

  /** The places of a sink; empty when the infrastructure code says nothing about it (a literal name no resource has). */
  placesOf(key: SinkKey): IacPlace[] {
    if ('text' in key) return this.named(key.kind, key.text).flatMap((r) => this.resourcePlaces(r, []));
    const bindings = this.bindingsByName.get(key.env) ?? [];
    if (bindings.length === 0) {
      const value = Object.prototype.hasOwnProperty.call(this.env, key.env) ? this.env[key.env] : undefined;
      if (value !== undefined) return this.textPlaces(key, value, []);
      return [place({ missing: `no env binding for ${key.env} in the iac files, env files or "env"`, steps: [] })];
    }
    return dedupe(bindings.flatMap((b) => this.bindingPlaces(key, b)));
  }

  private bindingPlaces(key: SinkKey & { env: string }, b: EnvBinding): IacPlace[] {
    const v = b.value;
    if (v.kind === 'unknown') return [place({ missing: `${key.env} is bound, but to a value not known at analysis time (${v.why})`, steps: [b.at] })];
    if (v.kind === 'resource') return this.resourcePlaces(v.resource, [b.at]);
    return this.textPlaces(key, v.text, [b.at]);
  }

  private textPlaces(key: SinkKey & { env: string }, text: string, steps: readonly Step[]): IacPlace[] {
    const found = this.named(key.kind, text);
    if (found.length === 0) return [place({ missing: `${key.env} = "${text}", but no ${key.kind} named "${text}" is declared in the iac files`, steps })];
    return found.flatMap((r) => this.resourcePlaces(r, steps));
  }

  /** Resources with a name, of the sink's kind when some are. */
  private named(kind: string, text: string): StorageResource[] {
    const all = this.resourcesByName.get(text) ?? [];
    const same = all.filter((r) => r.kind === kind);
    return same.length > 0 ? same : all;
  }

  private resourcePlaces(r: StorageResource, before: readonly Step[]): IacPlace[] {
    const facts = r.regions();
    if (facts.length === 0) return [place({ missing: `no region is declared for ${r.label}`, resource: r, steps: [...before, r.at] })];
    return facts.map((f) => {
      const steps = [...before, r.at, ...f.steps];
      const replica = f.role === 'replica';
      if ('missing' in f) return place({ missing: `${r.label}: ${f.missing}`, resource: r, replica, steps });
      const resolved = PROVIDERS.has(f.value.provider) ? this.regions.resolveProviderRegion(f.value.provider as Provider, f.value.code) : undefined;
      if (!resolved) return place({ missing: `${r.label}: "${f.value.code}" is not a known ${f.value.provider} region`, resource: r, replica, steps });
      return place({ region: resolved, resource: r, replica, steps });
    });
  }
}

function place(p: { region?: ResolvedRegion; missing?: string; resource?: StorageResource; replica?: boolean; steps: readonly Step[] }): IacPlace {
  return { ...(p.region ? { region: p.region } : {}), ...(p.missing ? { missing: p.missing } : {}), ...(p.resource ? { resource: p.resource } : {}), replica: p.replica ?? false, steps: p.steps };
}

/** One place per resource, place and missing link (two environments naming the same bucket are one place). */
function dedupe(places: readonly IacPlace[]): IacPlace[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const k = `${p.resource?.key ?? ''}\u0000${p.region?.region ?? ''}\u0000${p.missing ?? ''}\u0000${p.replica}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
