/**
 * JPR008 — readable personal data reaches a country whose law obliges cooperation with state
 * intelligence (default CN; APPI Art. 23, GL 10-7, Rule 18; PRC National Intelligence Law Art. 7).
 */
import { partyTrigger } from './facts';
import type { FlowFacts, RuleDefinition, Trigger } from './types';

function check(f: FlowFacts): Trigger | undefined {
  if (f.opaque) return undefined;
  const flagged = new Set(f.config.intelligenceCooperation);
  const byParty = partyTrigger(f, (x) => flagged.has(x.country));
  if (byParty) return byParty;
  const c = f.storageCountries.find((x) => flagged.has(x));
  return c ? { country: c } : undefined;
}

export const JPR008: RuleDefinition = {
  id: 'JPR008',
  defaultSeverity: 'error',
  cites: 'APPI Art. 23, GL 10-7, Rule 18; PRC National Intelligence Law Art. 7',
  title: { en: 'Readable in a country with state-intelligence cooperation duties', ja: '国家情報活動への協力義務がある国で閲覧可能' },
  message: {
    en: (a) => `${a.data} is readable in ${a.country} (${a.target}), whose law obliges organisations to cooperate with state intelligence work (APPI Art. 23, Rule 18; PRC National Intelligence Law Art. 7)`,
    ja: (a) => `${a.data} が ${a.country}（${a.target}）で閲覧可能になります。同国の法律は国家の情報活動への協力を義務づけています（個人情報保護法23条、施行規則18条、中国国家情報法7条）`,
  },
  check,
};
