/**
 * Destinations of SaaS and cloud SDK calls (SPEC §3.2 and §6.3 v2): a call is followed back to the package
 * it is imported from (clientChains.ts), matched against the SDK catalogue (vocabulary/sdkCatalogue.ts)
 * and the config's `packages`, and its region is read from the code the way the catalogue says — an option
 * of the constructor or factory the client was made by, a setup call anywhere in the program (`init`,
 * `setDataResidency`), an option of the call itself, or an environment variable the SDK reads (values from
 * the config's `env`/`envFiles`). The vendor becomes a built-in party with the country it processes in; a
 * country that cannot be resolved makes an unresolved destination naming the vendor and how to pin it.
 * Also used for plain HTTP to a vendor's host.
 */
import ts = require('typescript');
import type { PackageBinding, Party } from '../config/types';
import { normalizeHost } from '../vocabulary/regionCatalog';
import type { RegionCatalog } from '../vocabulary/regionTypes';
import { packageName, type CataloguePackage, type MatchedCall, type RegionSource, type SdkCatalogue, type Vendor } from '../vocabulary/sdkCatalogue';
import type { Chain, ChainTracer } from './clientChains';
import { constString, objectProperty, type ConstString, type EnvValues } from './constants';
import type { Destination, VendorInfo } from './destinations';
import { skipOuterExpressions } from './nodes';

/** The TypeScript functions and enums this module uses, bound once: the `ts` namespace object is slow to read from. */
const { forEachChild, isCallExpression, isIdentifier, isPropertyAccessExpression } = ts;

export interface SdkInputs {
  readonly checker: ts.TypeChecker;
  readonly regions: RegionCatalog;
  readonly catalogue: SdkCatalogue;
  readonly chains: ChainTracer;
  readonly packages: readonly PackageBinding[];
  readonly env: EnvValues;
  /** The workspace files that import a package (by npm name), for setup calls. */
  readonly filesImporting: (pkg: string) => readonly ts.SourceFile[];
}

/** Where a call's data goes: a country (null when the place spans several, e.g. "EU"), with a label. */
interface Place {
  readonly country: string | null;
  readonly region: string | null;
  readonly label: string;
  /** The vendor whose host it is, when the host names one (nodemailer's SMTP host). */
  readonly vendor?: Vendor;
}

/** A place, or why none could be found. */
type PlaceResult = Place | { readonly why: string };

export class SdkCallResolver {
  private readonly setups = new Map<string, readonly ts.Expression[]>();

  constructor(private readonly inputs: SdkInputs) {}

  /** The destination of a call of a catalogue package or a package bound in the config, if it is one. */
  ofCall(call: ts.CallExpression): Destination | undefined {
    const callee = skipOuterExpressions(call.expression);
    if (!isPropertyAccessExpression(callee) && !isIdentifier(callee)) return undefined;
    const chain = this.inputs.chains.of(callee);
    if (!chain || chain.path.length === 0) return undefined;
    const binding = bindingFor(this.inputs.packages, chain.module);
    const entry = this.inputs.catalogue.entryOf(chain.module);
    const matched = entry && this.inputs.catalogue.matchCall(entry, chain.path);
    if (binding) return this.boundDestination(binding, chain.module, matched);
    if (!matched) return undefined;
    const place = this.placeOf(matched, chain, call);
    return vendorDestination(matched.vendor, entry.name, place, matched.call.args);
  }

  /** Plain HTTP to a vendor's host (`https://api.stripe.com/v1/customers`). */
  ofHost(host: string): Destination | undefined {
    const h = this.inputs.catalogue.matchHost(normalizeHost(host));
    if (!h) return undefined;
    const place: PlaceResult = h.country ? { country: h.country, region: null, label: h.label } : { why: `${h.label} names no single country` };
    return vendorDestination(h.vendor, host, place, undefined, false);
  }

  /** The text of every setup call's region value (`init({ dsn })`, `setDataResidency('eu')`) of the packages, for noticing edits. */
  setupDigest(packages: readonly string[]): string {
    const parts: string[] = [];
    for (const pkg of packages) {
      const entry = this.inputs.catalogue.entryOf(pkg);
      for (const source of entry?.region ?? []) {
        if (source.at === 'setup') for (const e of this.setupValues(entry!, source)) parts.push(`${pkg}:${this.valueText(e)}`);
      }
    }
    return parts.join('\u0001');
  }

  /** A value as known at analysis time (through consts in other files), else as written. */
  private valueText(e: ts.Expression): string {
    const v = constString(this.inputs.checker, e, this.inputs.env);
    return v ? `${v.complete ? '=' : '~'}${v.text}` : e.getText();
  }

  private boundDestination(binding: PackageBinding, module: string, matched: MatchedCall | undefined): Destination {
    const region = binding.region?.resolved;
    const dataArgs = matched?.call.args;
    const description = `${packageName(module)} (bound in "packages"${binding.party ? ` to ${binding.party}` : ''}${binding.region ? ` in ${binding.region.written}` : ''})`;
    if (!binding.party && matched?.vendor && region) {
      return vendorDestination(matched.vendor, packageName(module), region.country ? { country: region.country, region: region.region, label: binding.region!.written } : { why: `${binding.region!.written} names no single country` }, dataArgs);
    }
    return {
      kind: 'sdk', country: region?.country ?? null, region: region?.region ?? null, recipient: binding.party ?? null, readers: [], bases: [],
      unresolved: !!region && region.country === null, description, ...(dataArgs ? { dataArgs } : {}),
    };
  }

  /** The first region source the code uses decides; none: the vendor's default country, if it has one. */
  private placeOf(matched: MatchedCall, chain: Chain, call: ts.CallExpression): PlaceResult {
    for (const source of matched.entry.region) {
      const values = this.valuesOf(source, matched.entry, chain, call);
      if (values === undefined) continue;
      return this.placeFromValues(source, values);
    }
    const v = matched.vendor;
    if (v?.country) return { country: v.country, region: null, label: `${v.country}, the vendor's default` };
    return { why: v ? 'its region is an account setting not visible in code' : 'the service it connects to (an SMTP host, a model provider) is not known at analysis time' };
  }

  /** The values a region source finds (undefined when the code does not use it; an item undefined when not known at analysis time). */
  private valuesOf(source: RegionSource, entry: CataloguePackage, chain: Chain, call: ts.CallExpression): Array<ConstString | undefined> | undefined {
    const { checker, env } = this.inputs;
    switch (source.at) {
      case 'env':
        return source.name !== undefined && Object.prototype.hasOwnProperty.call(env, source.name) ? [{ text: env[source.name], complete: true }] : undefined;
      case 'call': {
        const e = this.argumentOf(call, source);
        return e ? [constString(checker, e, env)] : undefined;
      }
      case 'client': {
        for (let i = chain.made.length - 1; i >= 0; i--) {
          const e = this.argumentOf(chain.made[i], source);
          if (e) return [constString(checker, e, env)];
        }
        return undefined;
      }
      case 'setup': {
        const found = this.setupValues(entry, source);
        return found.length > 0 ? found.map((e) => constString(checker, e, env)) : undefined;
      }
    }
  }

  /** The option (in any object argument) or positional argument a source names. */
  private argumentOf(call: ts.CallExpression | ts.NewExpression, source: RegionSource): ts.Expression | undefined {
    const args = call.arguments ?? [];
    if (source.arg !== undefined) return args[source.arg];
    if (source.option === undefined) return undefined;
    for (const a of args) {
      const found = objectProperty(a, source.option, this.inputs.checker);
      if (found) return found;
    }
    return undefined;
  }

  /** The values given to a setup call (`Sentry.init({ dsn })`) anywhere in the files importing the package. */
  private setupValues(entry: CataloguePackage, source: RegionSource): readonly ts.Expression[] {
    const key = `${entry.name}\u0000${source.path}\u0000${source.option ?? source.arg}`;
    let found = this.setups.get(key);
    if (!found) {
      const out: ts.Expression[] = [];
      for (const sf of this.inputs.filesImporting(entry.name)) this.collectSetups(sf, entry, source, out);
      found = out;
      this.setups.set(key, found);
    }
    return found;
  }

  private collectSetups(node: ts.Node, entry: CataloguePackage, source: RegionSource, out: ts.Expression[]): void {
    if (isCallExpression(node) && source.path !== undefined) {
      const callee = skipOuterExpressions(node.expression);
      const chain = isPropertyAccessExpression(callee) || isIdentifier(callee) ? this.inputs.chains.of(callee) : undefined;
      if (chain && this.inputs.catalogue.entryOf(chain.module) === entry && this.inputs.catalogue.matchesPath(source.path, chain.path)) {
        const e = this.argumentOf(node, source);
        if (e) out.push(e);
      }
    }
    forEachChild(node, (child) => this.collectSetups(child, entry, source, out));
  }

  /** All values must name the same place; a value not known at analysis time leaves the place unresolved. */
  private placeFromValues(source: RegionSource, values: ReadonlyArray<ConstString | undefined>): PlaceResult {
    let place: Place | undefined;
    for (const v of values) {
      if (!v?.complete) return { why: `${describeSource(source)} is not known at analysis time` };
      const p = this.interpret(source, v.text);
      if ('why' in p) return p;
      if (place && (place.country !== p.country || place.label !== p.label)) return { why: `${describeSource(source)} is set to different regions` };
      place = p;
    }
    return place ?? { why: `${describeSource(source)} is not known at analysis time` };
  }

  private interpret(source: RegionSource, text: string): PlaceResult {
    if (source.kind === 'host') return this.hostPlace(text);
    if (source.kind === 'provider-region') {
      const code = source.stripPrefix && text.startsWith(source.stripPrefix) ? text.slice(source.stripPrefix.length) : text;
      const r = source.provider ? this.inputs.regions.resolveProviderRegion(source.provider, code) : undefined;
      return r ? { country: r.country, region: r.region, label: r.region ?? code } : { why: `the region "${text}" is not a known ${source.provider} region` };
    }
    const value = source.values?.[text.toLowerCase()];
    if (!value) return { why: `${describeSource(source)} "${text}" is not a value the catalogue knows` };
    return value.host !== undefined ? this.hostPlace(value.host) : { country: value.country ?? null, region: null, label: `${describeSource(source)} ${text}` };
  }

  /** A URL, host or DSN: the vendor's host patterns first, then the clouds'. */
  private hostPlace(text: string): PlaceResult {
    const host = hostOf(text);
    if (!host) return { why: `"${text}" names no host` };
    const vendorHost = this.inputs.catalogue.matchHost(host);
    if (vendorHost) return { country: vendorHost.country, region: null, label: `${vendorHost.label} (${host})`, vendor: vendorHost.vendor };
    const m = this.inputs.regions.matchHost(host);
    if (m.country) return { country: m.country, region: m.region, label: m.region ?? host };
    return { why: `the host ${host} reveals no country` };
  }
}

/** The config binding of a module specifier: its package name's, else its scope prefix's (`@acme/*`). */
export function bindingFor(packages: readonly PackageBinding[], module: string): PackageBinding | undefined {
  const name = packageName(module);
  const scope = name.startsWith('@') ? `${name.split('/')[0]}/*` : undefined;
  return packages.find((b) => b.pattern === name) ?? packages.find((b) => b.pattern === scope);
}

/** The host of a URL (`https://key@o1.ingest.de.sentry.io/1` → `o1.ingest.de.sentry.io`) or a bare host (`datadoghq.eu`). */
function hostOf(text: string): string | undefined {
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/(?:[^@/?#]*@)?([^/:?#]+)/i.exec(text.trim()) ?? /^([a-z0-9.-]+\.[a-z]{2,})(?::\d+)?(?:\/.*)?$/i.exec(text.trim());
  return m ? normalizeHost(m[1]) : undefined;
}

function describeSource(s: RegionSource): string {
  if (s.at === 'env') return `the environment variable ${s.name}`;
  if (s.at === 'setup') return `the ${s.option ? `option ${s.option} of ` : 'argument of '}${s.path}()`;
  return `the option ${s.option ?? `#${s.arg}`}`;
}

/** A vendor's access class where it processes in Japan: a contractor there is a domestic one. */
function accessIn(v: Vendor, country: string): string {
  return country === 'JP' && v.access === 'contractor-overseas' ? 'contractor-domestic' : v.access;
}

function vendorInfo(v: Vendor, pkg: string, sdk: boolean): VendorInfo {
  return { id: v.id, name: v.name, pkg, japanRegion: v.japanRegion === true, ...(sdk ? { pin: v.pin } : {}) };
}

/** The destination of a vendor's call (`sdk`: through its package, whose pinning advice applies): its party in the resolved country, or unresolved naming it. */
function vendorDestination(packageVendor: Vendor | null, pkg: string, place: PlaceResult, dataArgs: readonly number[] | undefined, sdk = true): Destination {
  const v = ('vendor' in place ? place.vendor : undefined) ?? packageVendor;
  const args = dataArgs ? { dataArgs } : {};
  const info = v ? { vendor: vendorInfo(v, pkg, sdk) } : {};
  const who = v ? `${v.name} (${pkg})` : pkg;
  if ('why' in place || place.country === null) {
    const why = 'why' in place ? place.why : `${place.label} names no single country`;
    return { kind: 'sdk', country: null, region: null, recipient: null, readers: [], bases: [], unresolved: true, description: `${who} [${why}]`, ...info, ...args };
  }
  const description = `${who} in ${place.label}`;
  if (!v) return { kind: 'sdk', country: place.country, region: place.region, recipient: null, readers: [], bases: [], unresolved: false, description, ...args };
  const party: Party = { id: `catalogue:${v.id}`, name: v.name, access: accessIn(v, place.country), country: place.country };
  return { kind: 'sdk', country: null, region: place.region, recipient: null, readers: [], bases: [], unresolved: false, description, party, ...info, ...args };
}
