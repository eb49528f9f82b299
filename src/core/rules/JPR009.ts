/**
 * JPR009 — personal data reaches a country the privacy policy does not name (`disclosure.countries`,
 * only when configured; APPI Art. 28(2), 32; the LINE case of 2021).
 */
import { isAbroad } from './facts';
import type { FlowFacts, RuleDefinition, Trigger } from './types';

function check(f: FlowFacts): Trigger | undefined {
  const named = f.config.disclosureCountries;
  if (!named) return undefined;
  const c = f.countries.find((x) => isAbroad(x) && !named.includes(x));
  if (!c) return undefined;
  const p = f.parties.find((x) => x.country === c);
  return p ? { party: p, country: c } : { country: c };
}

export const JPR009: RuleDefinition = {
  id: 'JPR009',
  defaultSeverity: 'error',
  cites: 'APPI Art. 28(2), 32; LINE 2021',
  title: { en: 'Country missing from the privacy policy', ja: 'プライバシーポリシーに記載のない国' },
  message: {
    en: (a) => `${a.data} reaches ${a.country} (${a.target}), which the privacy policy does not name in disclosure.countries (APPI Art. 28(2), 32)`,
    ja: (a) => `${a.data} が ${a.country}（${a.target}）に渡りますが、プライバシーポリシー（disclosure.countries）にその国の記載がありません（個人情報保護法28条2項・32条）`,
  },
  check,
};
