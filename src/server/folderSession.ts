/**
 * The analysis of one workspace folder in the language server: runs the engine in the analysis worker
 * (analysisSupervisor.ts, under the analysis budget), cancels the run in flight when a newer one starts,
 * and never returns a superseded result. The worker keeps the folder's previous Program and parsed files,
 * so that unchanged files are reused.
 */
import type { CancellationToken } from 'vscode-languageserver/node';
import type { CheckResult } from '../core/report/model';
import type { ClientSettings } from '../shared/protocol';
import type { PlainResult } from './analysisProtocol';
import type { AnalysisSupervisor } from './analysisSupervisor';

export class FolderSession {
  /** The id of the run in flight, if any. */
  private current: number | undefined;
  private description = 'no analysis yet';
  /** The newest complete result (live or workspace run), without its flows and declarations (see `fullResult`). */
  lastResult: PlainResult | undefined;
  /** `lastResult` with its flows and declarations, once asked for. */
  private full: { readonly of: PlainResult; readonly value: Promise<CheckResult> } | undefined;

  constructor(readonly root: string, private readonly analysis: AnalysisSupervisor) {}

  /** Whether a file (absolute `/` path) belongs to this folder. */
  contains(file: string): boolean {
    return file === this.root || file.startsWith(`${this.root.replace(/\/$/, '')}/`);
  }

  configFile(settings: ClientSettings): string {
    return `${this.root.replace(/\/$/, '')}/${settings.configPath}`;
  }

  /** Files were created or deleted in the workspace: list them again on the next run. */
  filesChanged(): void {
    this.analysis.filesChanged(this.root);
  }

  /** Cancels whatever run is in flight (a newer edit arrived). */
  cancel(): void {
    if (this.current !== undefined) this.analysis.cancel(this.current);
  }

  /** Runs the check; undefined when it was cancelled (by a newer run or the token) or superseded. */
  async analyse(settings: ClientSettings, token?: CancellationToken): Promise<PlainResult | undefined> {
    this.cancel();
    let id = 0;
    const opts = { root: this.root, configFile: this.configFile(settings), lang: settings.language, maxFileBytes: settings.maxFileSizeKb * 1024 };
    const run = this.analysis.analyse(opts, (started) => {
      id = started;
      this.current = started;
    });
    const listener = token?.onCancellationRequested(() => this.analysis.cancel(id));
    try {
      const done = await run;
      if (!done || this.current !== id || token?.isCancellationRequested) return undefined;
      this.description = done.describe;
      this.lastResult = done.result;
      return done.result;
    } finally {
      listener?.dispose();
      if (this.current === id) this.current = undefined;
    }
  }

  /** The newest result with its flows and declarations (fetched from the analysis worker once per result). */
  fullResult(): Promise<CheckResult | undefined> {
    const last = this.lastResult;
    if (!last) return Promise.resolve(undefined);
    if (this.full?.of !== last) this.full = { of: last, value: this.analysis.details(this.root).then((d) => ({ ...last, ...d })) };
    return this.full.value;
  }

  describe(): string {
    return this.description;
  }

  /** Releases what the session holds (the folder was removed from the workspace). */
  dispose(): void {
    this.cancel();
    this.analysis.dispose(this.root);
    this.lastResult = undefined;
  }
}
