import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import ts = require('typescript');
import { addHop, EMPTY, flatten, join, readField, withField, type Label, type SourceInfo, type Taint } from '../../src/core/analysis/labels';

const loc = { file: '/w/a.ts', line: 1, column: 1, endLine: 1, endColumn: 2 };
const at = ts.factory.createIdentifier('v');
function source(key: string): Label {
  const info: SourceInfo = { key, symbol: key, category: 'contact', residency: 'jp-only', access: ['internal-jp'], loc };
  return { kind: 'source', source: info, transform: {}, hops: [] };
}
const param: Label = { kind: 'param', index: 0, path: [], transform: {}, hops: [] };
const keys = (t: Taint | readonly Label[]) => ('labels' in t ? flatten(t) : t).map((l) => (l.kind === 'source' ? l.source.key : `p${l.index}.${l.path.join('.')}`)).sort();

test('join unions labels without duplicates and merges fields', () => {
  const a: Taint = withField({ labels: [source('x')] }, 'f', { labels: [source('y')] });
  const b: Taint = withField({ labels: [source('x'), source('z')] }, 'f', { labels: [source('w')] });
  const j = join(a, b);
  assert.deepEqual(keys(j.labels), ['x', 'z']);
  assert.deepEqual(keys(j.fields!.get('f')!), ['w', 'y']);
  assert.equal(join(a, EMPTY), a);
});

test('readField is field-sensitive and extends parameter paths', () => {
  const obj: Taint = withField(withField({ labels: [param] }, 'phone', { labels: [source('phone')] }), 'id', EMPTY);
  assert.deepEqual(keys(readField(obj, 'phone')), ['p0.phone', 'phone']);
  assert.deepEqual(keys(readField(obj, 'theme')), ['p0.theme']);
  assert.deepEqual(keys(readField({ labels: [], fields: obj.fields }, 'theme')), []);
});

test('flatten collects nested fields; addHop appends to every label', () => {
  const nested: Taint = withField(EMPTY, 'a', withField(EMPTY, 'b', { labels: [source('deep')] }));
  assert.deepEqual(keys(nested), ['deep']);
  const hopped = addHop(nested, { at, note: 'assigned to v' });
  assert.equal(flatten(hopped)[0].hops[0].note, 'assigned to v');
  assert.equal(addHop(EMPTY, { at, note: 'x' }), EMPTY);
});
