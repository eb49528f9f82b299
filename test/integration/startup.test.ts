/**
 * After start-up, without opening a file or running Check Workspace, the Problems panel holds exactly the
 * findings the CLI reports for the workspace (SPEC §7.1 v2) — the never-opened src/archive.ts included.
 */
import * as assert from 'assert';
import { execFile } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, fileUri, ruleOf, SOURCE, until } from './helpers';

interface JsonFinding {
  readonly rule: string;
  readonly location: { readonly file: string; readonly line: number };
}

/** The findings of the bundled CLI on the test workspace, as `file:line rule` (run without blocking the host). */
async function cliFindings(): Promise<string[]> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const root = fileUri().fsPath;
  const args = [path.join(extension.extensionPath, 'dist', 'cli.js'), 'check', '--root', root, '--format', 'json', '--fail-on', 'none'];
  const out = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
  const report = JSON.parse(out) as { findings: JsonFinding[] };
  return report.findings.map((f) => `${f.location.file}:${f.location.line} ${f.rule}`).sort();
}

/** Every finding diagnostic of the workspace, in the same form. */
function problemsPanel(): string[] {
  return vscode.languages.getDiagnostics()
    .flatMap(([uri, list]) => list.filter((d) => d.source === SOURCE && /^JPR\d{3}$/.test(ruleOf(d)))
      .map((d) => `${vscode.workspace.asRelativePath(uri)}:${d.range.start.line + 1} ${ruleOf(d)}`))
    .sort();
}

describe('start-up', () => {
  before(activateExtension);

  it('shows every finding of the workspace in Problems, open or not, as the CLI reports them', async () => {
    const expected = await cliFindings();
    assert.ok(expected.some((f) => f.startsWith('src/archive.ts:')), `the CLI reports src/archive.ts: ${expected.join(', ')}`);
    const archive = fileUri('src', 'archive.ts').toString();
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === archive), 'src/archive.ts must stay unopened');
    await until(() => problemsPanel().join('\n') === expected.join('\n'), `Problems to equal the CLI's findings: ${expected.join(', ')}`);
  });
});
