/**
 * JPR002 — a party that is neither a contractor abroad nor a group company abroad receives or can read
 * data its access class is not allowed to read (APPI Art. 25, 27).
 */
import { isForeignContractor, isForeignGroupCompany, partyTrigger } from './facts';
import type { FlowFacts, RuleDefinition, Trigger } from './types';

function check(f: FlowFacts): Trigger | undefined {
  return partyTrigger(f, (x) => !isForeignContractor(x) && !isForeignGroupCompany(x) && !f.source.access.includes(x.access));
}

export const JPR002: RuleDefinition = {
  id: 'JPR002',
  defaultSeverity: 'error',
  cites: 'APPI Art. 25, 27',
  title: { en: 'Access class not allowed to read the data', ja: 'データの閲覧を認められていないアクセス区分' },
  message: {
    en: (a) => `${a.data} reaches ${a.target}, whose access class is not in the data's @access (APPI Art. 25, 27)`,
    ja: (a) => `${a.data} が ${a.target} に渡りますが、そのアクセス区分はデータの @access に含まれていません（個人情報保護法25条・27条）`,
  },
  check,
};
