/**
 * Behaviour 3: Residency Guard: Check Workspace analyses every file afresh and keeps the findings of files
 * that were never opened in the Problems panel.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, fileUri, findings, until } from './helpers';

interface CheckWorkspaceResult {
  readonly files: number;
  readonly findings: number;
  readonly problems: number;
  readonly durationMs: number;
  readonly cancelled: boolean;
}

describe('Check Workspace', () => {
  const archive = (): vscode.Uri => fileUri('src', 'archive.ts');

  before(activateExtension);

  it('reports the findings of a file that was never opened', async () => {
    const opened = vscode.workspace.textDocuments.some((d) => d.uri.toString() === archive().toString());
    assert.ok(!opened, 'src/archive.ts must stay unopened');
    const result = await vscode.commands.executeCommand<CheckWorkspaceResult | undefined>('residencyGuard.checkWorkspace');
    assert.ok(result, 'the command returns the check result');
    assert.strictEqual(result.cancelled, false);
    assert.ok(result.files >= 5, `files: ${result.files}`);
    assert.ok(result.findings >= 3, `findings: ${result.findings}`);
    await until(() => findings(archive(), 'JPR005').length > 0, 'JPR005 on the unopened src/archive.ts');
    const [d] = findings(archive(), 'JPR005');
    assert.strictEqual(d.range.start.line, 5);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
  });
});
