/**
 * `residencyGuard.exportReport`: asks for a format, gets the report of the last workspace check from the
 * server (REPORT_REQUEST) and saves it where the user chooses: JSON, SARIF, Markdown, the disclosure draft or text.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPORT_FORMATS, REPORT_REQUEST } from '../shared/protocol';
import type { ReportParams, ReportResult } from '../shared/protocol';

type FormatId = ReportParams['format'];

interface ReportFormat {
  readonly id: FormatId;
  readonly label: string;
  readonly detail: string;
  readonly extension: string;
}

/**
 * One row per format of the protocol's EXPORT_FORMATS (a new format does not compile without its row).
 * Functions, so that the texts are translated when used, once the extension's l10n bundle is loaded.
 */
const FORMAT_DETAILS: Readonly<Record<FormatId, () => Omit<ReportFormat, 'id'>>> = {
  json: () => ({ label: 'JSON', detail: vscode.l10n.t('Versioned report: findings, problems, suppressions, summary'), extension: 'json' }),
  sarif: () => ({ label: 'SARIF 2.1.0', detail: vscode.l10n.t('For code-scanning tools, with the path of each finding as a code flow'), extension: 'sarif' }),
  markdown: () => ({ label: 'Markdown', detail: vscode.l10n.t('Transfer register: what goes to which country and party, on which basis'), extension: 'md' }),
  disclosure: () => ({ label: vscode.l10n.t('Disclosure draft'), detail: vscode.l10n.t('Draft of the privacy-policy text on foreign transfers (APPI Art. 28(2)), for legal review'), extension: 'md' }),
  text: () => ({ label: vscode.l10n.t('Text'), detail: vscode.l10n.t('One line per finding: file:line:column: severity rule message'), extension: 'txt' }),
};

/** The export formats, in the display language. */
export function reportFormats(): readonly ReportFormat[] {
  return EXPORT_FORMATS.map((id) => ({ id, ...FORMAT_DETAILS[id]() }));
}

/**
 * Resolves to the saved file, or undefined when the user cancels. `format` skips the quick pick and
 * `target` the save dialog (for scripts and tests).
 */
export async function exportReport(client: LanguageClient, format?: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const chosen = reportFormats().find((f) => f.id === format) ?? await pickFormat();
  if (!chosen) return undefined;
  const params: ReportParams = { format: chosen.id };
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Residency Guard: building the report') },
    () => client.sendRequest<ReportResult>(REPORT_REQUEST, params),
  );
  const file = target ?? await pickTarget(chosen);
  if (!file) return undefined;
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(report.content));
  if (!target) void announce(file);
  return file;
}

function pickTarget(format: ReportFormat): Thenable<vscode.Uri | undefined> {
  return vscode.window.showSaveDialog({
    defaultUri: defaultTarget(`residency-report.${format.extension}`),
    filters: { [format.label]: [format.extension] },
    saveLabel: vscode.l10n.t('Export Report'),
  });
}

async function pickFormat(): Promise<ReportFormat | undefined> {
  const items = reportFormats().map((format) => ({ label: format.label, detail: format.detail, format }));
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Residency Guard: Export Report'), placeHolder: vscode.l10n.t('Report format') });
  return picked?.format;
}

/** The file name in the first workspace folder, or alone when no folder is open. */
function defaultTarget(fileName: string): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, fileName) : undefined;
}

async function announce(target: vscode.Uri): Promise<void> {
  const open = vscode.l10n.t('Open');
  const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Residency Guard: report saved to {0}.', vscode.workspace.asRelativePath(target)), open);
  if (answer === open) await openReport(target);
}

/** A Markdown register opens rendered (a preview); the other formats as text. */
export async function openReport(target: vscode.Uri): Promise<void> {
  if (target.path.endsWith('.md')) await vscode.commands.executeCommand('markdown.showPreview', target);
  else await vscode.window.showTextDocument(target);
}
