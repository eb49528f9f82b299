/**
 * Behaviour 5: an error in residency.config.json shows in the Problems panel, on the config file, at the
 * faulty value. The config is broken in the editor only, then reverted.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, describeDiagnostics, fileUri, openEditor, ours, replaceText, revertAndClose, until } from './helpers';

describe('config errors', () => {
  const config = (): vscode.Uri => fileUri('residency.config.json');

  before(activateExtension);
  after(async () => {
    await revertAndClose(config());
    await until(() => ours(config()).length === 0, 'the config diagnostics to clear after the revert');
  });

  it('reports an unknown access class at its position in the config file', async () => {
    const editor = await openEditor(config());
    await replaceText(editor, '"access": "contractor-overseas"', '"access": "contractor-overseaz"');
    await until(() => ours(config()).length > 0, 'a diagnostic on residency.config.json');
    const [d] = ours(config());
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error, describeDiagnostics(config()));
    assert.strictEqual(editor.document.getText(d.range), '"contractor-overseaz"', describeDiagnostics(config()));
    assert.match(d.message, /contractor-overseas/, 'a "did you mean" suggestion');
  });
});
