/**
 * The findings channel between the language server and its analysis worker: only files whose findings
 * changed (by identity) are sent, and the supervisor's store rebuilds the whole, sorted list.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FindingsSender, FindingsStore } from '../../src/server/findingsStore';
import type { Finding } from '../../src/core/report/model';

function finding(file: string, line: number): Finding {
  return { rule: 'JPR001', severity: 'error', message: '', location: { file, line, column: 1, endLine: line, endColumn: 2 }, sources: [], destination: { country: 'US', region: null, party: null, access: null }, path: [], fingerprint: `${file}:${line}` } as unknown as Finding;
}

test('a new result sends only the files whose findings changed, and the store rebuilds the whole list', () => {
  const sender = new FindingsSender();
  const store = new FindingsStore();
  const a1 = finding('a.ts', 1);
  const b1 = finding('b.ts', 1);
  const c1 = finding('c.ts', 4);
  const first = sender.delta('/w', [a1, b1, c1]);
  assert.equal(first.full, true);
  assert.deepEqual(store.apply('/w', first), [a1, b1, c1]);
  const b2 = finding('b.ts', 2);
  const second = sender.delta('/w', [a1, b1, b2]);
  assert.deepEqual(second.files.map(([f, l]) => [f, l.length]), [['b.ts', 2], ['c.ts', 0]], 'a.ts is unchanged: not sent');
  assert.deepEqual(store.apply('/w', second), [a1, b1, b2]);
  assert.deepEqual(sender.delta('/w', [a1, b1, b2]).files, [], 'nothing changed: nothing sent');
  // A new worker starts afresh: everything is sent and replaces what the store held.
  store.clear();
  const fresh = new FindingsSender().delta('/w', [c1]);
  assert.deepEqual(store.apply('/w', fresh), [c1]);
});
