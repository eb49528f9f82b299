/**
 * JPR004 — a group company abroad receives or can read personal data whose `@access` does not include
 * `group-company-overseas`: a foreign subsidiary is a third party (APPI Art. 28).
 */
import { isForeignGroupCompany, partyTrigger } from './facts';
import type { FlowFacts, RuleDefinition, Trigger } from './types';

function check(f: FlowFacts): Trigger | undefined {
  if (f.source.access.includes('group-company-overseas')) return undefined;
  return partyTrigger(f, isForeignGroupCompany);
}

export const JPR004: RuleDefinition = {
  id: 'JPR004',
  defaultSeverity: 'error',
  cites: 'APPI Art. 28',
  title: { en: 'Group company abroad can read the data', ja: '外国のグループ会社がデータを閲覧できる' },
  message: {
    en: (a) => `${a.data} can be read by ${a.target}, a group company abroad, which is a third party; the data's @access does not include group-company-overseas (APPI Art. 28)`,
    ja: (a) => `${a.data} を外国のグループ会社 ${a.target}（第三者）が閲覧できますが、データの @access に group-company-overseas が含まれていません（個人情報保護法28条）`,
  },
  check,
};
