/**
 * The views follow the analysis: the status bar counts findings by severity as the Problems panel shows
 * them, the Data Map is redrawn after an edit (its location rows carry no resource URI, so no problem
 * colour), hover locations are links to the code, and an unopened file shows its findings the moment it opens.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, fileUri, findings, openEditor, replaceText, revertAndClose, untilEvent } from './helpers';

interface TreeNode { readonly kind: string; readonly data: { readonly country?: string } }
interface ViewsApi {
  readonly onAnalysisDone: vscode.Event<unknown>;
  readonly status: { readonly text: string };
  readonly dataMap: vscode.TreeDataProvider<TreeNode> & { readonly onDidChangeTreeData: vscode.Event<unknown> };
}

function severityCount(severity: vscode.DiagnosticSeverity): number {
  return vscode.languages.getDiagnostics().flatMap(([, list]) => list)
    .filter((d) => d.source === 'residency-guard' && /^JPR/.test(String((d.code as { value?: unknown })?.value ?? d.code)) && d.severity === severity).length;
}

/** The provider answers synchronously (src/extension/dataMapView.ts). */
function children(api: ViewsApi, node?: TreeNode): TreeNode[] {
  return (api.dataMap.getChildren(node) as TreeNode[] | undefined) ?? [];
}

function countries(api: ViewsApi): string[] {
  return children(api).flatMap((c) => children(api, c)).map((n) => n.data.country ?? '').sort();
}

describe('views', () => {
  const support = (): vscode.Uri => fileUri('src', 'support.ts');
  let api: ViewsApi;

  before(async () => {
    api = await activateExtension() as unknown as ViewsApi;
  });
  after(() => revertAndClose(support()));

  it('counts findings by severity in the status bar, as the Problems panel shows them', async () => {
    const expected = (): string => `$(error) ${severityCount(vscode.DiagnosticSeverity.Error)} $(warning) ${severityCount(vscode.DiagnosticSeverity.Warning)}`;
    await vscode.commands.executeCommand('residencyGuard.checkWorkspace');
    await untilEvent(api.onAnalysisDone, () => api.status.text.includes(expected()), `the status bar to read ${expected()}: ${api.status.text}`);
    assert.ok(severityCount(vscode.DiagnosticSeverity.Error) > 0);
  });

  it('redraws the Data Map after an edit; its location rows take no problem colour', async () => {
    await vscode.commands.executeCommand('residencyGuard.showDataMap');
    assert.ok(countries(api).includes('KR'), `countries: ${countries(api).join(', ')}`);
    const rows = children(api).flatMap((c) => children(api, c)).flatMap((n) => children(api, n)).flatMap((p) => children(api, p));
    const items = rows.map((n) => api.dataMap.getTreeItem(n) as vscode.TreeItem);
    assert.ok(items.length > 0 && items.every((i) => i.resourceUri === undefined && typeof i.description === 'string' && /:\d+$/.test(i.description)));
    const editor = await openEditor(support());
    await replaceText(editor, 'sendToSupport(line)', "sendToSupport('(redacted)')");
    await untilEvent(api.dataMap.onDidChangeTreeData, () => countries(api).length > 0 && !countries(api).includes('KR'),
      'the Data Map to drop KR after the edit');
  });

  it('links hover locations to the code', async () => {
    const models = fileUri('src', 'models.ts');
    const editor = await openEditor(models);
    const at = editor.document.positionAt(editor.document.getText().indexOf('email'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', models, at) ?? [];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\[src\/archive\.ts:6\]\(file:\/\/[^)]+archive\.ts#L6,\d+\)/, text);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('shows an unopened file\'s findings the moment it opens', async () => {
    const archive = fileUri('src', 'archive.ts');
    assert.ok(findings(archive, 'JPR005').length > 0, 'the findings are there before the file opens');
    await openEditor(archive);
    assert.ok(findings(archive, 'JPR005').length > 0, 'and when it opens, without waiting for an analysis');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
