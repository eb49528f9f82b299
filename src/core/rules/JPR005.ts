/**
 * JPR005 — personal data is stored or processed abroad on the operator's own or a no-access cloud
 * infrastructure without an external-environment assessment for that country (APPI Art. 23,
 * Guidelines 10-7, Art. 32). Applies to encrypted data too, at information severity.
 */
import { isAbroad } from './facts';
import type { FlowFacts, RuleDefinition, Trigger } from './types';

function check(f: FlowFacts): Trigger | undefined {
  const recipient = f.destination.recipient ? f.config.parties.get(f.destination.recipient) : undefined;
  if (recipient && recipient.access !== 'cloud-no-access') return undefined;
  const c = f.storageCountries.find((x) => isAbroad(x) && !f.config.assessments[x]);
  if (!c) return undefined;
  return f.opaque ? { country: c, severity: 'info' } : { country: c };
}

export const JPR005: RuleDefinition = {
  id: 'JPR005',
  defaultSeverity: 'warning',
  cites: 'APPI Art. 23, Guidelines 10-7, Art. 32',
  title: { en: 'Stored abroad without an external-environment assessment', ja: '外的環境の把握なしに外国で保存・処理' },
  message: {
    en: (a) => `${a.data} is stored or processed in ${a.target} with no external-environment assessment for ${a.country} in "assessments" (APPI Art. 23, Guidelines 10-7, Art. 32)`,
    ja: (a) => `${a.data} が ${a.target} で保存・処理されますが、${a.country} の外的環境の把握が "assessments" にありません（個人情報保護法23条、ガイドライン10-7、32条）`,
  },
  check,
};
