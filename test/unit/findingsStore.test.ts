/**
 * The findings channel between the language server and its analysis worker: only files whose findings
 * changed (by identity) are sent, and the supervisor's store rebuilds the whole, sorted list.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FindingsSender, FindingsStore } from '../../src/server/findingsStore';
import type { Diagnostic } from 'vscode-languageserver';
import type { ResidencyConfig } from '../../src/core/config/types';
import type { Finding } from '../../src/core/report/model';
import { SinkDiagnosticsCache } from '../../src/server/diagnostics';
import { DEFAULT_SETTINGS } from '../../src/shared/protocol';

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

test('the config is sent only when it is another object; the store keeps the one received', () => {
  const sender = new FindingsSender();
  const store = new FindingsStore();
  const c1 = { rules: {} } as unknown as ResidencyConfig;
  const c2 = { rules: {} } as unknown as ResidencyConfig;
  const sent1 = sender.configDelta('/w', c1);
  assert.equal(sent1, c1);
  const received = store.config('/w', sent1);
  assert.equal(sender.configDelta('/w', c1), undefined, 'the same object: not sent again');
  assert.equal(store.config('/w', undefined), received, 'the store gives the object it received before');
  assert.equal(store.config('/w', sender.configDelta('/w', c2)), c2, 'another object is sent and kept');
  store.clear();
  assert.throws(() => store.config('/w', undefined), /no config received/);
});

test('a sink\'s diagnostics are made again only when a finding, the config or the settings changed', () => {
  const cache = new SinkDiagnosticsCache();
  const config = { rules: {} } as unknown as ResidencyConfig;
  const settings = { ...DEFAULT_SETTINGS };
  const a = finding('a.ts', 1);
  const b = finding('a.ts', 1);
  let made = 0;
  const make = () => [{ message: String(++made) }] as unknown as Diagnostic[];
  const first = cache.of([a, b], '/w', config, settings, make);
  assert.equal(cache.of([a, b], '/w', config, settings, make), first);
  assert.notEqual(cache.of([a, finding('a.ts', 1)], '/w', config, settings, make), first, 'a new finding object');
  const again = cache.of([a, b], '/w', config, settings, make);
  assert.notEqual(cache.of([a, b], '/w', config, { ...settings }, make), again, 'other settings');
  assert.notEqual(cache.of([a, b], '/w', { rules: {} } as unknown as ResidencyConfig, settings, make), again, 'another config');
  assert.equal(made, 5);
});
