/**
 * A finding's message in the editor (SPEC §7.1 v2): it leads with what tells its rule apart from the other
 * rules on the same sink (the rule's point and the law it cites), then names every source field and the
 * destination — so that the rows of one sink in the Problems panel differ from their first words.
 */
import type { ResidencyConfig } from '../core/config/types';
import type { Finding } from '../core/report/model';
import { t, type Lang, type TextKey } from './texts';

const SHOWN_SOURCES = 3;

/** `User.name, User.email (contact)`; beyond three fields, `… +2 more`. */
export function dataPhrase(f: Finding, lang: Lang): string {
  const symbols = [...new Set(f.sources.map((s) => s.symbol))];
  const categories = [...new Set(f.sources.map((s) => s.category))].join(', ');
  const sep = lang === 'ja' ? '、' : ', ';
  const shown = symbols.slice(0, SHOWN_SOURCES).join(sep);
  const list = symbols.length > SHOWN_SOURCES ? t(lang, 'finding.more', shown, symbols.length - SHOWN_SOURCES) : shown;
  return categories ? `${list} (${categories})` : list;
}

/** The party as configured (`name (access, country)`), else the destination's description and country. */
export function targetPhrase(f: Finding, config: ResidencyConfig | undefined, lang: Lang): string {
  const d = f.destination;
  const party = d.party ? config?.parties.get(d.party) : undefined;
  if (party) return `${party.name} (${party.access}, ${party.country})`;
  const country = d.country ?? t(lang, 'finding.unknownCountry');
  return d.description.includes(country) ? d.description : `${d.description} (${country})`;
}

/** What tells the finding's rule apart, with the law it cites (undefined for a rule without one: JPR012). */
export function headline(f: Finding, lang: Lang): string | undefined {
  const key = `rule.${f.rule}`;
  if (!isTextKey(key)) return undefined;
  return t(lang, key, f.destination.country ?? t(lang, 'finding.unknownCountry'));
}

function isTextKey(key: string): key is TextKey & `rule.${string}` {
  return /^rule\.JPR0(0\d|1[01])$/.test(key);
}

/** The editor's message of a finding; a finding without sources (JPR012, on the config) keeps the engine's. */
export function findingMessage(f: Finding, config: ResidencyConfig | undefined, lang: Lang): string {
  const head = headline(f, lang);
  if (!head || f.sources.length === 0) return f.message;
  return t(lang, 'finding.message', head, dataPhrase(f, lang), targetPhrase(f, config, lang));
}
