/**
 * The Residency Guard language server (its own Node process, started by the VS Code client). It runs the
 * engine on each workspace folder as you type (debounced; a newer edit cancels the run in flight; stale
 * results are never published), publishes diagnostics for open files — and for every file after
 * "Check Workspace", until the next run — and answers hovers, quick fixes, the data map and reports.
 */
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createConnection, DiagnosticSeverity, DidChangeWatchedFilesNotification, ErrorCodes, FileChangeType, IPCMessageReader, IPCMessageWriter, ProposedFeatures,
  ResponseError, StreamMessageReader, StreamMessageWriter, TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type Diagnostic, type InitializeParams, type InitializeResult, type MessageReader, type MessageWriter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import pkg from '../../package.json';
import { toPosix } from '../cli/nodeHost';
import { formatReport } from '../core/report/formats';
import type { CheckResult } from '../core/report/model';
import type { PlainResult } from './analysisProtocol';
import {
  ANALYSIS_DONE_NOTIFICATION, CHECK_WORKSPACE_REQUEST, DATA_MAP_REQUEST, DEFAULT_SETTINGS, REPORT_REQUEST, SERVER_INFO_REQUEST, TRANSFER_MAP_REQUEST,
  type AnalysisDone, type CheckWorkspaceResult, type ClientSettings, type ReportParams, type ReportResult, type ServerInfo,
} from '../shared/protocol';
import { codeActionsFor } from './codeActions';
import { candidateCodeActions, findPersonalData } from './candidateActions';
import { FIND_PERSONAL_DATA_REQUEST } from '../shared/personalData';
import type { ConfigText } from './configFixes';
import { buildDataMap } from './dataMap';
import { buildTransferMap } from './transferMap';
import { diagnosticsByUri, SinkDiagnosticsCache } from './diagnostics';
import { FolderSession } from './folderSession';
import { hoverAt } from './hover';
import { completionsAt, vocabularyHover } from './vocabularyAssist';
import { createRegionCatalog } from '../core/vocabulary/regionCatalog';
import { DEFAULT_BUDGET } from '../cli/budget';
import type { AnalysisBudget } from '../core/engine';
import { AnalysisSupervisor } from './analysisSupervisor';

/**
 * The transport (`--node-ipc` from the VS Code client, else stdio), watched: a framing error, an unreadable
 * message or a closed stream ends the process (exit 1), so that the client sees it die and restarts it,
 * instead of a server that is alive but answers nothing.
 */
function transport(): [MessageReader, MessageWriter] {
  const pair: [MessageReader, MessageWriter] = process.argv.includes('--node-ipc')
    ? [new IPCMessageReader(process), new IPCMessageWriter(process)]
    : [new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout)];
  const broken = (): never => process.exit(1);
  // The IPC channel reports its end as the process's `disconnect`, not as the reader's close.
  process.once('disconnect', broken);
  pair[0].onError(broken);
  pair[0].onClose(broken);
  pair[1].onError(broken);
  pair[1].onClose(broken);
  return pair;
}

const connection = createConnection(ProposedFeatures.all, ...transport());
const documents = new TextDocuments(TextDocument);

class ServerState {
  settings: ClientSettings = DEFAULT_SETTINGS;
  sessions: FolderSession[] = [];
  /** After "Check Workspace", diagnostics of closed files stay until the next run. */
  workspaceMode = false;
  /** What was last published per URI (and its JSON, made when needed): an unchanged file is not sent again after a run. */
  published = new Map<string, { readonly list: readonly Diagnostic[]; json?: string }>();
  /** Each sink's diagnostics, kept while its findings are the same objects. */
  readonly sinkDiagnostics = new SinkDiagnosticsCache();
  timer: NodeJS.Timeout | undefined;
  /** The workspace check in flight, if any. */
  workspaceRun: Promise<CheckWorkspaceResult> | undefined;
  canWatchFiles = false;
  /** Whether the client sends workspace folder changes (asking for them without that capability throws). */
  canFollowFolders = false;
  /** `initialize` is answered once; a second one is an error (LSP), never a reset. */
  initialized = false;
}
const state = new ServerState();

function pathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? toPosix(fileURLToPath(uri)) : undefined;
}

function sessionFor(uri: string): FolderSession | undefined {
  const p = pathOf(uri);
  return p ? state.sessions.filter((s) => s.contains(p)).sort((a, b) => b.root.length - a.root.length)[0] : undefined;
}

/** Every check runs in the analysis worker, under the analysis budget; it gets the open documents' texts. */
const analysis = new AnalysisSupervisor();
/** Open documents by file path (the analysis reads files by path; the editor names them by URI). */
const openUris = new Map<string, string>();
documents.onDidOpen((e) => {
  const p = pathOf(e.document.uri);
  if (p) openUris.set(p, e.document.uri);
});
documents.onDidChangeContent((e) => {
  const p = pathOf(e.document.uri);
  if (p) analysis.setDocument(p, e.document.getText());
});
const regions = createRegionCatalog();

/** The analysis budget of the initialization options (`analysisBudget: { seconds, memoryMb }`), else the defaults. */
function budgetFrom(raw: Partial<AnalysisBudget> | undefined): AnalysisBudget {
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;
  return { seconds: ok(raw?.seconds) ? raw.seconds : DEFAULT_BUDGET.seconds, memoryMb: ok(raw?.memoryMb) ? raw.memoryMb : DEFAULT_BUDGET.memoryMb };
}

function mergeSettings(raw: Partial<ClientSettings> | undefined): ClientSettings {
  return { ...DEFAULT_SETTINGS, ...state.settings, ...(raw ?? {}) };
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  if (state.initialized) throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is already initialized');
  state.initialized = true;
  const opts = params.initializationOptions as { settings?: Partial<ClientSettings>; analysisBudget?: Partial<AnalysisBudget> } & Partial<ClientSettings> | undefined;
  state.settings = mergeSettings(opts?.settings ?? opts);
  analysis.setBudget(budgetFrom(opts?.analysisBudget));
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  state.sessions = folders.map(pathOf).filter((p): p is string => !!p).map((p) => new FolderSession(p, analysis));
  state.canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  state.canFollowFolders = !!params.capabilities.workspace?.workspaceFolders;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['@', ' ', ','] },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'residency-guard', version: pkg.version },
  };
});

connection.onInitialized(() => {
  if (state.canWatchFiles) {
    analysis.setWatching(true);
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      // Infrastructure files (config `iac`), env files and Prisma schemas are read afresh on every run: a change only needs to start one.
      watchers: [{ globPattern: '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}' }, { globPattern: '**/{residency.config,tsconfig,jsconfig}.json' }, { globPattern: '**/*.{tf,tfvars,yml,yaml}' }, { globPattern: '**/.env*' }, { globPattern: '**/*.prisma' }],
    });
  }
  if (state.canFollowFolders) connection.workspace.onDidChangeWorkspaceFolders((e) => {
    for (const removed of e.removed) {
      const p = pathOf(removed.uri);
      state.sessions.filter((s) => s.root === p).forEach((s) => s.dispose());
      state.sessions = state.sessions.filter((s) => s.root !== p);
    }
    for (const added of e.added) {
      const p = pathOf(added.uri);
      if (p) state.sessions.push(new FolderSession(p, analysis));
    }
    schedule();
  });
  schedule();
});

// ---- running and publishing ----

/** Every file's findings are shown after the first analysis, unless the setting limits them to open files. */
function showsAll(): boolean {
  return state.workspaceMode || state.settings.problemsScope !== 'openFiles';
}

function shouldShow(uri: string, session: FolderSession): boolean {
  return showsAll() || documents.get(uri) !== undefined || pathOf(uri) === session.configFile(state.settings);
}

/** Which of a result's files (root-relative) are shown: all after "Check Workspace", else the open ones and the config. */
function shownFiles(session: FolderSession): ((file: string) => boolean) | undefined {
  if (showsAll()) return undefined;
  const root = `${session.root.replace(/\/$/, '')}/`;
  const rel = (p: string) => (p.startsWith(root) ? p.slice(root.length) : p);
  const files = new Set([...openUris.keys()].filter((p) => session.contains(p)).map(rel));
  files.add(rel(session.configFile(state.settings)));
  return (file) => files.has(file);
}

function publish(session: FolderSession, result: PlainResult, kind: AnalysisDone['kind'], durationMs: number): void {
  // Diagnostics are made only for the files shown (every file, unless limited to open ones); only the files
  // whose diagnostics changed are sent (a workspace has thousands of files with findings, an edit changes few).
  const diags = diagnosticsByUri(result, state.settings, shownFiles(session), state.sinkDiagnostics);
  for (const uri of [...state.published.keys()]) {
    if (sessionFor(uri) !== session || diags.has(uri)) continue;
    connection.sendDiagnostics({ uri, diagnostics: [] });
    state.published.delete(uri);
  }
  for (const [uri, list] of diags) {
    const before = state.published.get(uri);
    // The same diagnostic objects (kept per sink) need no comparison of their text.
    if (before && before.list.length === list.length && before.list.every((d, i) => d === list[i])) continue;
    const json = JSON.stringify(list);
    if (before && (before.json ??= JSON.stringify(before.list)) === json) {
      state.published.set(uri, { list, json });
      continue;
    }
    connection.sendDiagnostics({ uri, diagnostics: list });
    state.published.set(uri, { list, json });
  }
  connection.tracer.log(`${kind} analysis: ${result.files} files, ${result.findings.length} findings, ${result.problems.length} problems in ${durationMs} ms`,
    `holds ${state.sessions.map((s) => s.describe()).join('; ')}; heap ${Math.round(process.memoryUsage().heapUsed / 1048576)} MB`);
  const done: AnalysisDone = {
    kind, folder: session.root, findings: result.findings.length, bySeverity: severityCounts(diags.values()), durationMs, finishedAt: new Date().toISOString(),
  };
  void connection.sendNotification(ANALYSIS_DONE_NOTIFICATION, done);
}

/** Findings (not problems) by the severity the editor shows them with. */
function severityCounts(lists: Iterable<readonly Diagnostic[]>): NonNullable<AnalysisDone['bySeverity']> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const list of lists) {
    for (const d of list) {
      if (typeof d.code !== 'string' || !d.code.startsWith('JPR')) continue;
      if (d.severity === DiagnosticSeverity.Error) counts.error++;
      else if (d.severity === DiagnosticSeverity.Warning) counts.warning++;
      else counts.info++;
    }
  }
  return counts;
}

async function analyseAll(kind: AnalysisDone['kind'], token?: CancellationToken): Promise<CheckWorkspaceResult> {
  const started = Date.now();
  let files = 0;
  let findings = 0;
  let problems = 0;
  for (const session of state.sessions) {
    const result = await session.analyse(state.settings, token);
    if (!result) return { files, findings, problems, durationMs: Date.now() - started, cancelled: true };
    publish(session, result, kind, Date.now() - started);
    files += result.files;
    findings += result.findings.length;
    problems += result.problems.length;
  }
  return { files, findings, problems, durationMs: Date.now() - started, cancelled: false };
}

/** A live run after a quiet period; it cancels the live run in flight, never a workspace check (it waits for it). */
function schedule(delay = state.settings.debounceMs): void {
  if (state.timer) clearTimeout(state.timer);
  if (!state.workspaceRun) state.sessions.forEach((s) => s.cancel());
  state.timer = setTimeout(() => {
    state.timer = undefined;
    const run = async () => {
      if (state.workspaceRun) await state.workspaceRun.catch(() => undefined);
      if (!state.timer) await analyseAll('live');
    };
    run().catch((e) => connection.console.error(`Residency Guard analysis failed: ${(e as Error).stack ?? e}`));
  }, delay);
}

/** A workspace check; live runs wait for it instead of cancelling it. */
function workspaceCheck(token?: CancellationToken): Promise<CheckWorkspaceResult> {
  const run = analyseAll('workspace', token);
  state.workspaceRun = run;
  const clear = () => {
    if (state.workspaceRun === run) state.workspaceRun = undefined;
  };
  run.then(clear, clear);
  return run;
}

documents.onDidOpen(() => {
  if (state.settings.run !== 'off') schedule();
});
documents.onDidChangeContent(() => {
  if (state.settings.run === 'onType') schedule();
});
documents.onDidSave(() => {
  if (state.settings.run !== 'off') schedule(0);
});
documents.onDidClose((e) => {
  const closed = pathOf(e.document.uri);
  if (closed) {
    analysis.setDocument(closed, undefined);
    analysis.forget(closed);
    openUris.delete(closed);
  }
  const session = sessionFor(e.document.uri);
  if (session && !shouldShow(e.document.uri, session) && state.published.delete(e.document.uri)) {
    connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  }
});
connection.onDidChangeWatchedFiles((params) => {
  for (const change of params.changes) {
    const p = pathOf(change.uri);
    if (p) analysis.forget(p);
    // Created or deleted files change the file list; a changed tsconfig/jsconfig changes it and the options.
    if (change.type !== FileChangeType.Changed || /(^|\/)(tsconfig|jsconfig)\.json$/.test(p ?? '')) state.sessions.forEach((s) => s.filesChanged());
  }
  if (state.settings.run !== 'off') schedule();
});
connection.onDidChangeConfiguration(async (change) => {
  const pulled = (await connection.workspace.getConfiguration('residencyGuard').catch(() => undefined)) as Partial<ClientSettings> | undefined;
  const pushed = (change.settings as { residencyGuard?: Partial<ClientSettings> } | undefined)?.residencyGuard;
  state.settings = mergeSettings({ ...(pushed ?? {}), ...(pulled ?? {}), language: state.settings.language });
  if (state.settings.run !== 'off') schedule(0);
});

// ---- requests ----

connection.onRequest(CHECK_WORKSPACE_REQUEST, async (_params: unknown, token: CancellationToken) => {
  if (state.timer) clearTimeout(state.timer);
  state.timer = undefined;
  state.workspaceMode = true;
  // An explicit check looks at the disk afresh.
  analysis.clearDisk();
  state.sessions.forEach((s) => s.filesChanged());
  await state.workspaceRun?.catch(() => undefined);
  return workspaceCheck(token);
});

/** The newest result of every folder, running a check first where there is none yet. */
async function latestResults(): Promise<CheckResult[]> {
  await state.workspaceRun?.catch(() => undefined);
  if (state.sessions.some((s) => !s.lastResult)) await workspaceCheck();
  const results = await Promise.all(state.sessions.map((s) => s.fullResult()));
  return results.filter((r): r is CheckResult => !!r);
}

connection.onRequest(TRANSFER_MAP_REQUEST, async () => buildTransferMap(await latestResults(), state.settings.language));

connection.onRequest(DATA_MAP_REQUEST, async () => buildDataMap(await latestResults(), state.settings.language));

connection.onRequest(REPORT_REQUEST, async (params: ReportParams): Promise<ReportResult> => {
  const results = await latestResults();
  const opts = { version: pkg.version, durationMs: 0, repositoryUrl: pkg.repository.url, lang: state.settings.language };
  // JSON and SARIF are one document: in a multi-root workspace they cover the first folder.
  const single = params.format === 'json' || params.format === 'sarif';
  const content = (single ? results.slice(0, 1) : results).map((r) => formatReport(params.format, r, opts)).join('\n');
  return { format: params.format, content };
});

connection.onRequest(SERVER_INFO_REQUEST, (): ServerInfo => ({ pid: process.pid, version: pkg.version }));

connection.onHover((params) => {
  const session = sessionFor(params.textDocument.uri);
  const doc = documents.get(params.textDocument.uri);
  const config = session?.lastResult?.config;
  const vocabulary = doc && vocabularyHover(doc, params.position, config, state.settings.language);
  if (vocabulary) return vocabulary;
  const file = pathOf(params.textDocument.uri);
  if (!session || !file || !session.lastResult) return undefined;
  return session.fullResult().then((result) => result && hoverAt(result, file.slice(session.root.replace(/\/$/, '').length + 1), params.position, state.settings.language));
});

connection.onCompletion((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  return completionsAt(doc, params.position, sessionFor(doc.uri)?.lastResult?.config, regions, state.settings.language);
});

/** The config file's text as the editor has it (its open document, else the disk), for the config fixes. */
function configText(session: FolderSession | undefined): ConfigText | undefined {
  if (!session) return undefined;
  const file = session.configFile(state.settings);
  const uri = pathToFileURL(file).toString();
  const open = documents.get(uri);
  if (open) return { uri, text: open.getText() };
  try {
    return { uri, text: fs.readFileSync(file, 'utf8') };
  } catch {
    return undefined;
  }
}

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const session = sessionFor(doc.uri);
  return [
    ...codeActionsFor(doc, params.context.diagnostics, { config: session?.lastResult?.config, configText: configText(session), lang: state.settings.language }),
    ...candidateCodeActions(doc, params.range, state.settings.language),
  ];
});

connection.onRequest(FIND_PERSONAL_DATA_REQUEST, () => findPersonalData(state.sessions.map((s) => s.root), { textOf: (p) => documents.get(openUris.get(p) ?? '')?.getText() }, state.settings.language));

documents.listen(connection);
connection.listen();
