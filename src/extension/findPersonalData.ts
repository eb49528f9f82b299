/**
 * "Residency Guard: Find Personal Data" (SPEC §7.4, issue 15): asks the server for the candidate
 * personal-data fields of the workspace (the `init` plan), lists them in a multi-select quick pick (all
 * ticked: accept them all, or untick and accept one by one) and applies the chosen annotations as one
 * workspace edit. A first-run notice offers the command when the server reports that no personal data is
 * declared (RG015), once per workspace unless asked again.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FIND_PERSONAL_DATA_COMMAND, FIND_PERSONAL_DATA_REQUEST, type FindPersonalDataResult, type PersonalDataCandidate } from '../shared/personalData';
import { SERVER_SOURCE } from '../shared/protocol';

/** The problem code of "no personal data is declared". */
const NO_SOURCE_CODE = 'RG015';
/** workspaceState key: the first-run notice was shown (or dismissed for good) in this workspace. */
const NOTICE_SHOWN = 'residencyGuard.noSourceNoticeShown';

interface CandidateItem extends vscode.QuickPickItem {
  readonly candidate: PersonalDataCandidate;
}

function itemOf(c: PersonalDataCandidate): CandidateItem {
  return { label: c.symbol, description: `${c.category} · ${c.where}`, detail: `${c.tags} — ${c.reasons}`, picked: true, candidate: c };
}

/** Applies the chosen proposals; returns how many were applied. */
async function apply(chosen: readonly PersonalDataCandidate[]): Promise<number> {
  const edit = new vscode.WorkspaceEdit();
  for (const c of chosen) edit.insert(vscode.Uri.parse(c.uri), new vscode.Position(c.position.line, c.position.character), c.text);
  return (await vscode.workspace.applyEdit(edit)) ? chosen.length : 0;
}

/** Runs the command: the candidates, the pick, the edit. Resolves to the number of annotations applied. */
export async function findPersonalData(client: LanguageClient): Promise<number> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Residency Guard: looking for personal data…') },
    () => client.sendRequest<FindPersonalDataResult>(FIND_PERSONAL_DATA_REQUEST),
  );
  if (result.candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Residency Guard: no candidate personal-data field left to annotate.'));
    return 0;
  }
  const picked = await vscode.window.showQuickPick(result.candidates.map(itemOf), {
    canPickMany: true,
    matchOnDescription: true,
    matchOnDetail: true,
    title: vscode.l10n.t('Residency Guard: personal data candidates ({0})', result.candidates.length),
    placeHolder: vscode.l10n.t('Untick what is not personal data, then press Enter to annotate the rest'),
  });
  if (!picked || picked.length === 0) return 0;
  const applied = await apply(picked.map((i) => i.candidate));
  void vscode.window.showInformationMessage(vscode.l10n.t('Residency Guard: {0} fields annotated as personal data.', applied));
  return applied;
}

/** Whether the diagnostics now hold "no personal data is declared" from our server. */
function reportsNoSource(): boolean {
  return vscode.languages.getDiagnostics().some(([, list]) => list.some((d) => d.source === SERVER_SOURCE && codeOf(d) === NO_SOURCE_CODE));
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}

/** The first-run notice: once per workspace, when the server says nothing is declared. */
function watchFirstRun(context: vscode.ExtensionContext, run: () => Promise<number>): vscode.Disposable {
  let asking = false;
  return vscode.languages.onDidChangeDiagnostics(async () => {
    if (asking || context.workspaceState.get<boolean>(NOTICE_SHOWN) || !reportsNoSource()) return;
    asking = true;
    await context.workspaceState.update(NOTICE_SHOWN, true);
    const find = vscode.l10n.t('Find Personal Data');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('Residency Guard: no personal data is declared in this workspace, so no transfer can be found. Find candidate fields and annotate them?'),
      find,
    );
    asking = false;
    if (answer === find) await run();
  });
}

/** Registers the command and the first-run notice. */
export function registerFindPersonalData(context: vscode.ExtensionContext, client: LanguageClient): void {
  const run = (): Promise<number> => findPersonalData(client);
  context.subscriptions.push(vscode.commands.registerCommand(FIND_PERSONAL_DATA_COMMAND, run), watchFirstRun(context, run));
}
