/**
 * Tests of the starter residency.config.json that the extension's Open Config command creates: it loads
 * without a single problem, is commented, and writes no $schema (the extension registers its schema for the
 * file name; a path into the versioned install folder would break on every update).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/core/config/loadConfig';
import { createRegionCatalog } from '../../src/core/vocabulary/regionCatalog';
import { starterConfigText } from '../../src/extension/starterConfig';

test('the starter config loads with no problem, has comments and no $schema', () => {
  const text = starterConfigText();
  const { problems } = loadConfig(text, '/ws/residency.config.json', createRegionCatalog());
  assert.deepEqual(problems, []);
  assert.doesNotMatch(text, /\$schema/);
  assert.match(text, /\/\/ +"support-contractor"/, 'an example party, commented out');
});
