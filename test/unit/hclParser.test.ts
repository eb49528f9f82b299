/**
 * Tests of the HCL-subset reader (src/core/iac/hclParser.ts, hclLexer.ts): the shapes Terraform files use,
 * the offsets every node keeps, and located syntax errors with recovery at the next line.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { attribute, blocks, parseHcl, type Expr } from '../../src/core/iac/hclParser';
import { LineMap } from '../../src/core/text/positions';

const at = (text: string, offset: number): string => {
  const p = new LineMap(text).position(offset);
  return `${p.line}:${p.column}`;
};

test('blocks with labels, attributes and nested blocks', () => {
  const text = 'provider "aws" {\n  alias  = "seoul"\n  region = "ap-northeast-2"\n}\n\nresource "aws_s3_bucket" "media" {\n  provider = aws.seoul\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n';
  const { body, problems } = parseHcl(text);
  assert.deepEqual(problems, []);
  const [provider] = blocks(body, 'provider');
  assert.deepEqual(provider.labels, ['aws']);
  const region = attribute(provider.body, 'region')!;
  assert.deepEqual(region.value.type === 'literal' && region.value.value, 'ap-northeast-2');
  assert.equal(at(text, region.start), '3:3');
  const [resource] = blocks(body, 'resource');
  assert.deepEqual(resource.labels, ['aws_s3_bucket', 'media']);
  const meta = attribute(resource.body, 'provider')!.value;
  assert.equal(meta.type, 'traversal');
  assert.deepEqual(meta.type === 'traversal' && [meta.root, ...meta.steps], ['aws', 'seoul']);
  assert.equal(blocks(resource.body, 'lifecycle').length, 1);
});

test('templates keep literal parts and parsed interpolations with their offsets', () => {
  const text = 'bucket = "talk-${var.env}-${local.suffix}"\n';
  const value = attribute(parseHcl(text).body, 'bucket')!.value;
  assert.equal(value.type, 'template');
  const parts = value.type === 'template' ? value.parts : [];
  assert.equal(parts[0], 'talk-');
  const v = parts[1] as Expr;
  assert.deepEqual(v.type === 'traversal' && [v.root, ...v.steps], ['var', 'env']);
  assert.equal(text.slice(v.start, v.end), 'var.env');
  assert.equal(parts[2], '-');
});

test('objects (= and :, commas or new lines), tuples, calls, index steps, heredocs and comments', () => {
  const text = [
    '# a comment',
    'variables = { A = "1", "B": aws_s3_bucket.x.bucket',
    '  C = var.list[0] // trailing',
    '}',
    'defs = jsonencode([{ name = "X", value = "y" }, ])',
    '/* block',
    '   comment */',
    'policy = <<EOF',
    '{"Version": "2012-10-17"}',
    'EOF',
    'n = -1',
    'cond = var.env == "prod" ? "a" : "b"',
    'list = [for s in var.xs : upper(s)]',
    '',
  ].join('\n');
  const { body, problems } = parseHcl(text);
  assert.deepEqual(problems, []);
  const vars = attribute(body, 'variables')!.value;
  assert.deepEqual(vars.type === 'object' && vars.items.map((i) => i.key), ['A', 'B', 'C']);
  const c = vars.type === 'object' ? vars.items[2].value : undefined;
  assert.deepEqual(c?.type === 'traversal' && c.steps, ['list', 0]);
  const defs = attribute(body, 'defs')!.value;
  assert.equal(defs.type === 'call' && defs.name, 'jsonencode');
  assert.equal(defs.type === 'call' && defs.args[0].type, 'tuple');
  const policy = attribute(body, 'policy')!.value;
  assert.equal(policy.type === 'literal' && policy.value, '{"Version": "2012-10-17"}\n');
  assert.equal(attribute(body, 'n')!.value.type, 'other');
  assert.equal(attribute(body, 'cond')!.value.type, 'other');
  assert.equal(attribute(body, 'list')!.value.type, 'other');
});

test('a syntax error is located and reading goes on at the next line', () => {
  const text = 'a = "x"\nb = = 2\nc = { x = 1 y = 2 }\nd = "ok"\ne = "open\nf = 3\n';
  const { body, problems } = parseHcl(text);
  assert.deepEqual(problems.map((p) => `${at(text, p.start)} ${p.message}`), [
    '5:5 unterminated string',
    '2:5 expected an expression, found "="',
    '3:13 expected "," or a new line between object items, found "y"',
  ]);
  assert.deepEqual(body.map((x) => (x.type === 'attribute' ? x.name : x.kind)), ['a', 'd', 'e', 'f']);
});

test('an unclosed block and an unknown character are problems, never a hang', () => {
  const { problems } = parseHcl('resource "x" "y" {\n  a = 1\n');
  assert.match(problems[0].message, /expected "}" before the end of the file/);
  const odd = parseHcl('a = 1 @\n');
  assert.ok(odd.problems.some((p) => p.message === 'unexpected character "@"'));
});

test('deeply nested input is a located problem, never a stack overflow', () => {
  for (const text of [`a = ${'['.repeat(50000)}`, `a = ${'!'.repeat(50000)}x`, `a = ${'('.repeat(50000)}`, `${'b {\n'.repeat(5000)}`, `a = "${'${'.repeat(2000)}"`]) {
    const { problems } = parseHcl(text);
    assert.ok(problems.length > 0, text.slice(0, 20));
  }
});
