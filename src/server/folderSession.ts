/**
 * The analysis of one workspace folder in the language server: runs the engine asynchronously (yielding
 * between files), cancels the run in flight when a newer one starts, never returns a superseded result,
 * and keeps the previous Program and parsed files so that unchanged files are reused.
 */
import { AnalysisSession, CancelledError, checkWorkspaceAsync } from '../core/engine';
import type { FileHost } from '../core/host';
import type { CheckResult } from '../core/report/model';
import type { ClientSettings } from '../shared/protocol';

interface RunToken {
  cancelled: boolean;
}

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class FolderSession {
  private session = new AnalysisSession();
  private current: RunToken | undefined;
  /** Source files in the last program (lib files included), for the trace output. */
  lastProgramFiles = 0;
  /** The newest complete result (live or workspace run). */
  lastResult: CheckResult | undefined;

  constructor(readonly root: string) {}

  /** Whether a file (absolute `/` path) belongs to this folder. */
  contains(file: string): boolean {
    return file === this.root || file.startsWith(`${this.root.replace(/\/$/, '')}/`);
  }

  configFile(settings: ClientSettings): string {
    return `${this.root.replace(/\/$/, '')}/${settings.configPath}`;
  }

  /** Files were created or deleted in the workspace: list them again on the next run. */
  filesChanged(): void {
    this.session.fileList.invalidate();
  }

  /** Cancels whatever run is in flight (a newer edit arrived). */
  cancel(): void {
    if (this.current) this.current.cancelled = true;
  }

  /** Runs the check; undefined when it was cancelled or superseded by a newer run. */
  async analyse(host: FileHost, settings: ClientSettings, externalCancel?: () => boolean): Promise<CheckResult | undefined> {
    this.cancel();
    const token: RunToken = { cancelled: false };
    this.current = token;
    const isCancelled = () => token.cancelled || (externalCancel?.() ?? false);
    try {
      const { result, program } = await checkWorkspaceAsync(host, {
        root: this.root, configFile: this.configFile(settings), lang: settings.language, session: this.session,
        isCancelled, maxFileBytes: settings.maxFileSizeKb * 1024,
      }, nextTick);
      if (isCancelled()) return undefined;
      this.lastProgramFiles = program.getSourceFiles().length;
      this.lastResult = result;
      return result;
    } catch (e) {
      if (e instanceof CancelledError) return undefined;
      throw e;
    } finally {
      if (this.current === token) this.current = undefined;
    }
  }

  describe(): string {
    return `${this.root}: ${this.session.describe()}`;
  }

  /** Releases what the session holds (the folder was removed from the workspace). */
  dispose(): void {
    this.cancel();
    this.session = new AnalysisSession();
    this.lastResult = undefined;
  }
}
