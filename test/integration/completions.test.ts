/**
 * Behaviour 6 (issue 4): writing annotations with help. In a TypeScript file of the workspace, the
 * language server offers exactly the valid values after `@residency `, the config's parties (and
 * `self`) after `@recipient `, and the rule ids after `residency-guard-disable-next-line `. The file is
 * written by the suite and deleted afterwards; each test types into it and reverts.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, deleteFile, fileUri, openEditor, writeFile } from './helpers';
import type { Api } from './helpers';

/** The data map request (src/shared/protocol.ts): answers once an analysis result exists, running one if needed. */
const DATA_MAP_REQUEST = 'residencyGuard/dataMap';

const RESIDENCY_CLASSES = ['jp-only', 'jp-or-equivalent', 'jp-with-basis', 'unrestricted'];
/** The parties of test/workspaces/integration/residency.config.json, plus the built-in `self`. */
const PARTIES = ['self', 'seoul-support'];
const RULE_IDS = Array.from({ length: 12 }, (_, k) => `JPR${String(k + 1).padStart(3, '0')}`);

const BASE = '/** Scratch file of the completion tests: each test types below this line and reverts. */\nexport const scratch = 1;\n';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/**
 * Whether an item comes from Residency Guard's server: it describes itself twice (detail, and the same
 * text as Markdown documentation) and sorts by a 5-digit index (src/server/vocabularyAssist.ts). Other
 * providers (TypeScript, word-based suggestions) may add items of their own; those are not ours.
 */
function isOurs(item: vscode.CompletionItem): boolean {
  const doc = item.documentation;
  const markdown = doc instanceof vscode.MarkdownString ? doc.value : undefined;
  return typeof item.detail === 'string' && item.detail.length > 0 && markdown === item.detail && /^\d{5}$/.test(item.sortText ?? '');
}

describe('completions in annotations', () => {
  const typing = (): vscode.Uri => fileUri('src', 'typing.ts');
  let api: Api;

  before(async () => {
    api = await activateExtension();
    await writeFile(typing(), BASE);
    // Parties come from the config of the last analysis: make sure one has finished.
    await api.client.sendRequest(DATA_MAP_REQUEST);
  });
  afterEach(async () => {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.uri.toString() === typing().toString() && editor.document.isDirty) {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
  after(() => deleteFile(typing()));

  /** Types `text` at the end of the scratch file (unsaved) and lists the completions right after `marker`. */
  async function completionsAfter(text: string, marker: string): Promise<{ all: vscode.CompletionItem[]; ours: vscode.CompletionItem[] }> {
    const editor = await openEditor(typing());
    const end = editor.document.positionAt(editor.document.getText().length);
    assert.ok(await editor.edit((builder) => builder.insert(end, text)), 'the edit was not applied');
    const source = editor.document.getText();
    const at = source.lastIndexOf(marker);
    assert.ok(at >= 0, `"${marker}" not found in the scratch file`);
    const position = editor.document.positionAt(at + marker.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', typing(), position);
    assert.ok(list, 'the completion command returned a list');
    return { all: list.items, ours: list.items.filter(isOurs) };
  }

  function listed(items: readonly vscode.CompletionItem[]): string {
    return items.map((i) => `${labelOf(i)} (${i.detail ?? '-'})`).join(' | ') || 'none';
  }

  it('offers exactly the four residency classes after @residency', async () => {
    const { all, ours } = await completionsAfter('/** @residency  */\nexport interface Account { id: string }\n', '/** @residency ');
    assert.deepStrictEqual(ours.map(labelOf).sort(), [...RESIDENCY_CLASSES].sort(), `ours: ${listed(ours)}; all: ${listed(all)}`);
    for (const item of ours) {
      assert.strictEqual(item.kind, vscode.CompletionItemKind.EnumMember, labelOf(item));
      assert.ok((item.detail ?? '').length > 10, `${labelOf(item)} has a short description`);
    }
    assert.match(ours.find((i) => labelOf(i) === 'jp-only')?.detail ?? '', /Japan/);
  });

  it("offers the config's parties and self after @recipient", async () => {
    const { all, ours } = await completionsAfter('/** @recipient  */\nexport function send(payload: unknown): void { void payload; }\n', '/** @recipient ');
    assert.deepStrictEqual(ours.map(labelOf).sort(), [...PARTIES].sort(), `ours: ${listed(ours)}; all: ${listed(all)}`);
    const seoul = ours.find((i) => labelOf(i) === 'seoul-support');
    assert.strictEqual(seoul?.detail, 'Seoul support contractor (contractor-overseas, KR)', 'the description comes from the config');
    assert.match(ours.find((i) => labelOf(i) === 'self')?.detail ?? '', /\(internal-jp, JP\)$/);
  });

  it('offers the rule ids JPR001–JPR012 after residency-guard-disable-next-line', async () => {
    const marker = '// residency-guard-disable-next-line ';
    const { all, ours } = await completionsAfter(`export function later(): void {\n  ${marker}\n  void scratch;\n}\n`, marker);
    assert.deepStrictEqual(ours.map(labelOf).sort(), RULE_IDS, `ours: ${listed(ours)}; all: ${listed(all)}`);
    assert.ok(ours.every((i) => i.kind === vscode.CompletionItemKind.EnumMember), 'rule ids are enum members');
  });
});
