/**
 * Issue 15 in a real VS Code: a candidate field that nobody annotated offers "Mark as personal data:
 * <category>"; applying it writes the annotation above the field. The edit is reverted.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, fileUri, openEditor, revertAndClose } from './helpers';

describe('mark as personal data', () => {
  const signup = (): vscode.Uri => fileUri('src', 'signup.ts');

  before(activateExtension);
  after(() => revertAndClose(signup()));

  it('annotates a candidate field through its code action, and offers nothing on a flag', async () => {
    const editor = await openEditor(signup());
    const at = (line: number) => new vscode.Range(line, 2, line, 2);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', signup(), at(2)) ?? [];
    const mark = actions.filter((a) => a.title.startsWith('Mark as personal data'));
    assert.deepStrictEqual(mark.map((a) => a.title), ['Mark as personal data: contact']);
    assert.ok(mark[0].edit && await vscode.workspace.applyEdit(mark[0].edit), 'the edit was applied');
    assert.match(editor.document.getText(), /\n {2}\/\*\* @residency jp-with-basis @category contact \*\/\n {2}email!: string;/);
    const flag = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', signup(), at(4)) ?? [];
    assert.deepStrictEqual(flag.filter((a) => a.title.startsWith('Mark')).map((a) => a.title), []);
  });
});
