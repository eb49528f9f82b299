/**
 * A minimal LSP client for server tests: spawns `dist/server.js --stdio`, speaks JSON-RPC through
 * vscode-jsonrpc, and lets tests wait for published diagnostics (event-driven, with a timeout).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface PublishedDiagnostic {
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly code?: string;
  readonly source?: string;
  readonly codeDescription?: { readonly href: string };
  readonly message: string;
  readonly severity?: number;
  readonly relatedInformation?: { location: { uri: string }; message: string }[];
  readonly data?: unknown;
}

export class TestLspClient {
  readonly diagnostics = new Map<string, PublishedDiagnostic[]>();
  readonly notifications: { method: string; params: unknown }[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly proc: ChildProcess;
  readonly connection: MessageConnection;

  constructor(repoRoot: string) {
    this.proc = spawn(process.execPath, [path.join(repoRoot, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: PublishedDiagnostic[] }) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.notify();
    });
    this.connection.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
      this.notify();
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/configuration', () => [null]);
    this.connection.listen();
  }

  private notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  async initialize(folder: string, settings: Record<string, unknown> = {}, options: Record<string, unknown> = {}): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid, rootUri: null, capabilities: {},
      workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'ws' }],
      initializationOptions: { settings: { debounceMs: 20, ...settings }, ...options },
    });
    await this.connection.sendNotification('initialized', {});
  }

  open(uri: string, text: string, version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version, text } });
  }

  change(uri: string, text: string, version: number): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Resolves once `predicate` holds, checking after every message from the server. */
  until(predicate: () => boolean, what: string, ms = 20000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
      const check = (): void => {
        if (predicate()) {
          clearTimeout(timer);
          resolve();
        } else this.waiters.push(check);
      };
      check();
    });
  }

  /** Shuts the server down politely and waits for it to exit (no write may race the stream's end). */
  async close(): Promise<void> {
    await this.connection.sendRequest('shutdown').catch(() => undefined);
    await this.connection.sendNotification('exit').catch(() => undefined);
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      const timer = setTimeout(resolve, 5000);
      this.proc.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}
