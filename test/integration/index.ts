/**
 * The extensionTestsPath module: VS Code (the offline host of ../shared/tools/vscode-host, or
 * @vscode/test-electron) calls run() inside the extension host. Runs the suites in a fixed order with
 * mocha (bdd), puts back any workspace file a test left changed, and prints a closing
 * `N passed, N failed` line.
 */
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { restore, snapshot } from './workspaceGuard';

/**
 * Check Workspace runs before any suite that could analyse src/archive.ts; crash recovery restarts the
 * server, and the config-error suite goes last: it breaks the config for a while.
 */
const SUITES = [
  'startup.test.js', 'diagnostics.test.js', 'edits.test.js', 'checkWorkspace.test.js', 'fixes.test.js', 'configLanguage.test.js', 'transferMap.test.js', 'views.test.js', 'personalData.test.js',
  'completions.test.js', 'grammar.test.js', 'crashRecovery.test.js', 'configError.test.js',
];

export function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const original = folder ? snapshot(folder) : new Map<string, Buffer>();
  const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, color: false });
  for (const suite of SUITES) mocha.addFile(path.join(__dirname, suite));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      for (const file of restore(original)) console.log(`restored ${file}: a test left it changed on disk`);
      const summary = `${runner.stats?.passes ?? 0} passed, ${failures} failed`;
      console.log(summary);
      if (failures > 0) reject(new Error(summary));
      else resolve();
    });
  });
}
