/**
 * JPR010 — personal data reaches an egress whose country cannot be resolved: a warning for `jp-only` and
 * `jp-or-equivalent` data, information for other classes (APPI Art. 23). For an SDK catalogue call the
 * target names the vendor and package, and the message says how to pin the region (docs/sdk-catalogue.md).
 */
import type { FlowFacts, RuleDefinition, Trigger } from './types';

function check(f: FlowFacts): Trigger | undefined {
  if (!f.destination.unresolved) return undefined;
  const strict = f.source.residency === 'jp-only' || f.source.residency === 'jp-or-equivalent';
  return strict ? {} : { severity: 'info' };
}

export const JPR010: RuleDefinition = {
  id: 'JPR010',
  defaultSeverity: 'warning',
  cites: 'APPI Art. 23',
  title: { en: 'Destination country unknown', ja: '移転先の国が不明' },
  message: {
    en: (a) => `${a.data} reaches ${a.target}, whose country cannot be resolved; ${a.pin ?? 'pin a regional endpoint or annotate it with @region'} (APPI Art. 23)`,
    ja: (a) => `${a.data} が ${a.target} に渡りますが、その国を特定できません。${a.pin ?? 'リージョン指定のエンドポイントを使うか @region を付けてください'}（個人情報保護法23条）`,
  },
  check,
};
