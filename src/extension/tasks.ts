/**
 * The task provider for the `residency-guard` task type that package.json defines: runs the bundled CLI
 * (dist/cli.js, with VS Code's own Node runtime) on a workspace folder, so that the `$residency-guard`
 * problem matcher puts its findings in the Problems panel. Offers one "check" task per folder.
 */
import * as vscode from 'vscode';
import { readClientSettings, displayLanguage } from './settings';

export const TASK_TYPE = 'residency-guard';
const CLI_MODULE = 'dist/cli.js';

interface CheckTaskDefinition extends vscode.TaskDefinition {
  readonly paths?: readonly string[];
  readonly format?: 'text' | 'json' | 'sarif' | 'markdown' | 'disclosure';
  readonly failOn?: 'error' | 'warning' | 'info' | 'none';
}

export function registerTaskProvider(context: vscode.ExtensionContext): vscode.Disposable {
  const cli = context.asAbsolutePath(CLI_MODULE);
  return vscode.tasks.registerTaskProvider(TASK_TYPE, {
    provideTasks: () => (vscode.workspace.workspaceFolders ?? []).map((folder) => checkTask(cli, folder, { type: TASK_TYPE })),
    resolveTask: (task) => {
      const folder = task.scope !== undefined && typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
      return folder ? checkTask(cli, folder, task.definition as CheckTaskDefinition, task.name) : undefined;
    },
  });
}

function checkTask(cli: string, folder: vscode.WorkspaceFolder, definition: CheckTaskDefinition, name = vscode.l10n.t('check')): vscode.Task {
  const execution = new vscode.ProcessExecution(process.execPath, [cli, ...cliArguments(folder, definition)], {
    cwd: folder.uri.fsPath,
    // In desktop VS Code process.execPath is Electron: make it behave as plain Node.
    env: { ELECTRON_RUN_AS_NODE: '1' },
  });
  const format = definition.format ?? 'text';
  const task = new vscode.Task(definition, folder, name, 'Residency Guard', execution, format === 'text' ? ['$residency-guard'] : []);
  task.group = vscode.TaskGroup.Test;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

/** `check [paths…] --root <folder> --format … --fail-on … --lang … [--config …]`. */
function cliArguments(folder: vscode.WorkspaceFolder, definition: CheckTaskDefinition): string[] {
  const settings = readClientSettings(folder.uri);
  const args = ['check', ...(definition.paths ?? []), '--root', folder.uri.fsPath];
  args.push('--format', definition.format ?? 'text', '--fail-on', definition.failOn ?? 'error', '--lang', displayLanguage());
  if (settings.configPath !== 'residency.config.json') args.push('--config', settings.configPath);
  return args;
}
