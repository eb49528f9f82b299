/**
 * Behaviour 4: the "Suppress JPR…" quick fix inserts a suppression comment with a placeholder reason, which
 * is an error (RG005) and suppresses nothing (issue 15); once the reason is written the diagnostic
 * disappears. The edit is reverted.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, describeDiagnostics, fileUri, findings, openEditor, ours, revertAndClose, ruleOf, until } from './helpers';

describe('quick fix', () => {
  const support = (): vscode.Uri => fileUri('src', 'support.ts');

  before(activateExtension);
  after(() => revertAndClose(support()));

  it('suppresses a finding with a comment, which removes its diagnostic', async () => {
    const editor = await openEditor(support());
    await until(() => findings(support(), 'JPR001').length > 0, 'JPR001 on src/support.ts');
    const [d] = findings(support(), 'JPR001');
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider', support(), d.range, undefined, 50) ?? [];
    const titles = actions.map((a) => a.title);
    const suppressions = actions.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a)
      .filter((a) => a.title.startsWith('Suppress JPR'));
    const fix = suppressions.find((a) => a.title.includes('JPR001')) ?? suppressions[0];
    assert.ok(fix?.edit, `no "Suppress JPR…" action with an edit among: ${titles.join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit was not applied');
    assert.match(editor.document.getText(), /residency-guard-disable-next-line JPR001\b.* -- /);
    // The inserted reason is a placeholder: it is an RG005 error and suppresses nothing until it is written.
    await until(() => ours(support()).some((x) => ruleOf(x) === 'RG005'), 'RG005 on the placeholder reason');
    assert.ok(findings(support(), 'JPR001').length > 0, 'a placeholder reason suppresses nothing');
    const text = editor.document.getText();
    const placeholder = text.indexOf('<why this transfer is acceptable>');
    assert.ok(placeholder >= 0, 'the quick fix writes the placeholder');
    const range = new vscode.Range(editor.document.positionAt(placeholder), editor.document.positionAt(placeholder + '<why this transfer is acceptable>'.length));
    assert.ok(await editor.edit((b) => b.replace(range, 'DPA-7 covers the support contractor')));
    await until(() => findings(support(), 'JPR001').length === 0, 'JPR001 to disappear after the suppression');
    assert.ok(!describeDiagnostics(support()).includes('JPR001'));
  });
});
