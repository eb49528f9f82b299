/**
 * The transfer map webview renders in the real host, its numbers (countries, findings per country) equal
 * the JSON report's, and it is redrawn after an analysis (an edit that removes a flow). The numbers are
 * counted by the page from what it drew.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, deleteFile, fileUri, openEditor, replaceText, revertAndClose, untilEvent } from './helpers';

interface Summary {
  readonly countries: readonly { readonly country: string; readonly findings: number }[];
  readonly findings: number;
  readonly edges: number;
}

interface MapApi {
  readonly transferMap: { readonly onDidRender: vscode.Event<Summary> };
}

interface JsonReport {
  readonly findings: readonly { readonly sources: readonly unknown[]; readonly destination: { readonly country: string | null } }[];
}

/** Findings per country in the JSON report (those with sources: config findings have no destination). */
async function reportCounts(): Promise<Map<string, number>> {
  const target = fileUri('transfer-map-report.json');
  try {
    await vscode.commands.executeCommand('residencyGuard.exportReport', 'json', target);
    const report = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8')) as JsonReport;
    const counts = new Map<string, number>();
    for (const f of report.findings.filter((x) => x.sources.length > 0)) {
      const c = f.destination.country ?? 'unknown';
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    return counts;
  } finally {
    await deleteFile(target);
  }
}

function shown(summary: Summary): Map<string, number> {
  return new Map(summary.countries.filter((c) => c.findings > 0).map((c) => [c.country, c.findings]));
}

describe('transfer map', () => {
  const support = (): vscode.Uri => fileUri('src', 'support.ts');
  let api: MapApi;

  before(async () => {
    api = await activateExtension() as unknown as MapApi;
  });
  after(async () => {
    await revertAndClose(support());
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('residencyGuard.transferMap'));
    await vscode.window.tabGroups.close(tabs);
  });

  it('renders Japan → countries → parties with the numbers of the JSON report, and follows an edit', async () => {
    const summary = await vscode.commands.executeCommand<Summary>('residencyGuard.showTransferMap');
    assert.ok(summary, 'the command resolves with what the page rendered');
    const expected = await reportCounts();
    assert.deepStrictEqual([...shown(summary)].sort(), [...expected].sort());
    assert.strictEqual(summary.findings, [...expected.values()].reduce((a, b) => a + b, 0));
    assert.ok(summary.edges >= 2, `edges: ${summary.edges}`);
    assert.ok(summary.countries.some((c) => c.country === 'KR'), 'the Seoul contractor\'s country');

    let latest = summary;
    const sub = api.transferMap.onDidRender((s) => { latest = s; });
    try {
      const editor = await openEditor(support());
      await replaceText(editor, 'sendToSupport(line)', "sendToSupport('(redacted)')");
      await untilEvent(api.transferMap.onDidRender, () => !shown(latest).has('KR'), 'the map to drop KR after the edit');
      assert.strictEqual(latest.findings, summary.findings - (expected.get('KR') ?? 0));
    } finally {
      sub.dispose();
    }
  });
});
