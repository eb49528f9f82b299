/**
 * The screenshot scenario (scripts/screenshots.js drives it in the real VS Code host): sets up each view
 * of the README on the sample workspace, prints `RG-SCREENSHOT <name>` for the driver to take the picture,
 * and waits for the driver's `<name>.done` file (a file-system event, no sleep) before the next view.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'residency-guard.residency-guard';
const WAIT_MS = 60_000;

interface Api {
  readonly ready: Promise<void>;
  readonly onAnalysisDone: vscode.Event<unknown>;
}

/** Resolves once `file` exists (watching its folder); rejects after WAIT_MS. */
function fileAppears(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = fs.watch(path.dirname(file), () => check());
    const timer = setTimeout(() => done(new Error(`no ${file} within ${WAIT_MS} ms`)), WAIT_MS);
    function done(error?: Error): void {
      clearTimeout(timer);
      watcher.close();
      if (error) reject(error);
      else resolve();
    }
    function check(): void {
      if (fs.existsSync(file)) done();
    }
    check();
  });
}

async function shoot(name: string): Promise<void> {
  const dir = process.env.RG_SCREENSHOT_DIR;
  if (!dir) throw new Error('RG_SCREENSHOT_DIR is not set: run scripts/screenshots.js');
  console.log(`RG-SCREENSHOT ${name}`);
  await fileAppears(path.join(dir, `${name}.done`));
}

/** Resolves once the diagnostics of `uri` include a finding. */
function findingsOf(uri: vscode.Uri): Promise<void> {
  return new Promise((resolve, reject) => {
    const has = () => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'residency-guard');
    const timer = setTimeout(() => reject(new Error(`no findings on ${uri.toString()}`)), WAIT_MS);
    const sub = vscode.languages.onDidChangeDiagnostics(() => {
      if (!has()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
    if (has()) {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    }
  });
}

async function views(): Promise<void> {
  const api = await vscode.extensions.getExtension<Api>(EXTENSION_ID)!.activate();
  await api.ready;
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const moderation = vscode.Uri.joinPath(folder, 'src', 'moderation.ts');
  await findingsOf(moderation);
  const editor = await vscode.window.showTextDocument(moderation);
  const [d] = vscode.languages.getDiagnostics(moderation).filter((x) => x.source === 'residency-guard');
  editor.selection = new vscode.Selection(d.range.start, d.range.start);
  editor.revealRange(d.range, vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  await shoot('problems');
  await vscode.commands.executeCommand('workbench.action.closePanel');
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.commands.executeCommand('residencyGuard.showTransferMap');
  await shoot('transfer-map');
}

export function run(): Promise<void> {
  return views().then(() => console.log('1 passed, 0 failed'));
}
