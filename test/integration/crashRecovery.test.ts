/**
 * Behaviour 8 (issue 7): the language server survives a crash. The test kills the server process with
 * SIGKILL; the client notices, clears the server's diagnostics, starts a new server process, and the
 * diagnostics of the open file come back from it.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activateExtension, describeDiagnostics, fileUri, findings, openEditor, ours, revertAndClose, until, WAIT_MS } from './helpers';

/** The server-info request (src/shared/protocol.ts SERVER_INFO_REQUEST). */
const SERVER_INFO_REQUEST = 'residencyGuard/serverInfo';

interface ServerInfo {
  readonly pid: number;
  readonly version: string;
}

/** Resolves when the client has left the Running state and come back to it; rejects after `ms`. */
function restartObserved(client: LanguageClient, ms = WAIT_MS): Promise<State[]> {
  return new Promise((resolve, reject) => {
    const seen: State[] = [];
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for the client to run again; states seen: ${seen.map((s) => State[s]).join(' → ') || 'none'}`));
    }, ms);
    const subscription = client.onDidChangeState(({ newState }) => {
      seen.push(newState);
      if (newState === State.Running && seen.some((s) => s !== State.Running)) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(seen);
      }
    });
  });
}

describe('crash recovery of the language server', () => {
  const support = (): vscode.Uri => fileUri('src', 'support.ts');
  let client: LanguageClient;

  before(async () => {
    client = (await activateExtension()).client;
  });
  after(() => revertAndClose(support()));

  it('restarts a killed server process, and the diagnostics come back', async () => {
    await openEditor(support());
    await until(() => findings(support(), 'JPR001').length > 0, 'JPR001 on src/support.ts');
    const before = await client.sendRequest<ServerInfo>(SERVER_INFO_REQUEST);
    assert.ok(Number.isInteger(before.pid) && before.pid !== process.pid, `server pid ${before.pid}`);
    assert.strictEqual(client.state, State.Running);

    // Subscribe before the kill: the client reacts asynchronously, so no event can be missed.
    const restarted = restartObserved(client);
    const cleared = until(() => ours(support()).length === 0, 'the dead server\'s diagnostics to be cleared');
    process.kill(before.pid, 'SIGKILL');

    const [, states] = await Promise.all([cleared, restarted]);
    assert.ok(states.includes(State.Starting), `states after the kill: ${states.map((s) => State[s]).join(' → ')}`);
    await until(() => findings(support(), 'JPR001').length > 0, 'JPR001 back on src/support.ts from the restarted server');

    const after = await client.sendRequest<ServerInfo>(SERVER_INFO_REQUEST);
    assert.notStrictEqual(after.pid, before.pid, 'a new server process');
    assert.strictEqual(after.version, before.version);
    const [d] = findings(support(), 'JPR001');
    assert.strictEqual(d.range.start.line, 10, describeDiagnostics(support()));
  });
});
