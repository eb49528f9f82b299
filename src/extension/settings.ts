/**
 * Reads the `residencyGuard.*` settings into the ClientSettings the language server expects (see
 * src/shared/protocol.ts), and the display language of messages and rule docs.
 */
import * as vscode from 'vscode';
import { DEFAULT_SETTINGS } from '../shared/protocol';
import type { ClientSettings } from '../shared/protocol';

export const SETTINGS_SECTION = 'residencyGuard';

type RunMode = ClientSettings['run'];
type SeverityOverride = ClientSettings['severityOverrides'][string];

const RUN_MODES: readonly RunMode[] = ['onType', 'onSave', 'off'];
const OVERRIDES: readonly SeverityOverride[] = ['error', 'warning', 'info', 'hint', 'off'];
const RULE_ID = /^JPR\d{3}$/;

/** `ja` when VS Code's display language is Japanese, else `en`. */
export function displayLanguage(): ClientSettings['language'] {
  return vscode.env.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The settings for a resource (a workspace folder) or, without one, the window-level values. */
export function readClientSettings(scope?: vscode.ConfigurationScope): ClientSettings {
  const cfg = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return {
    run: pickRunMode(cfg.get<string>('run')),
    severityOverrides: pickOverrides(cfg.get<unknown>('severityOverrides')),
    configPath: pickString(cfg.get<unknown>('configPath'), DEFAULT_SETTINGS.configPath),
    maxFileSizeKb: pickNumber(cfg.get<unknown>('maxFileSizeKb'), DEFAULT_SETTINGS.maxFileSizeKb, 1),
    debounceMs: pickNumber(cfg.get<unknown>('debounceMs'), DEFAULT_SETTINGS.debounceMs, 0),
    language: displayLanguage(),
    problemsScope: cfg.get<unknown>('problemsScope') === 'openFiles' ? 'openFiles' : 'workspace',
  };
}

function pickRunMode(value: string | undefined): RunMode {
  return RUN_MODES.find((m) => m === value) ?? DEFAULT_SETTINGS.run;
}

/** Keeps only well-formed entries: a rule id mapped to a known severity. */
function pickOverrides(value: unknown): ClientSettings['severityOverrides'] {
  if (typeof value !== 'object' || value === null) return {};
  const result: Record<string, SeverityOverride> = {};
  for (const [rule, severity] of Object.entries(value as Record<string, unknown>)) {
    const known = OVERRIDES.find((s) => s === severity);
    if (RULE_ID.test(rule) && known) result[rule] = known;
  }
  return result;
}

function pickString(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
}

function pickNumber(value: unknown, fallback: number, minimum: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= minimum ? value : fallback;
}
