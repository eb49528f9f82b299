/**
 * Quick fixes that fix: the suppression's reason is a selected snippet placeholder (left in, it is an RG005
 * problem and suppresses nothing; typed over, the finding goes), a consent basis scaffolded in the config and
 * attached to the party clears JPR001, and the rule link opens the rendered, read-only rule page. Every edit
 * is reverted.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension, codeActions, describeDiagnostics, fileUri, findings, openEditor, ours, revertAndClose, ruleOf, until, untilEvent,
} from './helpers';

const support = (): vscode.Uri => fileUri('src', 'support.ts');
const config = (): vscode.Uri => fileUri('residency.config.json');

async function run(command: vscode.Command | undefined): Promise<unknown> {
  assert.ok(command, 'the action runs a command');
  return vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
}

describe('quick fixes', () => {
  before(activateExtension);
  afterEach(async () => {
    await revertAndClose(config());
    await revertAndClose(support());
    await until(() => findings(support(), 'JPR001').length > 0, 'JPR001 back on src/support.ts after the revert');
  });

  it('suppresses with a reason typed over a selected placeholder; the placeholder left in is a problem', async () => {
    const editor = await openEditor(support());
    await until(() => findings(support(), 'JPR001').length > 0, 'JPR001 on src/support.ts');
    const [d] = findings(support(), 'JPR001');
    const actions = await codeActions(support(), d.range);
    const fix = actions.find((a) => a.title === 'Suppress JPR001 on this line (with a reason)');
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.ok(actions.some((a) => /^Suppress all \d rules on this line/.test(a.title)), 'several rules on the line: one action for all');
    await run(fix.command);
    const active = vscode.window.activeTextEditor;
    assert.strictEqual(active?.document.uri.toString(), support().toString());
    assert.strictEqual(active.document.getText(active.selection), 'why this transfer is acceptable', 'the placeholder is selected');
    await until(() => ours(support()).some((p) => ruleOf(p) === 'RG005' && /still a placeholder/.test(p.message)),
      'RG005 on the placeholder reason');
    assert.ok(findings(support(), 'JPR001').length > 0, `a placeholder suppresses nothing: ${describeDiagnostics(support())}`);
    assert.ok(await editor.edit((b) => b.replace(active.selection, 'consent record CR-2022-07 covers KR')));
    await until(() => findings(support(), 'JPR001').length === 0 && !ours(support()).some((p) => ruleOf(p) === 'RG005'),
      'JPR001 and RG005 to go once a reason is written');
  });

  it('scaffolds a consent basis for the country in the config, attached to the party, which clears JPR001', async () => {
    await openEditor(support());
    await until(() => findings(support(), 'JPR001').length > 0, 'JPR001 on src/support.ts');
    const [d] = findings(support(), 'JPR001');
    const actions = await codeActions(support(), d.range);
    const fix = actions.find((a) => a.title === 'Add a consent basis for KR to residency.config.json and attach it to party "seoul-support"');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(actions.some((a) => a.title === 'Open party "seoul-support" in residency.config.json'));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await run(fix.command);
    const active = vscode.window.activeTextEditor;
    assert.strictEqual(active?.document.uri.toString(), config().toString(), 'the config is shown');
    assert.strictEqual(active.document.getText(active.selection), 'TODO: reference of the document', 'the value to fill in is selected');
    assert.match(active.document.getText(), /\/\/ Workspace of the integration tests/, 'the config keeps its comments');
    await until(() => findings(support(), 'JPR001').length === 0, `JPR001 to go once the basis covers KR: ${describeDiagnostics(support())}`);
  });

  it('opens the rule page rendered (a markdown preview), not the raw file', async () => {
    await openEditor(support());
    await until(() => findings(support(), 'JPR001').length > 0, 'JPR001 on src/support.ts');
    const [d] = findings(support(), 'JPR001');
    const target = (d.code as { target: vscode.Uri }).target;
    assert.strictEqual(target.scheme, 'command');
    assert.strictEqual(target.path, 'residencyGuard.openRuleDoc');
    const args = JSON.parse(decodeURIComponent(target.query)) as unknown[];
    assert.deepStrictEqual(args, ['JPR001']);
    const preview = (): boolean => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputWebview && /markdown\.preview/.test(input.viewType);
    };
    await vscode.commands.executeCommand(target.path, ...args);
    await untilEvent(vscode.window.tabGroups.onDidChangeTabs, preview, 'the markdown preview of JPR001');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
