/** Constant folding of conditions and member-path writes (SPEC §6.2 v2), below the evaluator. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import ts = require('typescript');
import { constantTaint, foldBinary, joinPaths, literalValue, stepped, truthiness } from '../../src/core/analysis/conditions';
import { EMPTY, flatten, join, readField, type Label, type Taint } from '../../src/core/analysis/labels';
import { memberPath, writeAtPath } from '../../src/core/analysis/objectPaths';

const { SyntaxKind } = ts;
const expr = (text: string): ts.Expression => {
  const sf = ts.createSourceFile('x.ts', `(${text});`, ts.ScriptTarget.ES2022, true);
  return ((sf.statements[0] as ts.ExpressionStatement).expression as ts.ParenthesizedExpression).expression;
};
const param: Label = { kind: 'param', index: 0, path: [], transform: {}, hops: [] };
/** The same label once its value was flattened (ParamLabel.whole). */
const flattened: Label = { ...param, whole: true };

test('literals are constants; anything else is unknown', () => {
  assert.equal(literalValue(expr('false'))?.constant, false);
  assert.equal(literalValue(expr('2'))?.constant, 2);
  assert.equal(literalValue(expr("'dev'"))?.constant, 'dev');
  assert.equal(literalValue(expr('null'))?.constant, null);
  assert.equal(literalValue(expr('x')), undefined);
  assert.equal(truthiness(EMPTY), undefined);
  assert.equal(truthiness(constantTaint(0)), false);
  assert.equal(truthiness(constantTaint('x')), true);
});

test('operators fold over known constants only', () => {
  const two = constantTaint(2);
  assert.equal(foldBinary(SyntaxKind.EqualsEqualsEqualsToken, stepped(two, SyntaxKind.PlusPlusToken), two)?.constant, false);
  assert.equal(foldBinary(SyntaxKind.LessThanToken, two, constantTaint(3))?.constant, true);
  assert.equal(foldBinary(SyntaxKind.PlusToken, constantTaint('a'), constantTaint('b'))?.constant, 'ab');
  assert.equal(foldBinary(SyntaxKind.PlusToken, constantTaint('a'), two), undefined);
  assert.equal(foldBinary(SyntaxKind.EqualsEqualsEqualsToken, two, EMPTY), undefined);
  assert.equal(stepped(EMPTY, SyntaxKind.PlusPlusToken).constant, undefined);
});

test('two paths keep a constant only when both agree; join never keeps one of two different constants', () => {
  assert.equal(joinPaths(constantTaint(2), constantTaint(2)).constant, 2);
  assert.equal(joinPaths(constantTaint(2), constantTaint(3)).constant, undefined);
  assert.equal(joinPaths(constantTaint(2), EMPTY).constant, undefined);
  assert.equal(join(constantTaint(2), constantTaint(3)).constant, undefined);
  const labelled: Taint = { labels: [param], constant: 'x' };
  assert.deepEqual(flatten(joinPaths(labelled, EMPTY)), [flattened]);
});

test('member paths name the root variable and the members below it', () => {
  const mp = memberPath(expr('ctx.session.user'));
  assert.equal(mp?.root.getText(), 'ctx');
  assert.deepEqual(mp?.path, ['session', 'user']);
  assert.equal(mp?.complete, true);
  const g = memberPath(expr('g[0][1]'));
  assert.deepEqual(g?.path, ['0', '1']);
  const computed = memberPath(expr('ctx.session[k].x'));
  assert.deepEqual(computed?.path, ['session']);
  assert.equal(computed?.complete, false);
  assert.equal(memberPath(expr('f().x')), undefined);
});

test('writes at a path replace the last member (strong) or add to it (weak)', () => {
  const v: Taint = { labels: [param] };
  const strong = writeAtPath(EMPTY, ['m', 'k'], v, true);
  assert.deepEqual(flatten(readField(readField(strong, 'm'), 'k')), [flattened]);
  assert.deepEqual(flatten(readField(readField(writeAtPath(strong, ['m', 'k'], EMPTY, true), 'm'), 'k')), []);
  assert.deepEqual(flatten(readField(readField(writeAtPath(strong, ['m', 'k'], EMPTY, false), 'm'), 'k')), [flattened]);
  // An empty path merges into the whole value.
  assert.deepEqual(flatten(writeAtPath(EMPTY, [], v, true)), [flattened]);
});

test('a flattened parameter label is read whole: a member read appends no path to it', () => {
  assert.deepEqual(readField({ labels: [param] }, 'x').labels, [{ ...param, path: ['x'] }]);
  assert.deepEqual(readField({ labels: flatten({ labels: [param] }) }, 'x').labels, [flattened]);
});
