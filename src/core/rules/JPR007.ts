/**
 * JPR007 — special care-required personal information leaves Japan or reaches any contractor
 * (APPI Art. 2(3), 27(2), 28).
 */
import { isAbroad, isContractor, partyTrigger } from './facts';
import type { FlowFacts, RuleDefinition, Trigger } from './types';

function check(f: FlowFacts): Trigger | undefined {
  if (f.source.category !== 'special-care') return undefined;
  const byParty = partyTrigger(f, (x) => isAbroad(x.country) || isContractor(x));
  if (byParty) return byParty;
  const c = f.storageCountries.find(isAbroad);
  return c ? { country: c } : undefined;
}

export const JPR007: RuleDefinition = {
  id: 'JPR007',
  defaultSeverity: 'error',
  cites: 'APPI Art. 2(3), 27(2), 28',
  title: { en: 'Special care-required data leaves Japan or reaches a contractor', ja: '要配慮個人情報の国外移転・委託' },
  message: {
    en: (a) => `${a.data} is special care-required personal information and reaches ${a.target} (APPI Art. 2(3), 27(2), 28)`,
    ja: (a) => `${a.data} は要配慮個人情報ですが、${a.target} に渡ります（個人情報保護法2条3項・27条2項・28条）`,
  },
  check,
};
