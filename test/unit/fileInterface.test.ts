/**
 * The interface digest that decides whether an incremental run sends a file's importers to the next pass:
 * it sees what a summary gives its callers (labels, fields, constants, sinks, stores), not which path a label
 * took.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import ts = require('typescript');
import { summaryDigest, taintDigest } from '../../src/core/analysis/fileInterface';
import type { Summary } from '../../src/core/analysis/flowTypes';
import { EMPTY, type Label, type Taint } from '../../src/core/analysis/labels';

const sf = ts.createSourceFile('/w/a.ts', 'const a = 1;\nconst b = 2;\n', ts.ScriptTarget.ES2022, true);
const [first, second] = sf.statements;
const p0: Label = { kind: 'param', index: 0, path: [], transform: {}, hops: [] };
const summary = (returns: Taint): Summary => ({ returns, hits: [], heapWrites: [], paramCalls: [], argWrites: [], throws: EMPTY });

test('the digest leaves out the path a label took', () => {
  const viaFirst: Label = { ...p0, hops: [{ at: first, note: 'assigned to a' }] };
  const viaSecond: Label = { ...p0, hops: [{ at: second, note: 'assigned to b' }] };
  assert.equal(taintDigest({ labels: [viaFirst] }), taintDigest({ labels: [viaSecond] }));
});

test('the digest tells labels, fields, constants and label order apart as a caller would', () => {
  const p1: Label = { ...p0, index: 1 };
  assert.notEqual(taintDigest({ labels: [p0] }), taintDigest({ labels: [p1] }));
  assert.notEqual(taintDigest({ labels: [p0] }), taintDigest({ labels: [], fields: new Map([['x', { labels: [p0] }]]) }));
  assert.notEqual(taintDigest({ labels: [], constant: 1 }), taintDigest({ labels: [], constant: '1' }));
  assert.equal(taintDigest({ labels: [p0, p1] }), taintDigest({ labels: [p1, p0] }));
  assert.notEqual(summaryDigest(summary({ labels: [p0] })), summaryDigest({ ...summary({ labels: [p0] }), throws: { labels: [p1] } }));
  assert.equal(summaryDigest(summary({ labels: [p0] })), summaryDigest(summary({ labels: [p0] })));
});
