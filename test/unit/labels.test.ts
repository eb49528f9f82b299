import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import ts = require('typescript');
import {
  addHop, ELEMENT, EMPTY, flatten, join, mapLabels, readElement, readField, readUndeclaredField, wholeOnly, withField, type Label, type SourceInfo, type Taint,
} from '../../src/core/analysis/labels';

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

test('whole-only labels reach whole-value flows and undeclared members, never a declared member', () => {
  // `const u = await repo.create(dto)`: the DTO's labels are whole-only, the result's type gives `id`.
  const result = join(wholeOnly([source('dto.email')]), withField(EMPTY, 'id', { labels: [source('User.id')] }));
  assert.deepEqual(keys(readField(result, 'id')), ['User.id']);
  assert.deepEqual(keys(readField(result, 'provider')), []);
  assert.deepEqual(keys(readUndeclaredField(result, 'data')), ['dto.email']);
  assert.deepEqual(keys(result), ['User.id', 'dto.email']);
  assert.equal(wholeOnly([]), EMPTY);
});

test('elements known by type are read field by field; stored elements and whole-only labels join them', () => {
  const users: Taint = withField(EMPTY, ELEMENT, withField(EMPTY, 'email', { labels: [source('User.email')] }));
  const first = readElement(users, '0');
  assert.deepEqual(keys(readField(first, 'email')), ['User.email']);
  assert.deepEqual(keys(readField(first, 'provider')), []);
  const stored = withField(join(users, wholeOnly([source('arg')])), '1', { labels: [source('pushed')] });
  assert.deepEqual(keys(readElement(stored, '1')), ['User.email', 'arg', 'pushed']);
});

test('join keeps fields down to a fixed depth and merges deeper ones into labels; flatten reaches any depth', () => {
  let deep: Taint = { labels: [source('leaf')] };
  for (let i = 0; i < 12; i++) deep = withField(EMPTY, 'next', deep);
  assert.deepEqual(keys(deep), ['leaf'], 'flatten walks all twelve levels');
  let other: Taint = { labels: [source('other')] };
  for (let i = 0; i < 12; i++) other = withField(EMPTY, 'next', other);
  const joined = join(deep, other);
  assert.deepEqual(keys(joined), ['leaf', 'other']);
  let depth = 0;
  for (let t: Taint | undefined = joined; t?.fields; t = t.fields.get('next')) depth++;
  assert.ok(depth <= 5, `joined value is ${depth} levels deep`);
  // A value that shares one subtree many times is walked once per subtree, not once per path.
  let shared: Taint = { labels: [source('s')] };
  for (let i = 0; i < 40; i++) shared = withField(withField(EMPTY, 'a', shared), 'b', shared);
  assert.deepEqual(keys(shared), ['s']);
  assert.deepEqual(keys(join(shared, shared)), ['s']);
  // mapLabels below the kept depth merges what deeper fields hold instead of dropping it.
  assert.deepEqual(keys(mapLabels(deep, (l) => l)), ['leaf']);
});
