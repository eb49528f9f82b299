import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { GlobSet, globToRegExp } from '../../src/core/text/glob';

test('globs match root-relative paths', () => {
  assert.ok(globToRegExp('src/**').test('src/a/b.ts'));
  assert.ok(globToRegExp('src').test('src/a.ts'));
  assert.ok(globToRegExp('**/*.test.ts').test('src/x/a.test.ts'));
  assert.ok(globToRegExp('**/*.test.ts').test('a.test.ts'));
  assert.ok(!globToRegExp('**/*.test.ts').test('src/a.ts'));
  assert.ok(globToRegExp('lib/*.js').test('lib/a.js'));
  assert.ok(!globToRegExp('lib/*.js').test('lib/x/a.js'));
  assert.ok(globToRegExp('./src/').test('src/a.ts'));
  assert.ok(globToRegExp('a?c.ts').test('abc.ts'));
  assert.ok(!globToRegExp('a.c.ts').test('abc.ts'));
});

test('an empty glob set matches nothing', () => {
  assert.equal(new GlobSet([]).matches('a.ts'), false);
  assert.equal(new GlobSet(['**']).matches('a/b.ts'), true);
});
