/**
 * Entry point of the Residency Guard VS Code extension. activate() starts the language server
 * (dist/server.js) through vscode-languageclient, registers the commands, the data map view, the
 * `residency-guard` task provider, the status bar item and the transfer map, and returns an API for tests:
 * the client, a promise that settles once it runs, the analyses' event and the transfer map. The extension never executes workspace code, so it also runs in
 * untrusted workspaces.
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ANALYSIS_DONE_NOTIFICATION } from '../shared/protocol';
import type { AnalysisDone } from '../shared/protocol';
import { createClient, SERVER_MODULE } from './client';
import { refreshDataMap, registerCommands } from './commands';
import { DATA_MAP_VIEW, DataMapProvider } from './dataMapView';
import { StatusBar } from './statusBar';
import { TransferMapPanel } from './transferMapView';
import { registerTaskProvider } from './tasks';
import { registerFindPersonalData } from './findPersonalData';

export interface ResidencyGuardApi {
  readonly client: LanguageClient;
  /** Fires after each analysis the server publishes. */
  readonly onAnalysisDone: vscode.Event<AnalysisDone>;
  /** The transfer map panel (its `onDidRender` reports what the page drew). */
  readonly transferMap: TransferMapPanel;
  /** The data map view's content and the status bar item (for tests). */
  readonly dataMap: DataMapProvider;
  readonly status: StatusBar;
  /** Resolves when the language server runs; rejects when it cannot start. */
  readonly ready: Promise<void>;
}

let activeClient: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): ResidencyGuardApi {
  const client = activeClient = createClient(context);
  const status = new StatusBar();
  const dataMap = new DataMapProvider();
  const dataMapView = vscode.window.createTreeView(DATA_MAP_VIEW, { treeDataProvider: dataMap });
  context.subscriptions.push(status, dataMap, dataMapView, registerTaskProvider(context));
  // One handler per notification method (a second registration would replace the first): an event for all.
  const analysisDone = new vscode.EventEmitter<AnalysisDone>();
  client.onNotification(ANALYSIS_DONE_NOTIFICATION, (done: AnalysisDone) => analysisDone.fire(done));
  context.subscriptions.push(analysisDone);
  wireStatus(client, status, analysisDone.event);
  // The data map follows each analysis once it has been shown (it goes stale otherwise).
  context.subscriptions.push(analysisDone.event(() => {
    if (dataMapView.visible && dataMap.size > 0) void refreshDataMap(client, dataMap);
  }));
  const start = (): Promise<void> => startClient(context, client, status);
  const restart = (): Promise<void> => (client.isRunning() ? client.restart() : start());
  const transferMap = new TransferMapPanel(client, context.extensionUri);
  context.subscriptions.push(transferMap, analysisDone.event(() => void transferMap.refresh().catch(() => undefined)));
  context.subscriptions.push(...registerCommands({ client, dataMap, transferMap, extensionUri: context.extensionUri, restart }));
  registerFindPersonalData(context, client);
  const ready = start();
  ready.catch(() => undefined);   // reported to the user by startClient; tests see the rejection
  return { client, ready, onAnalysisDone: analysisDone.event, transferMap, dataMap, status };
}

export function deactivate(): Promise<void> | undefined {
  const client = activeClient;
  activeClient = undefined;
  return client?.isRunning() ? client.stop() : undefined;
}

/** Keeps the status bar in step with the server: its state and each finished analysis. */
function wireStatus(client: LanguageClient, status: StatusBar, analysisDone: vscode.Event<AnalysisDone>): void {
  let last: AnalysisDone | undefined;
  analysisDone((done) => {
    last = done;
    status.update(done);
  });
  client.onDidChangeState(({ newState }) => {
    if (newState === State.Starting) status.starting();
    else if (newState === State.Running && last) status.update(last);
    else if (newState === State.Running) status.idle();
    else status.failed(vscode.l10n.t('stopped'));
  });
}

async function startClient(context: vscode.ExtensionContext, client: LanguageClient, status: StatusBar): Promise<void> {
  const module = context.asAbsolutePath(SERVER_MODULE);
  try {
    if (!fs.existsSync(module)) throw new Error(vscode.l10n.t('{0} is missing from the extension; build it with `npm run build`', SERVER_MODULE));
    await client.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    status.failed(message);
    void vscode.window.showErrorMessage(vscode.l10n.t('Residency Guard could not start its analysis server: {0}', message));
    throw error;
  }
}
