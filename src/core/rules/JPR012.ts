/**
 * JPR012 — a `consent` basis lacks `countries`, `systemInfo` or `recipientMeasures`: the information
 * required before consent (APPI Art. 28(2); Enforcement Rules Art. 17). Checked on the config file.
 */
import type { Basis } from '../config/types';
import type { RuleDefinition } from './types';

/** The fields a consent basis is missing. */
export function missingConsentFields(b: Basis): string[] {
  if (b.type !== 'consent') return [];
  const missing: string[] = [];
  if (!b.countries || b.countries.length === 0) missing.push('countries');
  if (!b.systemInfo) missing.push('systemInfo');
  if (!b.recipientMeasures) missing.push('recipientMeasures');
  return missing;
}

export const JPR012: RuleDefinition = {
  id: 'JPR012',
  defaultSeverity: 'warning',
  cites: 'APPI Art. 28(2); Rules Art. 17',
  title: { en: 'Consent basis lacks the required information', ja: '同意の根拠に必要な情報が不足' },
  message: {
    en: (a) => `Consent basis "${a.data}" lacks ${a.target}: consent to a foreign transfer needs the country, its protection system and the recipient's measures (APPI Art. 28(2); Rules Art. 17)`,
    ja: (a) => `同意の根拠 "${a.data}" に ${a.target} がありません。外国への提供の同意には国名・その国の制度・提供先の措置の情報が必要です（個人情報保護法28条2項、施行規則17条）`,
  },
};
