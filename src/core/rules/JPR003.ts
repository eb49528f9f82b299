/**
 * JPR003 — a contractor or subcontractor abroad receives or can read personal data whose `@access` does
 * not include its access class; entrustment does not exempt a foreign contractor (APPI Art. 28, 25).
 */
import { isForeignContractor, partyTrigger } from './facts';
import type { FlowFacts, RuleDefinition, Trigger } from './types';

function check(f: FlowFacts): Trigger | undefined {
  return partyTrigger(f, (x) => isForeignContractor(x) && !f.source.access.includes(x.access));
}

export const JPR003: RuleDefinition = {
  id: 'JPR003',
  defaultSeverity: 'error',
  cites: 'APPI Art. 28, 25; PPC guidance to LINE (2021)',
  title: { en: 'Contractor abroad can read the data', ja: '外国の委託先がデータを閲覧できる' },
  message: {
    en: (a) => `${a.data} can be read by ${a.target}, a contractor abroad not allowed by the data's @access; entrustment does not exempt a foreign contractor (APPI Art. 28, 25)`,
    ja: (a) => `${a.data} を外国の委託先 ${a.target} が閲覧できますが、データの @access で認められていません。外国の委託先は委託の例外の対象外です（個人情報保護法28条・25条）`,
  },
  check,
};
