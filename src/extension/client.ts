/**
 * Creates the LanguageClient that runs the Residency Guard language server (`dist/server.js`) in a Node
 * child process over IPC, for TS/JS files and `residency.config.json`.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { SERVER_SOURCE } from '../shared/protocol';
import { readClientSettings, SETTINGS_SECTION } from './settings';

/** Also the prefix of the `residencyGuard.trace.server` setting the client reads by itself. */
export const CLIENT_ID = 'residencyGuard';
export const CLIENT_NAME = 'Residency Guard';
export const SERVER_MODULE = 'dist/server.js';
export const CONFIG_FILE_PATTERN = '**/residency.config.json';

const SOURCE_LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(SERVER_MODULE);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...SOURCE_LANGUAGES.map((language) => ({ scheme: 'file', language })),
      { scheme: 'file', pattern: CONFIG_FILE_PATTERN },
    ],
    // File watching: the server registers its watchers itself (workspace/didChangeWatchedFiles).
    synchronize: { configurationSection: SETTINGS_SECTION },
    initializationOptions: readClientSettings(),
    diagnosticCollectionName: SERVER_SOURCE,
    outputChannelName: CLIENT_NAME,
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
