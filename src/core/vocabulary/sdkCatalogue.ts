/**
 * The SDK catalogue (SPEC §6.3 v2): SaaS and cloud packages whose calls hand data to a vendor, read from
 * the project's data file `src/core/data/sdk-catalogue.json` (schema `schemas/sdk-catalogue.schema.json`).
 * This module answers the data questions only: which entry an import specifier names, whether a call path
 * (`checkout.sessions.create`) is a data-handing call of it and which arguments carry the data, the vendor
 * as a party, and which vendor and country a host belongs to. Following clients through code is done by
 * `analysis/sdkCalls.ts`.
 */
import data from '../data/sdk-catalogue.json';
import type { Provider } from './regionTypes';

export type AccessClass = 'contractor-overseas' | 'contractor-domestic' | 'cloud-no-access';

export interface Vendor {
  readonly id: string;
  readonly name: string;
  readonly access: AccessClass;
  /** Default country of processing when the code chooses no region; null when an account setting decides. */
  readonly country: string | null;
  /** Whether the vendor offers a region in Japan (null: not known). */
  readonly japanRegion: boolean | null;
  readonly pin: Readonly<Record<'en' | 'ja', string>>;
  readonly confidence: 'high' | 'medium' | 'unverified';
}

/** A code's meaning: a country, or a host matched against the host patterns. */
export interface CodeValue {
  readonly country?: string;
  readonly host?: string;
}

export interface RegionSource {
  readonly at: 'client' | 'setup' | 'call' | 'env';
  readonly path?: string;
  readonly option?: string;
  readonly arg?: number;
  readonly name?: string;
  readonly kind: 'host' | 'code' | 'provider-region';
  readonly values?: Readonly<Record<string, CodeValue>>;
  readonly provider?: Provider;
  readonly stripPrefix?: string;
}

export interface CatalogueCall {
  readonly path: string;
  /** Indexes of the arguments that carry data; undefined: all of them. */
  readonly args?: readonly number[];
  /** A vendor other than the package's for this call (Firebase Cloud Messaging in firebase-admin). */
  readonly vendor?: string;
}

export interface CataloguePackage {
  /** The npm name (the key in the data file). */
  readonly name: string;
  /** null: the vendor follows from the host the client is configured with (nodemailer). */
  readonly vendor: string | null;
  readonly calls: readonly CatalogueCall[];
  readonly region: readonly RegionSource[];
  /** Set when the package runs in the user's browser: its sends are external transmissions (TBA Art. 27-12) with this purpose. */
  readonly externalTransmission?: { readonly purpose: Readonly<Record<'en' | 'ja', string>> };
}

/** A host that belongs to a vendor. */
export interface VendorHost {
  readonly vendor: Vendor;
  readonly country: string | null;
  readonly label: string;
}

/** A data-handing call of a package matched by its path. */
export interface MatchedCall {
  readonly entry: CataloguePackage;
  readonly call: CatalogueCall;
  /** The call's vendor (the call's own, else the package's), or null when the host decides. */
  readonly vendor: Vendor | null;
}

interface RawPackage {
  readonly sameAs?: string;
  readonly externalTransmission?: CataloguePackage['externalTransmission'];
  readonly vendor?: string | null;
  readonly calls?: readonly CatalogueCall[];
  readonly region?: readonly RegionSource[];
}

interface RawVendor extends Omit<Vendor, 'id'> {
  readonly hosts: ReadonlyArray<{ readonly id: string; readonly regex: string; readonly country: string | null; readonly label: string }>;
}

interface RawCatalogue {
  readonly vendors: Readonly<Record<string, RawVendor>>;
  readonly packages: Readonly<Record<string, RawPackage>>;
}

interface CompiledHost {
  readonly regex: RegExp;
  readonly host: VendorHost;
}

export class SdkCatalogue {
  readonly vendors = new Map<string, Vendor>();
  readonly packages = new Map<string, CataloguePackage>();
  private readonly hosts: CompiledHost[] = [];
  private readonly paths = new Map<string, RegExp>();

  constructor(raw: RawCatalogue = data as unknown as RawCatalogue) {
    for (const [id, v] of Object.entries(raw.vendors)) {
      const vendor: Vendor = { id, name: v.name, access: v.access, country: v.country, japanRegion: v.japanRegion, pin: v.pin, confidence: v.confidence };
      this.vendors.set(id, vendor);
      for (const h of v.hosts) this.hosts.push({ regex: new RegExp(h.regex), host: { vendor, country: h.country, label: h.label } });
    }
    for (const [name, p] of Object.entries(raw.packages)) {
      const target = p.sameAs ? raw.packages[p.sameAs] : p;
      if (!target) continue;
      const notice = p.externalTransmission ? { externalTransmission: p.externalTransmission } : {};
      this.packages.set(name, { name, vendor: target.vendor ?? null, calls: target.calls ?? [], region: target.region ?? [], ...notice });
    }
  }

  /** The countries a vendor's hosts and default place are in (the candidates of an unresolved call of it), sorted. */
  vendorCountries(vendorId: string): string[] {
    const own = this.vendors.get(vendorId)?.country;
    const hosts = this.hosts.filter((h) => h.host.vendor.id === vendorId).map((h) => h.host.country);
    return [...new Set([own, ...hosts])].filter((c): c is string => typeof c === 'string').sort();
  }

  /** The entry an import specifier names: the package itself or a subpath of it (`firebase-admin/firestore`). */
  entryOf(specifier: string): CataloguePackage | undefined {
    const exact = this.packages.get(specifier);
    if (exact) return exact;
    return this.packages.get(packageName(specifier));
  }

  /** The first data-handing call of the entry whose path pattern matches. */
  matchCall(entry: CataloguePackage, path: readonly string[]): MatchedCall | undefined {
    const text = path.join('.');
    for (const call of entry.calls) {
      if (!this.pathRegex(call.path).test(text)) continue;
      const vendorId = call.vendor ?? entry.vendor;
      return { entry, call, vendor: vendorId === null ? null : this.vendors.get(vendorId) ?? null };
    }
    return undefined;
  }

  /** Whether a path matches a pattern (setup calls such as `init`, `client.setDataResidency`). */
  matchesPath(pattern: string, path: readonly string[]): boolean {
    return this.pathRegex(pattern).test(path.join('.'));
  }

  /** The vendor a host (already lower-cased, without port) belongs to. */
  matchHost(host: string): VendorHost | undefined {
    for (const h of this.hosts) if (h.regex.test(host)) return h.host;
    return undefined;
  }

  private pathRegex(pattern: string): RegExp {
    let re = this.paths.get(pattern);
    if (!re) {
      re = compilePath(pattern);
      this.paths.set(pattern, re);
    }
    return re;
  }
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** A path pattern as a regular expression over dot-joined names: `**` any names (also none), `*` one name or part of one. */
function compilePath(pattern: string): RegExp {
  const segments = pattern.split('.');
  let re = '^';
  segments.forEach((s, i) => {
    const last = i === segments.length - 1;
    if (s === '**') re += last ? '.*' : '(?:[^.]+\\.)*';
    else re += s.split('*').map(escapeRegex).join('[^.]*') + (last ? '' : '\\.');
  });
  return new RegExp(`${re}$`);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
