/**
 * Shared helpers of the integration tests: the extension's API, the test workspace's files, our
 * diagnostics, editing and reverting, and `until` — an event-driven wait on diagnostics changes (no
 * fixed sleeps anywhere).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const SOURCE = 'residency-guard';
export const EXTENSION_ID = 'residency-guard.residency-guard';
/** Time for one analysis to arrive, a cold server start included. */
export const WAIT_MS = 60_000;

/** What the extension's activate() returns (src/extension/extension.ts). */
export interface Api {
  readonly client: LanguageClient;
  readonly ready: Promise<void>;
}

/** Activates the extension and waits until its language server runs; returns the extension's API. */
export async function activateExtension(): Promise<Api> {
  const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in the test host`);
  const autoSave = vscode.workspace.getConfiguration('files').get<string>('autoSave');
  assert.strictEqual(autoSave, 'off', 'the workspace must switch auto save off (.vscode/settings.json): tests edit without saving');
  const api = await extension.activate();
  await api.ready;
  return api;
}

/** A file of the test workspace (test/workspaces/integration). */
export function fileUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the integration workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Residency Guard's diagnostics of a file. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** The rule id of a diagnostic (`code.value`), or its plain code. */
export function ruleOf(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Our diagnostics of a file raised by rules JPR001–JPR012 (findings, not problems). */
export function findings(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return ours(uri).filter((d) => /^JPR\d{3}$/.test(ruleOf(d)) && (rule === undefined || ruleOf(d) === rule));
}

/** Resolves once `predicate` holds, checking now and on every diagnostics change; rejects after `ms`. */
export function until(predicate: () => boolean, what: string, ms = WAIT_MS): Promise<void> {
  return untilEvent(vscode.languages.onDidChangeDiagnostics, predicate, what, ms);
}

export async function openEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

/** Replaces the first occurrence of `search` in the editor's document (unsaved). */
export async function replaceText(editor: vscode.TextEditor, search: string, replacement: string): Promise<void> {
  const document = editor.document;
  const offset = document.getText().indexOf(search);
  assert.ok(offset >= 0, `"${search}" not found in ${vscode.workspace.asRelativePath(document.uri)}`);
  const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset + search.length));
  assert.ok(await editor.edit((builder) => builder.replace(range, replacement)), 'the edit was not applied');
}

/** Writes a file of the test workspace on disk (a test deletes it again with deleteFile). */
export async function writeFile(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
}

/** Closes the file's editors without saving and deletes it from disk, if it exists. */
export async function deleteFile(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
  if (tabs.length > 0) {
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty)) {
      await openEditor(uri);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.window.tabGroups.close(tabs);
  }
  try {
    await vscode.workspace.fs.delete(uri);
  } catch (error) {
    if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) throw error;
  }
}

/** Reverts the document to its content on disk and closes its editor. */
export async function revertAndClose(uri: vscode.Uri): Promise<void> {
  const editor = await openEditor(uri);
  if (editor.document.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.ok(!editor.document.isDirty, `${vscode.workspace.asRelativePath(uri)} is still modified`);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

/** "JPR001 @11:3 on src/support.ts" lines, for assertion messages. */
export function describeDiagnostics(uri: vscode.Uri): string {
  const list = ours(uri).map((d) => `${ruleOf(d)} @${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
  return `${vscode.workspace.asRelativePath(uri)}: ${list.length ? list.join(' | ') : 'none'}`;
}

/** Resolves once `predicate` holds, checking now and whenever `event` fires; rejects after `ms`. */
export function untilEvent<T>(event: vscode.Event<T>, predicate: () => boolean, what: string, ms = WAIT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const check = (): void => {
      if (!predicate()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const subscription = event(check);
    check();
  });
}

/** The code actions VS Code offers on a diagnostic's range. */
export async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, undefined, 50) ?? [];
  return all.filter((a): a is vscode.CodeAction => typeof (a as { command?: unknown }).command !== 'string');
}
