/**
 * Incremental runs with SDK destinations: a setup call (`Sentry.init({ dsn })`) or an env file decides the
 * region of calls in files that do not import it, so editing it must give what a fresh run gives.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnalysisSession, checkWorkspace, checkWorkspaceSession } from '../../src/core/engine';
import { memoryHost } from '../support/memoryHost';

const ROOT = '/virtual/sdk';

const messages = (r: { findings: readonly { rule: string; location: { file: string; line: number }; message: string }[] }): string[] =>
  r.findings.map((f) => `${f.rule} ${f.location.file}:${f.location.line} ${f.message}`).sort();

test('editing a setup call or an env file elsewhere: incremental runs equal fresh runs', () => {
  const files: Record<string, string> = {
    'residency.config.json': JSON.stringify({ envFiles: ['.env'] }),
    '.env': 'TWILIO_REGION=us1\n',
    'src/model.ts': '/** @residency jp-with-basis */\nexport interface User {\n  /** @category contact */ email: string;\n}\n',
    'src/setup.ts': "import * as Sentry from '@sentry/node';\nSentry.init({ dsn: 'https://k@o1.ingest.de.sentry.io/2' });\n",
    'src/report.ts': [
      "import * as Sentry from '@sentry/node';",
      "import twilio from 'twilio';",
      "import type { User } from './model';",
      "const sms = twilio('sid', 'token');",
      'export async function report(u: User): Promise<void> {',
      '  Sentry.setUser({ email: u.email });',
      '  await sms.messages.create({ to: u.email });',
      '}',
      '',
    ].join('\n'),
  };
  const host = memoryHost(ROOT, files);
  const session = new AnalysisSession();
  const first = checkWorkspaceSession(host, { root: ROOT, session }).result;
  assert.deepEqual(messages(first), messages(checkWorkspace(host, { root: ROOT })));
  const edits: Array<[string, (s: string) => string, RegExp]> = [
    ['src/setup.ts', (s) => s.replace('ingest.de.sentry.io', 'ingest.us.sentry.io'), /Sentry\) \(contractor-overseas, US\)/],
    ['.env', () => 'TWILIO_REGION=jp1\n', /Twilio Inc\. \(contractor-domestic, JP\)/],
  ];
  for (const [file, edit, expected] of edits) {
    files[file] = edit(files[file]);
    const incremental = messages(checkWorkspaceSession(host, { root: ROOT, session }).result);
    assert.deepEqual(incremental, messages(checkWorkspace(host, { root: ROOT })), `after editing ${file}`);
    assert.ok(incremental.some((m) => expected.test(m)), incremental.join('\n'));
  }
});
