/**
 * Quick fixes that change `residency.config.json` so that a finding is fixed rather than suppressed: name the
 * country in `disclosure.countries` (JPR009), scaffold a consent basis for the country and attach it to the
 * party (JPR001), record an external-environment assessment for the country (JPR005), and open the party's
 * entry. Edits are made with jsonc-parser, so the file's comments and layout stay; after the edit the client
 * selects the value the user has to fill in (`REVEAL_CONFIG_COMMAND`).
 */
import { applyEdits, modify, type JSONPath } from 'jsonc-parser';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import type { ResidencyConfig } from '../core/config/types';
import { REVEAL_CONFIG_COMMAND } from '../shared/protocol';
import type { FindingData } from './diagnostics';
import { t, type Lang } from './texts';

/** The config file as the editor has it (open document or disk). */
export interface ConfigText {
  readonly uri: string;
  readonly text: string;
}

const FORMAT = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };

/** The text after setting each (path, value) in turn. */
function modified(text: string, changes: readonly (readonly [JSONPath, unknown])[]): string {
  return changes.reduce((acc, [path, value]) => applyEdits(acc, modify(acc, path, value, FORMAT)), text);
}

/** A fix that replaces the config file's text and then selects `select` in it. */
function configAction(title: string, d: Diagnostic, config: ConfigText, changes: readonly (readonly [JSONPath, unknown])[], select: JSONPath): CodeAction {
  const next = modified(config.text, changes);
  const lines = config.text.split(/\r\n|\r|\n/);
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return {
    title, kind: CodeActionKind.QuickFix, diagnostics: [d],
    edit: { changes: { [config.uri]: [{ range: { start: { line: 0, character: 0 }, end }, newText: next }] } },
    command: { title, command: REVEAL_CONFIG_COMMAND, arguments: [config.uri, select] },
  };
}

function countryOf(data: FindingData, config: ResidencyConfig): string | undefined {
  return data.country ?? (data.party ? config.parties.get(data.party)?.country : undefined) ?? undefined;
}

function discloseFix(d: Diagnostic, config: ResidencyConfig, file: ConfigText, country: string, lang: Lang): CodeAction | undefined {
  const listed = config.disclosureCountries ?? [];
  if (listed.includes(country)) return undefined;
  const countries = [...listed, country];
  return configAction(t(lang, 'fix.disclose', country), d, file, [[['disclosure', 'countries'], countries]], ['disclosure', 'countries', countries.length - 1]);
}

function freeBasisId(config: ResidencyConfig, country: string): string {
  const base = `consent-${country.toLowerCase()}`;
  let id = base;
  for (let i = 2; config.bases.has(id); i++) id = `${base}-${i}`;
  return id;
}

function basisFix(d: Diagnostic, data: FindingData, config: ResidencyConfig, file: ConfigText, country: string, lang: Lang): CodeAction {
  const id = freeBasisId(config, country);
  const todo = t(lang, 'fix.todo');
  const basis = { type: 'consent', countries: [country], ref: todo, systemInfo: todo, recipientMeasures: todo };
  const party = data.party && config.parties.has(data.party) ? data.party : undefined;
  const changes: [JSONPath, unknown][] = [[['bases', id], basis]];
  if (party) changes.push([['parties', party, 'basis'], id]);
  const title = party ? t(lang, 'fix.scaffoldBasisParty', country, party) : t(lang, 'fix.scaffoldBasis', country);
  return configAction(title, d, file, changes, ['bases', id, 'ref']);
}

function assessmentFix(d: Diagnostic, config: ResidencyConfig, file: ConfigText, country: string, lang: Lang): CodeAction | undefined {
  if (config.assessments[country]) return undefined;
  return configAction(t(lang, 'fix.assessment', country), d, file, [[['assessments', country], t(lang, 'fix.todo')]], ['assessments', country]);
}

function openPartyAction(d: Diagnostic, file: ConfigText, party: string, lang: Lang): CodeAction {
  const title = t(lang, 'fix.openParty', party);
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title, command: REVEAL_CONFIG_COMMAND, arguments: [file.uri, ['parties', party]] } };
}

/** The config fixes for one finding's diagnostic. */
export function configFixes(d: Diagnostic, data: FindingData, config: ResidencyConfig | undefined, file: ConfigText | undefined, lang: Lang): CodeAction[] {
  if (!config || !file) return [];
  const out: (CodeAction | undefined)[] = [];
  const country = countryOf(data, config);
  if (country && data.rule === 'JPR009') out.push(discloseFix(d, config, file, country, lang));
  if (country && data.rule === 'JPR001') out.push(basisFix(d, data, config, file, country, lang));
  if (country && data.rule === 'JPR005') out.push(assessmentFix(d, config, file, country, lang));
  if (data.party && config.parties.has(data.party)) out.push(openPartyAction(d, file, data.party, lang));
  return out.filter((a): a is CodeAction => a !== undefined);
}
