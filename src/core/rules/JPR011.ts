/**
 * JPR011 — pseudonymously processed information reaches a party other than the operator itself
 * (APPI Art. 41(6)).
 */
import { partyTrigger } from './facts';
import type { FlowFacts, RuleDefinition, Trigger } from './types';

function check(f: FlowFacts): Trigger | undefined {
  if (!f.transform.pseudonymized) return undefined;
  return partyTrigger(f, (x) => x.id !== 'self');
}

export const JPR011: RuleDefinition = {
  id: 'JPR011',
  defaultSeverity: 'error',
  cites: 'APPI Art. 41(6)',
  title: { en: 'Pseudonymised data provided to a third party', ja: '仮名加工情報の第三者提供' },
  message: {
    en: (a) => `${a.data} is pseudonymously processed information and reaches ${a.target}; it may not be provided to any third party (APPI Art. 41(6))`,
    ja: (a) => `${a.data} は仮名加工情報ですが、${a.target} に渡ります。第三者への提供は禁止されています（個人情報保護法41条6項）`,
  },
  check,
};
