/**
 * Tests of the config's v2 keys for SDKs and the environment (SPEC §4): `packages` (party and/or region per
 * package or scope, references checked and located), `env` and `envFiles` (read through the host as text,
 * problems located, `env` winning).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConfigLoader } from '../../src/core/config/loadConfig';
import { readEnvironment } from '../../src/core/config/envFiles';
import { inputFromText, type FileHost } from '../../src/core/host';
import type { Problem } from '../../src/core/model';
import { createRegionCatalog } from '../../src/core/vocabulary/regionCatalog';

const FILE = '/w/residency.config.json';
const load = createConfigLoader(createRegionCatalog());

function show(p: Problem): string {
  return `${p.location.line}:${p.location.column} ${p.code} ${p.severity} ${p.message}`;
}

test('packages: a party, a region or both, by package name or scope prefix', () => {
  const text = JSON.stringify({
    parties: { 'sentry-eu': { name: 'Sentry EU', access: 'contractor-overseas', country: 'DE' } },
    packages: { '@sentry/node': { party: 'sentry-eu' }, '@acme/*': { region: 'aws:ap-northeast-1' }, stripe: { party: 'sentry-eu', region: 'US' } },
  });
  const { config, problems } = load(text, FILE);
  assert.deepEqual(problems, []);
  assert.deepEqual(config.packages.map((b) => [b.pattern, b.party, b.region?.resolved.country]), [
    ['@sentry/node', 'sentry-eu', undefined], ['@acme/*', undefined, 'JP'], ['stripe', 'sentry-eu', 'US'],
  ]);
});

test('packages: an unknown party or region is a located RG009 and drops the binding; a bad shape is RG008', () => {
  const text = [
    '{',
    '  "parties": { "sentry-eu": { "name": "S", "access": "contractor-overseas", "country": "DE" } },',
    '  "packages": {',
    '    "@sentry/node": { "party": "sentry-us" },',
    '    "posthog-node": { "region": "aws:nowhere-1" },',
    '    "mixpanel": {},',
    '    "bad name": { "party": "sentry-eu" },',
    '    "twilio": { "party": "sentry-eu", "edge": "tokyo" }',
    '  }',
    '}',
  ].join('\n');
  const { config, problems } = load(text, FILE);
  const shown = problems.map(show);
  assert.ok(shown.some((p) => p.startsWith('4:32 RG009 error Unknown party "sentry-us" for package "@sentry/node"')), shown.join('\n'));
  assert.ok(shown.some((p) => p.startsWith('5:33 RG009 error Invalid region for "packages.posthog-node.region"')), shown.join('\n'));
  assert.ok(shown.some((p) => p.startsWith('6:17 RG008')), shown.join('\n'));
  assert.ok(shown.some((p) => p.startsWith('7:5 RG008')), shown.join('\n'));
  assert.ok(shown.some((p) => p.startsWith('8:39 RG008')), shown.join('\n'));
  assert.deepEqual(config.packages.map((b) => b.pattern), ['twilio']);
});

test('env: names must be variable names; values are strings', () => {
  const { config, problems } = load('{ "env": { "AWS_REGION": "ap-northeast-1", "BAD-NAME": "x", "N": 1 } }', FILE);
  assert.deepEqual(config.env, { AWS_REGION: 'ap-northeast-1' });
  assert.equal(problems.length, 2, problems.map(show).join('\n'));
});

function memoryHost(files: Record<string, string>): FileHost {
  return {
    readInput: (p, maxBytes) => inputFromText(files[p], maxBytes),
    readFile: (p) => files[p],
    fileExists: (p) => p in files,
    directoryExists: () => false,
    readDirectory: () => [],
    stat: () => undefined,
    realpath: (p) => p,
  };
}

test('envFiles: read as text in order (later files win), the config\'s env on top; problems located', () => {
  const { config } = load('{ "envFiles": [".env", "./.env.production", ".env.missing"], "env": { "B": "from-config" } }', FILE);
  const host = memoryHost({ '/w/.env': 'A=1\nB=2\nC=3\n', '/w/.env.production': 'C=prod\n$(rm -rf /)\n' });
  const env = readEnvironment(host, '/w', config.envFiles, config.env, 'en');
  assert.deepEqual(env.values, { A: '1', B: 'from-config', C: 'prod' });
  assert.deepEqual(env.problems.map(show), [
    '2:1 RG009 warning Line 2 of the env file "./.env.production" is not NAME=value; it is ignored',
    '1:45 RG009 warning The env file ".env.missing" named in "envFiles" cannot be read',
  ]);
  assert.equal(env.problems[1].location.file, FILE);
  const ja = readEnvironment(host, '/w', config.envFiles, config.env, 'ja');
  assert.match(ja.problems[1].message, /読み込めません/);
});
