/**
 * JPR001 — personal data reaches a party outside Japan, or `jp-only` data is stored or processed outside
 * Japan, without a basis that covers that country (APPI Art. 28(1)).
 */
import { EQUIVALENT_COUNTRIES } from '../data/countries';
import type { Party } from '../config/types';
import { covered, isAbroad } from './facts';
import type { FlowFacts, RuleDefinition, Trigger } from './types';

function partyAllowed(f: FlowFacts, p: Party): boolean {
  const residency = f.source.residency;
  if (residency === 'jp-only') return false;
  if (residency === 'jp-or-equivalent' && EQUIVALENT_COUNTRIES.has(p.country)) return true;
  return covered(f, p.country, p);
}

function check(f: FlowFacts): Trigger | undefined {
  for (const p of f.parties) if (isAbroad(p.country) && !partyAllowed(f, p)) return { party: p, country: p.country };
  if (f.source.residency === 'jp-only') {
    const c = f.storageCountries.find(isAbroad);
    if (c) return { country: c };
  }
  return undefined;
}

export const JPR001: RuleDefinition = {
  id: 'JPR001',
  defaultSeverity: 'error',
  cites: 'APPI Art. 28(1)',
  title: { en: 'Transfer to a third party in a foreign country without a basis', ja: '根拠のない外国にある第三者への提供' },
  message: {
    en: (a) => `${a.data} reaches ${a.target} outside Japan without a basis that covers ${a.country} (APPI Art. 28(1))`,
    ja: (a) => `${a.data} が ${a.target}（日本国外）に渡りますが、${a.country} を対象とする根拠がありません（個人情報保護法28条1項）`,
  },
  check,
};
