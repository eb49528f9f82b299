/**
 * Types of the region catalogue (cloud region → country) and of hostname matching. The catalogue itself
 * is built from the project's data file `src/core/data/regions.json` by `regionCatalog.ts`.
 */
import type { Lang } from '../rules/types';

export type Provider = 'aws' | 'gcp' | 'azure' | 'alibaba' | 'oracle' | 'tencent' | 'naver';

/** A region named in an annotation, the config, an SDK client or an endpoint host, resolved. */
export interface ResolvedRegion {
  /** `provider:code`, or null when only a country is known (a bare ISO country in `@region KR`). */
  readonly region: string | null;
  /** ISO 3166-1 alpha-2, or null when the place is not one country (e.g. GCP's `eu` multi-region). */
  readonly country: string | null;
  /** Human label, e.g. "Asia Pacific (Seoul)". */
  readonly label: string;
}

export type RegionLookup =
  | { readonly ok: true; readonly resolved: ResolvedRegion }
  | { readonly ok: false; readonly message: string; readonly suggestion?: string };

/** What an endpoint host reveals. `matched: false` means no pattern knows the host at all. */
export interface HostMatch {
  readonly matched: boolean;
  readonly patternId: string | null;
  readonly provider: Provider | null;
  readonly region: string | null;
  readonly country: string | null;
}

export interface RegionCatalog {
  /**
   * Resolves a region as written in `@region` or the config: `provider:code`, a bare code unique across
   * providers, an ISO 3166-1 alpha-2 country, or a name from the config's `regions`. A failure's message
   * is in `lang` (default English).
   */
  resolve(value: string, configRegions?: Readonly<Record<string, string>>, lang?: Lang): RegionLookup;
  /** Resolves a region code used by a given provider's SDK (`ap-northeast-2` for AWS). */
  resolveProviderRegion(provider: Provider, code: string): ResolvedRegion | undefined;
  /** Matches an endpoint host against the hostname patterns, in catalogue order. */
  matchHost(host: string): HostMatch;
  /** Every value `resolve` accepts without the config (for completions): `provider:code` and unique bare codes. */
  allRegionNames(): readonly string[];
  isCountry(code: string): boolean;
}
