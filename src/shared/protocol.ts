/**
 * The contract between the language server (src/server) and the VS Code client (src/extension) beyond
 * standard LSP: custom requests and notifications, their payloads, and the settings the client passes.
 * No imports of `vscode` or of the server library: both sides import this file.
 */

export const SERVER_SOURCE = 'residency-guard';

/** Settings under `residencyGuard.*`, sent as initializationOptions and on change (workspace/didChangeConfiguration). */
export interface ClientSettings {
  /** When live analysis runs: as you type, on save, or never (commands still work). */
  readonly run: 'onType' | 'onSave' | 'off';
  /** IDE-only severity overrides per rule id (e.g. { "JPR005": "info" }); "off" hides the rule in the editor. */
  readonly severityOverrides: Readonly<Record<string, 'error' | 'warning' | 'info' | 'hint' | 'off'>>;
  /** Path of the config file, relative to the workspace folder (default `residency.config.json`). */
  readonly configPath: string;
  /** Files larger than this many kilobytes are skipped (default 2048). */
  readonly maxFileSizeKb: number;
  /** Debounce in milliseconds between a keystroke and the analysis (default 200). */
  readonly debounceMs: number;
  /** Display language of messages: `en` or `ja` (from vscode.env.language). */
  readonly language: 'en' | 'ja';
  /** Which files' findings the Problems panel shows: every file of the workspace (default) or open files only. */
  readonly problemsScope: 'workspace' | 'openFiles';
}

export const DEFAULT_SETTINGS: ClientSettings = {
  run: 'onType', severityOverrides: {}, configPath: 'residency.config.json', maxFileSizeKb: 2048, debounceMs: 200, language: 'en', problemsScope: 'workspace',
};

/** Request: check every file of every workspace folder; diagnostics stay for closed files until the next run. */
export const CHECK_WORKSPACE_REQUEST = 'residencyGuard/checkWorkspace';
export interface CheckWorkspaceResult {
  readonly files: number;
  readonly findings: number;
  readonly problems: number;
  readonly durationMs: number;
  readonly cancelled: boolean;
}

/** Request: the data map of the last workspace check (runs one when there is none). */
export const DATA_MAP_REQUEST = 'residencyGuard/dataMap';
export interface DataMapLocation {
  readonly uri: string;
  /** 0-based, as in LSP. */
  readonly line: number;
  readonly character: number;
  /** What reaches the sink: `User.email → archiveInVirginia() in aws:us-east-1`. */
  readonly label: string;
  /** Where the sink is: `src/archive.ts:6` (root-relative). */
  readonly where?: string;
}
export interface DataMapParty {
  readonly party: string;
  readonly name: string;
  readonly access: string;
  readonly locations: readonly DataMapLocation[];
}
export interface DataMapCountry {
  /** ISO country, or `unknown`. */
  readonly country: string;
  readonly parties: readonly DataMapParty[];
}
export interface DataMapCategory {
  readonly category: string;
  readonly countries: readonly DataMapCountry[];
}
/** The answer to DATA_MAP_REQUEST. */
export type DataMapResult = readonly DataMapCategory[];

/** Request: a report of the last workspace check in a format (runs one when there is none). */
export const REPORT_REQUEST = 'residencyGuard/report';
/** The formats a report can be exported in (the CLI's `--format` values). */
export const EXPORT_FORMATS = ['json', 'sarif', 'markdown', 'disclosure', 'text'] as const;
export interface ReportParams {
  readonly format: (typeof EXPORT_FORMATS)[number];
}
export interface ReportResult {
  readonly format: string;
  readonly content: string;
}

/** Request: the server process's id and version (the integration tests kill the process to test recovery). */
export const SERVER_INFO_REQUEST = 'residencyGuard/serverInfo';
export interface ServerInfo {
  readonly pid: number;
  readonly version: string;
}

/** Notification from the server after each published analysis. */
export const ANALYSIS_DONE_NOTIFICATION = 'residencyGuard/analysisDone';
export interface AnalysisDone {
  readonly kind: 'live' | 'workspace';
  /** The workspace folder (absolute path) the analysis was of. */
  readonly folder?: string;
  readonly findings: number;
  /** The findings by severity as the editor shows them (severity overrides applied, hidden rules left out). */
  readonly bySeverity?: { readonly error: number; readonly warning: number; readonly info: number };
  readonly durationMs: number;
  /** ISO timestamp. */
  readonly finishedAt: string;
}

/** Command the server's code actions use to open a rule's documentation page. */
export const OPEN_RULE_DOC_COMMAND = 'residencyGuard.openRuleDoc';

/** Client command a config quick fix runs after its edit: opens the config file (URI) and selects the value at a JSON path. */
export const REVEAL_CONFIG_COMMAND = 'residencyGuard.revealInConfig';

/**
 * Client command of the quick fixes that need the user's input (a suppression's reason, a region): inserts a
 * snippet (VS Code snippet syntax) at a position of a document (URI, 0-based line and character), with its
 * first placeholder selected.
 */
export const INSERT_SNIPPET_COMMAND = 'residencyGuard.insertSnippet';

/** Request: the transfer map of the newest results (runs a check when there is none): Japan → country → parties and storage. */
export const TRANSFER_MAP_REQUEST = 'residencyGuard/transferMap';
export interface TransferFinding {
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly location: DataMapLocation;
}
/** One edge from Japan: a party in a country, or storage/processing there without a recipient. */
export interface TransferEdge {
  readonly kind: 'party' | 'storage';
  /** Party name, or the destination's description. */
  readonly name: string;
  /** Party id and access class (parties only). */
  readonly party?: string;
  readonly access?: string;
  readonly categories: readonly string[];
  readonly findings: readonly TransferFinding[];
  /** The sinks of the flows on this edge. */
  readonly locations: readonly DataMapLocation[];
}
export interface TransferCountry {
  /** ISO country, or `unknown`. */
  readonly country: string;
  readonly edges: readonly TransferEdge[];
}
export interface TransferMap {
  readonly countries: readonly TransferCountry[];
  /** Findings without a destination (JPR012, on the config), not on any edge. */
  readonly configFindings: number;
}
