/**
 * `residencyGuard.openRuleDoc` (OPEN_RULE_DOC_COMMAND): opens a rule's documentation page shipped in the
 * extension folder (`docs/rules/<ID>.md`, or `<ID>.ja.md` when VS Code shows Japanese) as a markdown preview.
 */
import * as vscode from 'vscode';
import { displayLanguage } from './settings';

const RULE_ID = /^[A-Z]{2,5}\d{3}$/;

/** Opens the page; resolves to its URI, or undefined (after an error message) when there is none. */
export async function openRuleDoc(extensionUri: vscode.Uri, ruleId: unknown): Promise<vscode.Uri | undefined> {
  const id = typeof ruleId === 'string' ? ruleId.trim().toUpperCase() : '';
  const page = RULE_ID.test(id) ? await findRuleDoc(extensionUri, id) : undefined;
  if (!page) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Residency Guard: no documentation page for rule "{0}".', String(ruleId)));
    return undefined;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
  return page;
}

/** The first existing page: Japanese first when the display language is Japanese. */
export async function findRuleDoc(extensionUri: vscode.Uri, id: string): Promise<vscode.Uri | undefined> {
  const names = displayLanguage() === 'ja' ? [`${id}.ja.md`, `${id}.md`] : [`${id}.md`];
  for (const name of names) {
    const uri = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', name);
    if (await exists(uri)) return uri;
  }
  return undefined;
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
