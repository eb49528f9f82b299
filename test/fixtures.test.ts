/**
 * Data-driven fixture tests: every folder under test/fixtures is a small workspace checked by the engine;
 * its findings, rendered readably, must equal the folder's `expected.txt`. Run with UPDATE_EXPECTED=1 to
 * rewrite the files after reviewing a deliberate change.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { createNodeHost, toPosix } from '../src/cli/nodeHost';
import { checkWorkspace } from '../src/core/engine';
import { renderResult } from './support/render';

const FIXTURES = path.resolve(__dirname, '../../test/fixtures');

for (const name of fs.readdirSync(FIXTURES).sort()) {
  const dir = path.join(FIXTURES, name);
  if (!fs.statSync(dir).isDirectory()) continue;
  test(`fixture ${name}`, () => {
    const root = toPosix(dir);
    const result = checkWorkspace(createNodeHost(), { root });
    const actual = renderResult(root, result);
    const expectedFile = path.join(dir, 'expected.txt');
    if (process.env.UPDATE_EXPECTED === '1') fs.writeFileSync(expectedFile, actual);
    assert.ok(fs.existsSync(expectedFile), `${name}: expected.txt is missing`);
    assert.equal(actual, fs.readFileSync(expectedFile, 'utf8'));
  });
}
