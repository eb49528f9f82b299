/**
 * The heap's union kept between passes (FlowState.heapUnion) and the one-pass fold it uses (joinMany):
 * property tests against the plain left fold of `join` (issue 18: an edit joins again only the keys it touched).
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import ts = require('typescript');
import { join, joinMany, labelKey, type Label, type SourceInfo, type Taint } from '../../src/core/analysis/labels';
import { FlowState } from '../../src/core/analysis/flowState';

const loc = { file: '/w/a.ts', line: 1, column: 1, endLine: 1, endColumn: 2 };

function source(key: string, hop: number): Label {
  const info: SourceInfo = { key, symbol: key, category: 'contact', residency: 'jp-only', access: ['internal-jp'], loc };
  // Labels of the same key with different hops: which one a join keeps is part of what is compared.
  return { kind: 'source', source: info, transform: {}, hops: hop ? [{ at: ts.factory.createIdentifier(`h${hop}`), note: `n${hop}` }] : [] };
}

const label = fc.oneof(
  fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.nat(2)).map(([k, h]) => source(k, h)),
  fc.tuple(fc.nat(1), fc.constantFrom([], ['x'], ['x', 'y'])).map(([index, path]): Label => ({ kind: 'param', index, path, transform: {}, hops: [] })),
);

const taint: fc.Arbitrary<Taint> = fc.letrec<{ t: Taint }>((tie) => ({
  t: fc.record({
    // A taint's labels are a set (every join keeps one label per key).
    labels: fc.uniqueArray(label, { maxLength: 3, selector: labelKey }),
    fields: fc.option(fc.array(fc.tuple(fc.constantFrom('f', 'g', 'h'), tie('t')), { maxLength: 2 }), { nil: undefined, depthSize: 'small' }),
    constant: fc.option(fc.constantFrom(1, 'k'), { nil: undefined }),
  }, { requiredKeys: ['labels'] }).map(({ labels, fields, constant }): Taint => ({
    labels,
    ...(fields && fields.length ? { fields: new Map(fields) } : {}),
    ...(constant !== undefined ? { constant } : {}),
  })),
})).t;

/** Labels in order (with the hops kept), fields in order, recursively. */
function shape(t: Taint): unknown {
  return {
    labels: t.labels.map((l) => `${labelKey(l)}/${l.hops.map((h) => h.note).join(',')}${l.kind === 'param' && l.whole ? '*' : ''}`),
    fields: [...(t.fields ?? [])].map(([k, v]) => [k, shape(v)]),
  };
}

const fold = (list: readonly Taint[]): Taint => list.reduce((a, b) => join(a, b));

test('joinMany gives what folding join from the left gives, labels, hops and fields in order', () => {
  fc.assert(fc.property(fc.array(taint, { minLength: 1, maxLength: 7 }), (list) => {
    assert.deepEqual(shape(joinMany(list)), shape(fold(list)));
  }), { numRuns: 400 });
});

test('heapUnion after stores and dropped files is the fold of every file\'s stores in order', () => {
  const keys = [ts.factory.createIdentifier('k1'), ts.factory.createIdentifier('k2'), ts.factory.createIdentifier('k3')];
  const op = fc.oneof(
    fc.record({ kind: fc.constant('store' as const), file: fc.constantFrom('a', 'b', 'c', 'd'), key: fc.nat(2), value: taint }),
    fc.record({ kind: fc.constant('drop' as const), file: fc.constantFrom('a', 'b', 'c', 'd') }),
    fc.record({ kind: fc.constant('union' as const) }),
  );
  fc.assert(fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
    const state = new FlowState();
    for (const o of ops) {
      if (o.kind === 'store') state.store(o.file, keys[o.key], o.value);
      else if (o.kind === 'drop') state.dropFiles(new Set([o.file]), new Map());
      else state.heapUnion().set(keys[0], { labels: [] }); // the copy is the caller's to change
    }
    const expected = new Map<ts.Node, Taint[]>();
    for (const byKey of state.heapByFile.values()) for (const [k, v] of byKey) expected.set(k as ts.Node, [...expected.get(k as ts.Node) ?? [], v]);
    const union = state.heapUnion();
    assert.deepEqual([...union.keys()].sort((a, b) => keys.indexOf(a as ts.Identifier) - keys.indexOf(b as ts.Identifier)),
      [...expected.keys()].sort((a, b) => keys.indexOf(a as ts.Identifier) - keys.indexOf(b as ts.Identifier)));
    for (const [k, list] of expected) assert.deepEqual(shape(union.get(k)!), shape(fold(list)));
  }), { numRuns: 300 });
});
