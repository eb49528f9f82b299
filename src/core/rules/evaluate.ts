/**
 * Turns sink hits into findings: every rule is checked on every source reaching every sink, and each
 * (sink, rule) pair becomes one finding listing every source that makes it fire (SPEC §5.4). Config-level
 * rules (JPR012) are checked on the config itself.
 */
import ts = require('typescript');
import type { ResidencyConfig } from '../config/types';
import { placesOf, type Destination } from '../analysis/destinations';
import type { Hit } from '../analysis/flowTypes';
import type { SourceLabel } from '../analysis/labels';
import { LOCATE_AS_PARSED, type Locate } from '../analysis/nodeLocations';
import { enclosingFunction, locOf, nameText } from '../analysis/nodes';
import { relativeLoc, relativePath } from '../analysis/program';
import type { Severity } from '../model';
import { fingerprint } from '../report/fingerprint';
import type { Finding, PathStep } from '../report/model';
import { flowFacts, partyPhrase } from './facts';
import { RULES, RULES_BY_ID } from './index';
import { missingConsentFields } from './JPR012';
import type { FlowFacts, Lang, RuleDefinition, Trigger } from './types';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** JPR010's advice when the infrastructure code left a link missing (the path shows which). */
const IAC_PIN: Readonly<Record<Lang, string>> = {
  en: 'declare the missing link in the infrastructure code (the path ends where it stops) or annotate the call with @region',
  ja: 'インフラストラクチャのコードで欠けている箇所（経路の最後の地点の先）を宣言するか、呼び出しに @region を付けてください',
};

interface Pending {
  readonly rule: RuleDefinition;
  readonly hit: Hit;
  readonly trigger: Trigger;
  readonly labels: SourceLabel[];
  severity: Severity;
  /** Which place of the sink's destination (0: the destination itself; then its `also`). */
  readonly place: number;
}

export function evaluateHits(hits: readonly Hit[], config: ResidencyConfig, root: string, lang: Lang): Finding[] {
  return [...hits.flatMap((hit) => findingsOfHit(hit, config, root, lang)), ...configFindings(config, root, lang)];
}

/** The findings at one sink (hits are merged per sink site, so each sink's findings depend on its hit alone). */
/** `locate`: where the path steps and sources are now (an incremental run's kept results may name edited files' old nodes). */
export function findingsOfHit(hit: Hit, config: ResidencyConfig, root: string, lang: Lang, locate: Locate = LOCATE_AS_PARSED): Finding[] {
  const pending = new Map<string, Pending>();
  // A call that reaches several places (environments, replicas: Destination.also) is checked once per place.
  placesOf(hit.site.destination).forEach((destination, place) => {
    const placeHit = place === 0 ? hit : { ...hit, site: { ...hit.site, destination } };
    for (const label of hit.labels) {
      if (label.kind !== 'source' || label.transform.anonymized) continue;
      const facts = flowFacts(label, destination, hit.site.bases, config);
      for (const rule of RULES) checkRule(rule, facts, placeHit, label, config, pending, place);
    }
  });
  return [...pending.values()].map((p) => toFinding(p, config, root, lang, locate));
}

function checkRule(rule: RuleDefinition, facts: FlowFacts, hit: Hit, label: SourceLabel, config: ResidencyConfig, pending: Map<string, Pending>, place: number): void {
  if (!rule.check) return;
  const setting = config.rules[rule.id];
  if (setting === 'off') return;
  if (facts.opaque && rule.id !== 'JPR005') return;
  const trigger = rule.check(facts);
  if (!trigger) return;
  const severity = trigger.severity === 'info' && rule.id === 'JPR005' ? 'info' : setting ?? trigger.severity ?? rule.defaultSeverity;
  const loc = hit.site.loc;
  const key = `${loc.file}:${loc.line}:${loc.column}:${loc.endLine}:${loc.endColumn}:${rule.id}:${place}`;
  const p = pending.get(key);
  if (!p) {
    pending.set(key, { rule, hit, trigger, labels: [label], severity, place });
    return;
  }
  if (!p.labels.some((l) => l.source.key === label.source.key)) p.labels.push(label);
  if (RANK[severity] > RANK[p.severity]) p.severity = severity;
}

/**
 * The data a message names: the first source, and how many more reach the same place (every source is listed
 * in the finding's `sources`). Worded so that the rule's verb stays singular: "X (contact), with 2 more fields,
 * reaches …"; in Japanese "X (contact) ほか 2 項目".
 */
function dataPhrase(labels: readonly SourceLabel[], lang: Lang): string {
  const [first] = labels;
  const n = labels.length - 1;
  if (lang === 'ja') return `${first.source.symbol} (${first.source.category})${n > 0 ? ` ほか ${n} 項目` : ''}`;
  const more = n === 0 ? '' : `, with ${n} more field${n === 1 ? '' : 's'},`;
  return `${first.source.symbol} (${first.source.category})${more}`;
}

function targetPhrase(p: Pending): string {
  const t = p.trigger;
  if (t.party) return partyPhrase(t.party);
  const d = p.hit.site.destination;
  return d.description;
}

function pathOf(p: Pending, label: SourceLabel, root: string, locate: Locate): PathStep[] {
  const s = label.source;
  const steps: PathStep[] = [{ location: relativeLoc(root, locate.source(s)), note: `declared ${s.symbol} (@residency ${s.residency}, @category ${s.category})` }];
  for (const h of label.hops) steps.push({ location: relativeLoc(root, locate.node(h.at)), note: oneLine(h.note) });
  steps.push({ location: relativeLoc(root, p.hit.site.loc), note: oneLine(`sent to ${p.hit.site.destination.description}`) });
  // Where the infrastructure code puts it: env binding → resource → region (located in the IaC files).
  for (const s of p.hit.site.destination.steps ?? []) steps.push({ location: relativeLoc(root, s.loc), note: oneLine(s.note) });
  return steps;
}

/** For a catalogue vendor that offers a region in Japan, when the data goes elsewhere: the finding says so. */
function japanRegionNote(d: Destination, country: string, lang: Lang): string {
  if (!d.vendor?.japanRegion || country === 'JP') return '';
  return lang === 'ja'
    ? `。${d.vendor.name} は日本のリージョンを提供しています（docs/sdk-catalogue.md）`
    : `; ${d.vendor.name} offers a region in Japan (docs/sdk-catalogue.md)`;
}

/** Identifiers a label's value had on its way (`line` of "assigned to line") and its field name (`email` of `User.email`). */
function namesOf(label: SourceLabel): string[] {
  const hops = label.hops.map((h) => /^(?:assigned to|stored in) (?:.*\.)?([\w$]+)$/.exec(h.note)?.[1]);
  return [label.source.symbol.split('.').pop() ?? '', ...hops].filter((n): n is string => !!n && /^[\w$]+$/.test(n));
}

/**
 * The expression that carries the data into a call or `new` sink that sends it (the editor squiggles it): the only
 * argument, else the one argument that mentions a source's field or a name the value had on its way;
 * undefined (the whole sink) when that is not one argument.
 */
function dataNode(site: ts.Node, labels: readonly SourceLabel[]): ts.Node | undefined {
  if (!ts.isCallExpression(site) && !ts.isNewExpression(site)) return undefined;
  // A returned value (`@exposes-to`) is handed over whole: its call's arguments are not what is exposed.
  if (ts.isReturnStatement(site.parent) || ts.isArrowFunction(site.parent)) return undefined;
  const args = site.arguments ?? [];
  if (args.length === 1) return args[0];
  const names = labels.flatMap(namesOf).map((n) => new RegExp(`(^|[^\\w$])${n.replace(/\$/g, '\\$')}([^\\w$]|$)`));
  const carrying = args.filter((a) => names.some((re) => re.test(a.getText())));
  return carrying.length === 1 ? carrying[0] : undefined;
}

function containerName(node: ts.Node): string {
  const fn = enclosingFunction(node);
  if (!fn) return '<module>';
  return nameText(fn) ?? (fn.parent ? nameText(fn.parent) : undefined) ?? '<function>';
}

function toFinding(p: Pending, config: ResidencyConfig, root: string, lang: Lang, locate: Locate): Finding {
  const site = p.hit.site;
  const d = site.destination;
  const party = p.trigger.party ?? (d.recipient ? config.parties.get(d.recipient) : d.party);
  const country = p.trigger.country ?? d.country ?? 'unknown';
  const location = relativeLoc(root, site.loc);
  const pin = d.vendor?.pin?.[lang] ?? (d.kind === 'iac' ? IAC_PIN[lang] : undefined);
  return {
    rule: p.rule.id,
    severity: p.severity,
    message: p.rule.message[lang]({ data: dataPhrase(p.labels, lang), target: targetPhrase(p), country, ...(pin ? { pin } : {}) }) + japanRegionNote(d, country, lang),
    location,
    ...dataLocation(site.node, p.labels, root),
    sources: p.labels.map((l) => ({ symbol: l.source.symbol, category: l.source.category, residency: l.source.residency, location: relativeLoc(root, locate.source(l.source)) })),
    destination: { country: p.trigger.country ?? d.country, region: d.region, party: party?.id ?? d.recipient, access: party?.access ?? null, description: d.description },
    path: pathOf(p, p.labels[0], root, locate),
    paths: p.labels.map((l) => pathOf(p, l, root, locate)),
    fingerprint: fingerprint({
      // A further place of the same sink (another environment, a replica) is a finding of its own.
      rule: p.rule.id, file: location.file, container: containerName(site.node), sinkText: p.place === 0 ? site.node.getText() : `${site.node.getText()}\u0000${d.description}`,
      sources: p.labels.map((l) => `${relativePath(root, l.source.loc.file)}#${l.source.symbol}`),
    }),
  };
}

function dataLocation(site: ts.Node, labels: readonly SourceLabel[], root: string): { dataLocation?: Finding['location'] } {
  const node = dataNode(site, labels);
  return node ? { dataLocation: relativeLoc(root, locOf(node)) } : {};
}

export function configFindings(config: ResidencyConfig, root: string, lang: Lang): Finding[] {
  const rule = RULES_BY_ID.get('JPR012')!;
  const setting = config.rules.JPR012;
  if (setting === 'off' || !config.file) return [];
  const out: Finding[] = [];
  for (const b of config.bases.values()) {
    const missing = missingConsentFields(b);
    if (missing.length === 0 || !b.location) continue;
    const location = relativeLoc(root, b.location);
    out.push({
      rule: rule.id,
      severity: setting ?? rule.defaultSeverity,
      message: rule.message[lang]({ data: b.id, target: missing.join(', '), country: (b.countries ?? []).join(', ') }),
      location,
      sources: [],
      destination: { country: null, region: null, party: null, access: null, description: `basis ${b.id}` },
      path: [{ location, note: `consent basis ${b.id}` }],
      fingerprint: fingerprint({ rule: rule.id, file: location.file, container: 'bases', sinkText: b.id, sources: [] }),
    });
  }
  return out;
}

/** Code quoted in a note on one line (`transporter\n    .sendMail()` → `transporter .sendMail()`). */
function oneLine(note: string): string {
  return note.replace(/\s*[\r\n]+\s*/g, ' ');
}
