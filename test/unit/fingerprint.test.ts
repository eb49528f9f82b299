import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { fingerprint, hash53 } from '../../src/core/report/fingerprint';

const base = { rule: 'JPR001', file: 'src/a.ts', container: 'send', sinkText: 'toOps(u.phone)', sources: ['src/m.ts#User.phone'] };

test('fingerprints ignore whitespace and source order, and change with the flow', () => {
  const spaced = { ...base, sinkText: 'toOps(a,  b)' };
  assert.equal(fingerprint(spaced), fingerprint({ ...base, sinkText: 'toOps(a,\n    b)' }));
  assert.notEqual(fingerprint(spaced), fingerprint(base));
  assert.equal(fingerprint({ ...base, sources: ['a', 'b'] }), fingerprint({ ...base, sources: ['b', 'a'] }));
  assert.notEqual(fingerprint(base), fingerprint({ ...base, rule: 'JPR003' }));
  assert.notEqual(fingerprint(base), fingerprint({ ...base, sources: ['src/m.ts#User.email'] }));
  assert.notEqual(fingerprint(base), fingerprint({ ...base, container: 'other' }));
  assert.match(hash53('x'), /^[0-9a-f]{14}$/);
});
