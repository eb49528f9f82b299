/**
 * The countries of every storage flow in the infrastructure fixtures (test/fixtures/iac-*): expected.txt
 * lists findings, and a flow to Japan raises none, so this table states every sink's places — Japan
 * included — as the data map sees them (one per environment, replica or missing link; null when unresolved).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { createNodeHost, toPosix } from '../../src/cli/nodeHost';
import { checkWorkspace } from '../../src/core/engine';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures');

/** Fixture → sink line in src/handler.ts → the countries it reaches (sorted; null: unresolved). */
const EXPECTED: Record<string, Record<number, ReadonlyArray<string | null>>> = {
  'iac-terraform': { 14: ['KR'], 19: ['JP', 'SG'], 24: ['JP', 'US'], 29: [null], 34: [null], 39: ['JP'], 44: ['JP', 'US'] },
  'iac-cdk': { 10: ['DE', 'JP'], 15: ['JP', 'KR'], 20: [null] },
  'iac-serverless': { 10: ['JP'], 15: [null], 20: ['JP', null, null], 25: ['US'] },
  'iac-pulumi': { 10: ['SG'], 15: ['JP', 'US'], 20: [null] },
};

for (const [fixture, sinks] of Object.entries(EXPECTED)) {
  test(`${fixture}: every storage flow reaches the countries the infrastructure code gives`, () => {
    const r = checkWorkspace(createNodeHost(), { root: toPosix(path.join(FIXTURES, fixture)) });
    const actual: Record<number, Array<string | null>> = {};
    const seen = new Set<string>();
    for (const f of r.flows) {
      if (f.sinkLocation.file !== 'src/handler.ts') continue;
      // One entry per place (a sink's several sources reach the same places).
      const key = `${f.sinkLocation.line}|${f.description}`;
      if (seen.has(key)) continue;
      seen.add(key);
      (actual[f.sinkLocation.line] ??= []).push(f.country);
    }
    // Countries in order, unresolved places last.
    for (const list of Object.values(actual)) list.sort((a, b) => (a === null ? 1 : 0) - (b === null ? 1 : 0) || (a ?? '').localeCompare(b ?? ''));
    assert.deepEqual(actual, sinks);
  });
}
