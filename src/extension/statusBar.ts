/**
 * The status bar item: the findings of the last analysis by severity (as the Problems panel shows them) and, in its tooltip, when it finished and
 * how long it took. Clicking it runs Check Workspace.
 */
import * as vscode from 'vscode';
import type { AnalysisDone } from '../shared/protocol';

export const CHECK_WORKSPACE_COMMAND = 'residencyGuard.checkWorkspace';

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem('residencyGuard.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Residency Guard';
    this.item.command = CHECK_WORKSPACE_COMMAND;
    this.starting();
    this.item.show();
  }

  /** The item's text (tests read it through the extension's API). */
  get text(): string {
    return this.item.text;
  }

  /** While the language server starts (or restarts). */
  starting(): void {
    this.item.text = `$(sync~spin) ${vscode.l10n.t('Residency')}`;
    this.item.tooltip = vscode.l10n.t('Residency Guard: starting the analysis server…');
    this.item.backgroundColor = undefined;
  }

  /** The server runs but has not reported an analysis yet. */
  idle(): void {
    this.item.text = `$(shield) ${vscode.l10n.t('Residency')}`;
    this.item.tooltip = vscode.l10n.t('Residency Guard: no analysis yet · click to check the workspace');
    this.item.backgroundColor = undefined;
  }

  /** The server could not start or stopped. */
  failed(reason: string): void {
    this.item.text = `$(error) ${vscode.l10n.t('Residency')}`;
    this.item.tooltip = vscode.l10n.t('Residency Guard: the analysis server is not running ({0})', reason);
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  /** After each published analysis (ANALYSIS_DONE_NOTIFICATION). */
  update(done: AnalysisDone): void {
    this.item.text = statusText(done);
    this.item.tooltip = describeAnalysis(done);
    this.item.backgroundColor = undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** "$(shield) Residency $(error) 2 $(warning) 1 $(info) 0": the findings by severity, as the Problems panel shows them. */
export function statusText(done: AnalysisDone): string {
  const s = done.bySeverity;
  if (!s) return `$(shield) ${vscode.l10n.t('Residency')} ${done.findings}`;
  if (s.error + s.warning + s.info === 0) return `$(shield) ${vscode.l10n.t('Residency')} $(check)`;
  return `$(shield) ${vscode.l10n.t('Residency')} $(error) ${s.error} $(warning) ${s.warning} $(info) ${s.info}`;
}

/** "1 finding", "3 findings". */
export function findingCount(n: number): string {
  return n === 1 ? vscode.l10n.t('{0} finding', n) : vscode.l10n.t('{0} findings', n);
}

/** "3 findings · last analysis 14:03:27 (123 ms)". */
export function describeAnalysis(done: AnalysisDone): string {
  const s = done.bySeverity;
  const count = s ? vscode.l10n.t('{0} errors, {1} warnings, {2} info', s.error, s.warning, s.info) : findingCount(done.findings);
  const args = [count, clockTime(done.finishedAt), Math.round(done.durationMs)] as const;
  return done.kind === 'workspace'
    ? vscode.l10n.t('{0} · last workspace check {1} ({2} ms)', ...args)
    : vscode.l10n.t('{0} · last analysis {1} ({2} ms)', ...args);
}

function clockTime(iso: string): string {
  const at = new Date(iso);
  const time = Number.isNaN(at.getTime()) ? new Date() : at;
  return [time.getHours(), time.getMinutes(), time.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
