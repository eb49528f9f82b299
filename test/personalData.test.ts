/**
 * Personal data in the editor (SPEC §7.4, §7.3 v2; issue 15), through the real language server over stdio:
 * a workspace that declares nothing gets the RG015 problem at its config file (what the first-run notice
 * watches for); a candidate field gets the "Mark as personal data: <category>" code action whose edit is the
 * annotation; the Find Personal Data request lists the workspace's candidates with their edits.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FIND_PERSONAL_DATA_REQUEST, type FindPersonalDataResult } from '../src/shared/personalData';
import { TestLspClient } from './support/lspClient';

const REPO = path.resolve(__dirname, '../..');
const USER = `export class User {
  id!: string;
  email!: string;
  shimei!: string;
  emailVerified!: boolean;
}
`;
const SEND = `import type { User } from './user';
export async function send(u: User): Promise<void> {
  await fetch('https://api.partner.example/v1', { method: 'POST', body: u.email });
}
`;

describe('personal data in the editor', () => {
  let dir: string;
  let client: TestLspClient;
  const uri = (f: string) => pathToFileURL(path.join(dir, f)).toString();

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rg-pd-')));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src/user.ts'), USER);
    fs.writeFileSync(path.join(dir, 'src/send.ts'), SEND);
    client = new TestLspClient(REPO);
    await client.initialize(dir);
  });

  after(async () => {
    await client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says at the config file that no personal data is declared', async () => {
    client.open(uri('src/user.ts'), USER);
    const config = uri('residency.config.json');
    await client.until(() => (client.diagnostics.get(config) ?? []).some((d) => d.code === 'RG015'), 'RG015 at residency.config.json');
  });

  it('offers "Mark as personal data: <category>" on a candidate field, with the annotation as its edit', async () => {
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri('src/user.ts') }, range: { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } }, context: { diagnostics: [] },
    })) as { title: string; edit?: { changes: Record<string, { range: { start: { line: number } }; newText: string }[]> } }[];
    const mark = actions.filter((a) => a.title.startsWith('Mark as personal data'));
    assert.deepEqual(mark.map((a) => a.title), ['Mark as personal data: contact']);
    const [edit] = mark[0].edit!.changes[uri('src/user.ts')];
    assert.equal(edit.range.start.line, 3);
    assert.equal(edit.newText, '  /** @residency jp-with-basis @category contact */\n');
    const none = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri('src/user.ts') }, range: { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } }, context: { diagnostics: [] },
    })) as { title: string }[];
    assert.deepEqual(none.filter((a) => a.title.startsWith('Mark')), [], 'a boolean flag is not personal data');
  });

  it('lists the candidates of the workspace with the edits that annotate them', async () => {
    const result = (await client.connection.sendRequest(FIND_PERSONAL_DATA_REQUEST)) as FindPersonalDataResult;
    assert.deepEqual(result.candidates.map((c) => `${c.symbol} ${c.category} ${c.where} ${c.position.line}:${c.position.character}`), [
      'User.email contact src/user.ts:3 2:0',
      'User.shimei contact src/user.ts:4 3:0',
    ]);
    assert.equal(result.candidates[1].uri, uri('src/user.ts'));
    assert.match(result.candidates[1].reasons, /name "shimei" \(romanised Japanese\)/);
  });
});
