/**
 * Registers the commands (category "Residency Guard"): Check Workspace, Show Data Map, Show Transfer Map, Export Report…,
 * Restart Analysis, Open Config, Show Output, and the commands the server's code actions use (rule docs,
 * snippets, config reveal). Each handler
 * resolves to a result, so tests and other extensions can call it through executeCommand.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECK_WORKSPACE_REQUEST, DATA_MAP_REQUEST, INSERT_SNIPPET_COMMAND, OPEN_RULE_DOC_COMMAND, REVEAL_CONFIG_COMMAND } from '../shared/protocol';
import type { CheckWorkspaceResult, DataMapCategory } from '../shared/protocol';
import { openConfig } from './configFile';
import { insertSnippet, revealInConfig } from './editCommands';
import { DATA_MAP_VIEW } from './dataMapView';
import type { DataMapProvider } from './dataMapView';
import { exportReport } from './report';
import { openRuleDoc } from './ruleDocs';
import { CHECK_WORKSPACE_COMMAND, findingCount } from './statusBar';
import type { TransferMapPanel } from './transferMapView';

export const COMMANDS = {
  checkWorkspace: CHECK_WORKSPACE_COMMAND,
  showDataMap: 'residencyGuard.showDataMap',
  exportReport: 'residencyGuard.exportReport',
  restart: 'residencyGuard.restart',
  openConfig: 'residencyGuard.openConfig',
  openRuleDoc: OPEN_RULE_DOC_COMMAND,
  insertSnippet: INSERT_SNIPPET_COMMAND,
  revealInConfig: REVEAL_CONFIG_COMMAND,
  showOutput: 'residencyGuard.showOutput',
  showTransferMap: 'residencyGuard.showTransferMap',
} as const;

/** JSON-RPC's RequestCancelled error code. */
const REQUEST_CANCELLED = -32800;

export interface CommandContext {
  readonly client: LanguageClient;
  readonly dataMap: DataMapProvider;
  readonly transferMap: TransferMapPanel;
  readonly extensionUri: vscode.Uri;
  /** Starts the client when it is not running, else restarts it. */
  readonly restart: () => Promise<void>;
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const handlers: Record<string, (...args: unknown[]) => unknown> = {
    [COMMANDS.checkWorkspace]: () => guarded(() => checkWorkspace(ctx.client)),
    [COMMANDS.showDataMap]: () => guarded(() => showDataMap(ctx.client, ctx.dataMap)),
    [COMMANDS.exportReport]: (format, target) => guarded(() => exportReport(ctx.client, asString(format), asUri(target))),
    [COMMANDS.restart]: () => guarded(ctx.restart),
    [COMMANDS.openConfig]: () => guarded(() => openConfig()),
    [COMMANDS.openRuleDoc]: (ruleId) => guarded(() => openRuleDoc(ctx.extensionUri, ruleId)),
    [COMMANDS.insertSnippet]: (uri, at, snippet) => guarded(() => insertSnippet(uri, at, snippet)),
    [COMMANDS.revealInConfig]: (uri, path) => guarded(() => revealInConfig(uri, path)),
    [COMMANDS.showTransferMap]: () => guarded(() => ctx.transferMap.show()),
    [COMMANDS.showOutput]: () => guarded(async () => ctx.client.outputChannel.show(true)),
  };
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}

/** Checks every file of the workspace with a cancellable progress notification. */
export async function checkWorkspace(client: LanguageClient): Promise<CheckWorkspaceResult | undefined> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Residency Guard: checking the workspace…'), cancellable: true },
    (_progress, token) => client.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, {}, token)
      .catch((error: unknown) => { if (isCancellation(error)) return undefined; throw error; }),
  );
  void announceCheck(result);
  return result;
}

function isCancellation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === REQUEST_CANCELLED;
}

async function announceCheck(result: CheckWorkspaceResult | undefined): Promise<void> {
  if (!result || result.cancelled) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Residency Guard: workspace check cancelled; earlier results were kept where no file was re-checked.'));
    return;
  }
  const show = vscode.l10n.t('Show Problems');
  const answer = await vscode.window.showInformationMessage(checkSummary(result), show);
  if (answer === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

/** "Residency Guard: 5 findings and 1 problem in 12 files (840 ms)." */
export function checkSummary(result: CheckWorkspaceResult): string {
  const files = result.files === 1 ? vscode.l10n.t('{0} file', result.files) : vscode.l10n.t('{0} files', result.files);
  return vscode.l10n.t('Residency Guard: {0} and {1} in {2} ({3} ms).',
    findingCount(result.findings), problemCount(result.problems), files, Math.round(result.durationMs));
}

function problemCount(n: number): string {
  return n === 1 ? vscode.l10n.t('{0} problem', n) : vscode.l10n.t('{0} problems', n);
}

/** Fills the data map view from the server and reveals it. */
export async function showDataMap(client: LanguageClient, dataMap: DataMapProvider): Promise<readonly DataMapCategory[]> {
  const result = await vscode.window.withProgress(
    { location: { viewId: DATA_MAP_VIEW }, title: vscode.l10n.t('Residency Guard: building the data map') },
    () => client.sendRequest<unknown>(DATA_MAP_REQUEST, {}),
  );
  const categories = dataMapCategories(result);
  dataMap.set(categories);
  await vscode.commands.executeCommand(`${DATA_MAP_VIEW}.focus`);
  if (categories.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('Residency Guard: no personal data reaches any destination in this workspace.'));
  return categories;
}

/** Fills the data map view again after an analysis, without focusing it (errors are left to the next explicit request). */
export async function refreshDataMap(client: LanguageClient, dataMap: DataMapProvider): Promise<void> {
  const result = await client.sendRequest<unknown>(DATA_MAP_REQUEST, {}).catch(() => undefined);
  if (result !== undefined) dataMap.set(dataMapCategories(result));
}

/** The map is an array of categories; `{ categories: [...] }` is accepted too. */
function dataMapCategories(result: unknown): readonly DataMapCategory[] {
  if (Array.isArray(result)) return result as DataMapCategory[];
  const categories = (result as { categories?: unknown } | null)?.categories;
  return Array.isArray(categories) ? categories as DataMapCategory[] : [];
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function asUri(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}

/** Shows an error message instead of an unhandled rejection, and passes the result through. */
async function guarded<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`Residency Guard: ${message}`);
    return undefined;
  }
}
