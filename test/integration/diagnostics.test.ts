/**
 * Behaviour 1: an opened file with a flow gets diagnostics from Residency Guard, each with the rule id
 * linked to its documentation and related information for the source declaration and each hop.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, describeDiagnostics, fileUri, findings, openEditor, revertAndClose, until } from './helpers';

describe('diagnostics on an opened file', () => {
  const support = (): vscode.Uri => fileUri('src', 'support.ts');

  before(activateExtension);
  after(() => revertAndClose(support()));

  it('reports the flow to the contractor abroad with related information for the source and each hop', async () => {
    const editor = await openEditor(support());
    await until(() => findings(support(), 'JPR001').length > 0, 'JPR001 on src/support.ts');
    const [d] = findings(support(), 'JPR001');
    assert.strictEqual(editor.document.getText(d.range), 'line', `the squiggle is on the argument that carries the data: ${describeDiagnostics(support())}`);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /User\.(name|email)/);
    assert.match(d.message, /Seoul support contractor/);
    const code = d.code as { value: string; target: vscode.Uri };
    assert.strictEqual(code.value, 'JPR001');
    assert.ok(code.target instanceof vscode.Uri, 'the rule id links to its documentation');

    const related = d.relatedInformation ?? [];
    assert.ok(related.length >= 2, `expected the source and its hops, got ${related.length}`);
    const models = fileUri('src', 'models.ts').toString();
    assert.strictEqual(related[0].location.uri.toString(), models, 'the source declaration comes first');
    assert.ok([3, 4].includes(related[0].location.range.start.line), 'on User.name or User.email');
    const hops = related.filter((r) => r.location.uri.toString() === support().toString());
    assert.ok(hops.length >= 1, 'hops through src/support.ts');
    assert.ok(hops.every((r) => r.message.length > 0), 'every hop says what happens there');
    assert.ok(hops.some((r) => r.location.range.start.line === 9), 'the hop through contactLine() on line 10');
  });
});
