/**
 * The commented starter `residency.config.json` that `init` writes (SPEC §7.4): the `jp` pack, and what the
 * code already reaches — catalogue SDK vendors (built-in parties: listed, nothing to declare), AWS and other
 * regions found in code (declared as named regions usable in `@region`), and HTTP hosts whose country is
 * unknown (a party template each, commented out: only the team knows the recipient and its country).
 * The text loads without a problem. Pure.
 */
import type { EgressPoint } from '../inventory/inventory';

/** A config key made from a host or vendor: `api.groq.com` → `api-groq-com`. */
export function partyId(text: string): string {
  return text.toLowerCase().replace(/^https?:\/\//, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'party';
}

/** The host an HTTP egress names (`https://api.groq.com`), when its description is a URL. */
function hostOf(e: EgressPoint): string | undefined {
  return /^https?:\/\/([^/\s]+)/.exec(e.description)?.[1];
}

function where(e: EgressPoint): string {
  return `${e.location.file}:${e.location.line}`;
}

function grouped<K>(items: readonly EgressPoint[], key: (e: EgressPoint) => K | undefined): Map<K, EgressPoint[]> {
  const out = new Map<K, EgressPoint[]>();
  for (const e of items) {
    const k = key(e);
    if (k === undefined) continue;
    out.set(k, [...(out.get(k) ?? []), e]);
  }
  return out;
}

function places(list: readonly EgressPoint[]): string {
  const shown = list.slice(0, 3).map(where).join(', ');
  return list.length > 3 ? `${shown} and ${list.length - 3} more` : shown;
}

/** What an unresolved egress goes to: the URL's host, else the package or callee its description starts with (`nodemailer`). */
function targetOf(e: EgressPoint): string | undefined {
  return hostOf(e) ?? (e.kind === 'http' ? undefined : /^[@\w./-]+/.exec(e.description)?.[0]);
}

/** Commented-out party templates for the destinations whose country is unknown (hosts, SMTP relays, …). */
function hostParties(egress: readonly EgressPoint[]): string[] {
  const hosts = grouped(egress.filter((e) => e.unresolved && !e.party && !e.vendor), targetOf);
  return [...hosts].flatMap(([host, list]) => [
    `    // ${host} — called at ${places(list)}; where it sends is not known from the code. Set the country, then tag the`,
    `    // call (or the client) with @recipient ${partyId(host)}:`,
    `    // "${partyId(host)}": { "name": "${host}", "access": "contractor-overseas", "country": "US" },`,
  ]);
}

/** Comment lines naming the catalogue vendors reached: built-in parties, nothing to declare. */
function vendorLines(egress: readonly EgressPoint[]): string[] {
  const vendors = grouped(egress.filter((e) => e.vendor), (e) => e.vendor!.pkg);
  return [...vendors].map(([pkg, list]) => {
    const v = list[0].vendor!;
    const country = list.find((e) => e.country)?.country ?? 'region not known from the code';
    const jp = v.japanRegion ? '; offers a region in Japan' : '';
    return `  //   ${pkg}: ${v.name} (${country}${jp}) at ${places(list)}`;
  });
}

/** Named regions for the cloud regions found in code (`aws-ap-northeast-2`: `aws:ap-northeast-2`). */
function regionEntries(egress: readonly EgressPoint[]): string[] {
  const regions = grouped(egress.filter((e) => e.region && e.kind === 'aws-sdk'), (e) => e.region!);
  const entries = [...regions].map(([region, list]) => `    // used at ${places(list)}\n    ${JSON.stringify(partyId(region))}: ${JSON.stringify(region)}`);
  return entries.length > 0 ? [entries.join(',\n')] : [];
}

export function starterConfigText(schemaRef: string, egress: readonly EgressPoint[]): string {
  const vendors = vendorLines(egress);
  return [
    '{',
    '  // Residency Guard configuration, written by `residency-guard init` (JSON with comments; every field is',
    '  // optional). Review it: the parties, countries and regions below are what the code reaches today.',
    `  "$schema": ${JSON.stringify(schemaRef)},`,
    '',
    '  // The policy pack: "jp" is Japan\'s APPI and the Telecommunications Business Act.',
    '  "pack": "jp",',
    '',
    ...(vendors.length > 0 ? [
      '  // SaaS SDKs the code calls (built-in parties of the SDK catalogue, nothing to declare; bind a package',
      '  // under "packages" to name your own contract or region):',
      ...vendors,
      '',
    ] : []),
    '  // Organisations that receive or can read data, by id (for @recipient, @readable-by, @exposes-to).',
    '  // Party "self" (your own systems in Japan) always exists.',
    '  "parties": {',
    ...hostParties(egress),
    '  },',
    '',
    '  // Named regions, usable in @region; those below are the cloud regions the code already uses.',
    '  "regions": {',
    ...regionEntries(egress),
    '  }',
    '}',
    '',
  ].join('\n');
}
