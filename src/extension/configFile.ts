/**
 * `residencyGuard.openConfig`: opens the workspace folder's config file (the `residencyGuard.configPath`
 * setting), creating it first with a commented starter when it does not exist.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { exists } from './ruleDocs';
import { readClientSettings } from './settings';
import { starterConfigText } from './starterConfig';

export async function openConfig(): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder();
  if (!folder) return undefined;
  const uri = configUri(folder);
  if (!(await exists(uri))) await createStarter(uri);
  await vscode.window.showTextDocument(uri);
  return uri;
}

/** The single workspace folder, or the one the user picks; undefined (with a message) without any. */
async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Residency Guard: open a folder first; the config file lives at its root.'));
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Workspace folder whose residency.config.json to open') });
}

/** `configPath` is relative to the folder, or absolute. */
export function configUri(folder: vscode.WorkspaceFolder): vscode.Uri {
  const configPath = readClientSettings(folder.uri).configPath;
  if (path.isAbsolute(configPath)) return folder.uri.with({ path: vscode.Uri.file(configPath).path });
  return vscode.Uri.joinPath(folder.uri, ...configPath.split(/[\\/]+/).filter((s) => s !== ''));
}

async function createStarter(uri: vscode.Uri): Promise<void> {
  const text = starterConfigText();
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}
