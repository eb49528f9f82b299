/**
 * The interface digest that decides whether an incremental run sends a file's importers to the next pass:
 * it sees what a summary gives its callers (labels, fields, constants, sinks, stores), not which path a label
 * took.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import ts = require('typescript');
import { Digester, SourceFileIds } from '../../src/core/analysis/fileInterface';
import type { Summary } from '../../src/core/analysis/flowTypes';
import { EMPTY, type Label, type Taint } from '../../src/core/analysis/labels';

const sf = ts.createSourceFile('/w/a.ts', 'const a = 1;\nconst b = 2;\n', ts.ScriptTarget.ES2022, true);
const [first, second] = sf.statements;
const digester = new Digester(new SourceFileIds());
const taintDigest = (t: Taint): string => digester.taint(t);
const summaryDigest = (s: Summary): string => digester.summary(s);
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

test('a node of an edited file\'s new version is told from the node at the same place in the old one', () => {
  const again = ts.createSourceFile('/w/a.ts', sf.text, ts.ScriptTarget.ES2022, true);
  const write = (node: ts.Node): Summary => ({ ...summary(EMPTY), heapWrites: [{ key: node, value: { labels: [p0] } }] });
  assert.equal(summaryDigest(write(first)), summaryDigest(write(first)));
  assert.notEqual(summaryDigest(write(first)), summaryDigest(write(again.statements[0])));
});
