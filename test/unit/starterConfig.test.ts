/**
 * Tests of the starter residency.config.json that the extension's Open Config command creates: it loads
 * without a single problem, and its $schema points at the shipped schema (relative when it can be).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/core/config/loadConfig';
import { createRegionCatalog } from '../../src/core/vocabulary/regionCatalog';
import { schemaReference, starterConfigText } from '../../src/extension/starterConfig';
import type { UriLike } from '../../src/extension/starterConfig';

const uri = (scheme: string, authority: string, path: string): UriLike =>
  ({ scheme, authority, path, toString: () => `${scheme}://${authority}${path}` });

test('the starter config loads with no problem and keeps its $schema', () => {
  const text = starterConfigText('../ext/schemas/residency.config.schema.json');
  const { problems } = loadConfig(text, '/ws/residency.config.json', createRegionCatalog());
  assert.deepEqual(problems, []);
  assert.match(text, /"\$schema": "\.\.\/ext\/schemas\/residency\.config\.schema\.json"/);
  assert.match(text, /\/\/ +"support-contractor"/, 'an example party, commented out');
});

test('the schema reference is relative on the same file system', () => {
  const config = uri('file', '', '/home/me/project/residency.config.json');
  const schema = uri('file', '', '/home/me/.vscode/extensions/rg/schemas/residency.config.schema.json');
  assert.equal(schemaReference(config, schema), '../.vscode/extensions/rg/schemas/residency.config.schema.json');
  const inside = uri('file', '', '/home/me/project/schemas/residency.config.schema.json');
  assert.equal(schemaReference(config, inside), './schemas/residency.config.schema.json');
});

test('the schema reference is the absolute URI across file systems', () => {
  const config = uri('vscode-remote', 'box', '/ws/residency.config.json');
  const schema = uri('file', '', '/ext/schemas/residency.config.schema.json');
  assert.equal(schemaReference(config, schema), 'file:///ext/schemas/residency.config.schema.json');
});
