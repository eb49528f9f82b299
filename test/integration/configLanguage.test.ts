/**
 * residency.config.json is JSON with comments (SPEC §4): its language is `jsonc`, so comments are no
 * problem; the starter config Open Config writes has comments, no $schema, and no problem either. The
 * checks wait for the JSON language server's own diagnostics (provoked by an unknown key), then assert that
 * none of them is about comments.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, deleteFile, describeDiagnostics, fileUri, openEditor, ours, replaceText, revertAndClose, until } from './helpers';

const config = (): vscode.Uri => fileUri('residency.config.json');

/** Diagnostics of the JSON language server (not ours). */
function jsonDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source !== 'residency-guard');
}

/** Adds an unknown key and waits for both servers to report it; returns the JSON server's diagnostics. */
async function provoke(editor: vscode.TextEditor): Promise<vscode.Diagnostic[]> {
  await replaceText(editor, '"pack": "jp",', '"pack": "jp", "bogusKey": 1,');
  const uri = editor.document.uri;
  await until(() => jsonDiagnostics(uri).length > 0 && ours(uri).length > 0, `diagnostics of both servers on ${vscode.workspace.asRelativePath(uri)}`);
  return jsonDiagnostics(uri);
}

describe('the config file language', () => {
  before(activateExtension);

  it('edits residency.config.json as JSON with comments', async () => {
    const editor = await openEditor(config());
    assert.strictEqual(editor.document.languageId, 'jsonc');
    const json = await provoke(editor);
    assert.ok(json.every((d) => !/comment/i.test(d.message)), json.map((d) => d.message).join(' | '));
    assert.ok(json.some((d) => /bogusKey/.test(d.message) || /not allowed/i.test(d.message)), json.map((d) => d.message).join(' | '));
    await revertAndClose(config());
    await until(() => ours(config()).length === 0, 'our config diagnostics to clear after the revert');
  });

  it('writes a commented starter config without $schema, which has no problem', async () => {
    const settings = vscode.workspace.getConfiguration('residencyGuard');
    await settings.update('configPath', 'starter/residency.config.json', vscode.ConfigurationTarget.Workspace);
    const starter = fileUri('starter', 'residency.config.json');
    try {
      const opened = await vscode.commands.executeCommand<vscode.Uri>('residencyGuard.openConfig');
      assert.strictEqual(opened?.toString(), starter.toString());
      const editor = await openEditor(starter);
      assert.strictEqual(editor.document.languageId, 'jsonc');
      assert.match(editor.document.getText(), /^\s*\/\/ /m, 'the starter has comments');
      assert.doesNotMatch(editor.document.getText(), /\$schema/);
      const json = await provoke(editor);
      assert.deepStrictEqual(json.map((d) => editor.document.getText(d.range)), ['"bogusKey"'], describeDiagnostics(starter));
      assert.strictEqual(ours(starter).length, 1, describeDiagnostics(starter));
      assert.match(ours(starter)[0].message, /bogusKey/);
    } finally {
      await deleteFile(starter);
      await vscode.workspace.fs.delete(fileUri('starter'), { recursive: true }).then(undefined, () => undefined);
      await settings.update('configPath', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
