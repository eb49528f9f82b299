/**
 * Behaviour 2: live analysis follows edits — a diagnostic disappears when its flow is edited away, and
 * appears in another file when an edit there creates a flow. Every edit is reverted.
 */
import * as vscode from 'vscode';
import { activateExtension, fileUri, findings, openEditor, replaceText, revertAndClose, until } from './helpers';

describe('live analysis of edits', () => {
  const support = (): vscode.Uri => fileUri('src', 'support.ts');
  const billing = (): vscode.Uri => fileUri('src', 'billing.ts');

  before(activateExtension);
  afterEach(async () => {
    await revertAndClose(support());
    await revertAndClose(billing());
  });

  it('clears the diagnostics once the flow is edited away, and restores them on revert', async () => {
    const editor = await openEditor(support());
    await until(() => findings(support()).length > 0, 'findings on src/support.ts');
    await replaceText(editor, 'sendToSupport(line)', "sendToSupport('(redacted)')");
    await until(() => findings(support()).length === 0, 'the findings on src/support.ts to clear');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await until(() => findings(support(), 'JPR001').length > 0, 'JPR001 back on src/support.ts after the revert');
  });

  it('raises a diagnostic in another file when an edit there creates a flow', async () => {
    const editor = await openEditor(billing());
    await replaceText(editor, 'theme: user.theme', 'theme: user.email');
    await until(() => findings(billing(), 'JPR001').length > 0, 'JPR001 on src/billing.ts after the edit');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await until(() => findings(billing()).length === 0, 'the findings on src/billing.ts to clear after the revert');
  });
});
