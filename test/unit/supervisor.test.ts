/**
 * The CLI's supervising thread reads only the analysis budget from the arguments (the worker checks every
 * argument); it must not load the engine or TypeScript, which only the worker needs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_BUDGET } from '../../src/cli/budget';
import { budgetFromArgs } from '../../src/cli/supervisor';

test('the budget comes from --budget-seconds / --budget-memory-mb, else the defaults', () => {
  assert.deepEqual(budgetFromArgs(['check', '.']), DEFAULT_BUDGET);
  assert.deepEqual(budgetFromArgs(['check', '--budget-seconds', '5', '--budget-memory-mb=512']), { seconds: 5, memoryMb: 512 });
  assert.deepEqual(budgetFromArgs(['--budget-seconds', 'x', '--budget-memory-mb', '-1']), DEFAULT_BUDGET);
});

test('the bundled supervisor loads neither TypeScript nor the engine', () => {
  const bundle = fs.readFileSync(path.resolve(__dirname, '../../../dist/supervisor.js'), 'utf8');
  assert.equal(/require\(["']typescript["']\)/.test(bundle), false);
  assert.equal(bundle.includes('checkWorkspace'), false);
});
