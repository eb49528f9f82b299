/**
 * Tests of the SDK catalogue's data file (src/core/data/sdk-catalogue.json): it is valid against its schema,
 * covers every package SPEC §6.3 lists, its references and host patterns are sound, its call paths match as
 * documented, its documentation page is up to date, and the destination gate keeps catalogue matching off
 * for a workspace that imports none of its packages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import Ajv from 'ajv';
import ts from 'typescript';
import data from '../../src/core/data/sdk-catalogue.json';
import { SdkCatalogue, packageName } from '../../src/core/vocabulary/sdkCatalogue';
import { DestinationGate } from '../../src/core/analysis/destinationGate';
import { parseDotenv } from '../../src/core/config/envFiles';
import { checkWorkspace } from '../../src/core/engine';
import { createNodeHost } from '../../src/cli/nodeHost';

const ROOT = path.join(__dirname, '..', '..', '..');
const catalogue = new SdkCatalogue();

/** The packages SPEC §6.3 (v2) requires at least. */
const SPEC_PACKAGES = [
  '@sentry/node', '@sentry/browser', '@sendgrid/mail', 'nodemailer', 'mailgun.js', 'postmark', 'twilio', 'stripe',
  '@segment/analytics-node', 'mixpanel', '@amplitude/analytics-node', 'posthog-node', 'dd-trace', '@datadog/browser-rum',
  'newrelic', 'firebase-admin', '@google-cloud/storage', '@google-cloud/bigquery', '@azure/storage-blob', 'ali-oss',
  'cos-nodejs-sdk-v5', '@line/bot-sdk', 'openai', '@anthropic-ai/sdk', 'algoliasearch', '@slack/web-api', 'intercom-client',
];

test('the data file is valid against schemas/sdk-catalogue.schema.json', () => {
  const schema: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'sdk-catalogue.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema as object);
  const ok = validate(data);
  assert.ok(ok, JSON.stringify(validate.errors, null, 2));
});

test('the schema rejects a malformed entry (a call without a path, a bad country)', () => {
  const schema: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'sdk-catalogue.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema as object);
  const bad = structuredClone(data) as { vendors: Record<string, { country: unknown }>; packages: Record<string, unknown> };
  bad.vendors.stripe.country = 'usa';
  bad.packages.stripe = { vendor: 'stripe', calls: [{ args: [0] }], region: [] };
  assert.equal(validate(bad), false);
  const paths = (validate.errors ?? []).map((e) => e.instancePath);
  assert.ok(paths.includes('/vendors/stripe/country'), paths.join(' '));
  assert.ok(paths.some((p) => p.startsWith('/packages/stripe')), paths.join(' '));
});

test('every package SPEC §6.3 lists has an entry, with at least one data-handing call', () => {
  for (const name of SPEC_PACKAGES) {
    const entry = catalogue.entryOf(name);
    assert.ok(entry, `${name} is missing`);
    assert.ok(entry.calls.length > 0, `${name} has no calls`);
  }
});

test('vendors referenced by packages and calls exist; sameAs names an entry; host patterns compile', () => {
  const raw = data as unknown as { vendors: Record<string, { hosts: Array<{ regex: string }> }>; packages: Record<string, { sameAs?: string; vendor?: string | null; calls?: Array<{ vendor?: string }> }> };
  for (const [name, p] of Object.entries(raw.packages)) {
    if (p.sameAs) assert.ok(raw.packages[p.sameAs] && !raw.packages[p.sameAs].sameAs, `${name}: sameAs ${p.sameAs}`);
    if (p.vendor) assert.ok(raw.vendors[p.vendor], `${name}: vendor ${p.vendor}`);
    for (const c of p.calls ?? []) if (c.vendor) assert.ok(raw.vendors[c.vendor], `${name}: call vendor ${c.vendor}`);
  }
  for (const v of Object.values(raw.vendors)) for (const h of v.hosts) assert.doesNotThrow(() => new RegExp(h.regex));
});

test('every vendor says how to pin its region in English and Japanese', () => {
  for (const v of catalogue.vendors.values()) {
    assert.ok(v.pin.en.length > 20, v.id);
    assert.match(v.pin.ja, /[\u3040-\u30ff\u3400-\u9fff]/, v.id);
  }
});

test('call paths: ** spans any names, * one name or part of one; args say which arguments carry data', () => {
  const stripe = catalogue.entryOf('stripe')!;
  assert.ok(catalogue.matchCall(stripe, ['checkout', 'sessions', 'create']));
  assert.ok(catalogue.matchCall(stripe, ['create']));
  assert.equal(catalogue.matchCall(stripe, ['webhooks', 'constructEvent']), undefined);
  const sentry = catalogue.entryOf('@sentry/node')!;
  assert.deepEqual(catalogue.matchCall(sentry, ['setContext'])?.call.args, [1]);
  assert.equal(catalogue.matchCall(sentry, ['init']), undefined);
  assert.ok(catalogue.matchesPath('sendEach*', ['sendEachForMulticast']));
  assert.equal(catalogue.matchesPath('send', ['client', 'send']), false);
});

test('subpath imports resolve to their package; a call can name another vendor', () => {
  assert.equal(catalogue.entryOf('firebase-admin/messaging')?.name, 'firebase-admin');
  assert.equal(packageName('@scope/pkg/sub/path'), '@scope/pkg');
  const messaging = catalogue.matchCall(catalogue.entryOf('firebase-admin')!, ['getMessaging', 'send']);
  assert.equal(messaging?.vendor?.id, 'firebase-services');
  assert.equal(catalogue.entryOf('left-pad'), undefined);
});

test('vendor hosts: DSN and site hosts reveal their country', () => {
  assert.equal(catalogue.matchHost('o123.ingest.de.sentry.io')?.country, 'DE');
  assert.equal(catalogue.matchHost('o123.ingest.us.sentry.io')?.country, 'US');
  assert.equal(catalogue.matchHost('ap1.datadoghq.com')?.country, 'JP');
  assert.equal(catalogue.matchHost('browser-intake-ap1-datadoghq.com'), undefined);
  assert.equal(catalogue.matchHost('api.stripe.com')?.vendor.id, 'stripe');
  assert.equal(catalogue.matchHost('jp.api.openai.com')?.country, 'JP');
  assert.equal(catalogue.matchHost('example.com'), undefined);
});

test('docs/sdk-catalogue.md and its Japanese page are up to date with the data file', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'catalogue-doc.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

function file(name: string, text: string): ts.SourceFile {
  return ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true);
}

test('the gate: catalogue matching is off for a workspace importing none of the packages, on when one file does', () => {
  const followed = (spec: string): boolean => catalogue.entryOf(spec) !== undefined;
  const plain = [file('/w/a.ts', "import { x } from './b';\nimport axios from 'axios';\nexport const y = x;"), file('/w/b.ts', 'export const x = 1;')];
  assert.equal(new DestinationGate(plain, new Map(), undefined, followed).usesSdk, false);
  const withSdk = [...plain, file('/w/c.ts', "const Stripe = require('stripe');\nimport * as Sentry from '@sentry/node';")];
  const gate = new DestinationGate(withSdk, new Map(), undefined, followed);
  assert.equal(gate.usesSdk, true);
  assert.deepEqual(gate.filesImporting('stripe').map((sf) => sf.fileName), ['/w/c.ts']);
  assert.deepEqual(gate.filesImporting('@sentry/node').map((sf) => sf.fileName), ['/w/c.ts']);
});

test('dotenv files: assignments, export, quotes and comments; other lines are reported by number', () => {
  const values: Record<string, string> = {};
  const bad: number[] = [];
  const text = ['# comment', 'AWS_REGION=ap-northeast-1', 'export SENTRY_DSN="https://k@o1.ingest.de.sentry.io/2"', '', "QUOTED='a # b'", 'PLAIN=x # trailing', 'not an assignment'].join('\n');
  parseDotenv(text, (k, v) => { values[k] = v; }, (line) => bad.push(line));
  assert.deepEqual(values, { AWS_REGION: 'ap-northeast-1', SENTRY_DSN: 'https://k@o1.ingest.de.sentry.io/2', QUOTED: 'a # b', PLAIN: 'x' });
  assert.deepEqual(bad, [7]);
});

test('installed typings change nothing: the fixture with node_modules reports what its twin without reports', () => {
  const fixtures = path.join(ROOT, 'test', 'fixtures');
  assert.ok(fs.existsSync(path.join(fixtures, 'sdk-typings', 'node_modules', 'stripe', 'index.d.ts')));
  assert.ok(!fs.existsSync(path.join(fixtures, 'sdk-untyped', 'node_modules')));
  assert.equal(fs.readFileSync(path.join(fixtures, 'sdk-typings', 'expected.txt'), 'utf8'), fs.readFileSync(path.join(fixtures, 'sdk-untyped', 'expected.txt'), 'utf8'));
});

test('catalogue findings in both languages: JPR010 says how to pin the region, others that a Japan region is offered', () => {
  const root = path.join(ROOT, 'test', 'fixtures', 'sdk-catalogue').replace(/\\/g, '/');
  for (const [lang, pin, japan] of [
    ['en', 'api.intercom.io routes to the workspace\'s region', 'offers a region in Japan (docs/sdk-catalogue.md)'],
    ['ja', 'api.intercom.io はワークスペースのリージョンに振り分けます', 'は日本のリージョンを提供しています（docs/sdk-catalogue.md）'],
  ] as const) {
    const result = checkWorkspace(createNodeHost(), { root, lang });
    const unresolved = result.findings.find((f) => f.rule === 'JPR010' && f.location.file === 'src/ai.ts');
    assert.ok(unresolved?.message.includes(pin), unresolved?.message);
    assert.ok(unresolved?.message.includes('Intercom, Inc.'), unresolved?.message);
    const openai = result.findings.find((f) => f.rule === 'JPR001' && f.location.file === 'src/ai.ts');
    assert.ok(openai?.message.endsWith(japan), openai?.message);
    assert.equal(openai?.destination.party, 'catalogue:openai');
    assert.equal(openai?.destination.access, 'contractor-overseas');
    // The data map and the transfer register list the vendor as a party.
    assert.ok(result.flows.some((f) => f.parties.some((p) => p.id === 'catalogue:stripe' && p.country === 'US')));
  }
});

test('vendors pinned to Japan: every personal-data call is seen, each in Japan, and nothing is flagged', () => {
  const root = path.join(ROOT, 'test', 'fixtures', 'sdk-japan').replace(/\\/g, '/');
  const result = checkWorkspace(createNodeHost(), { root });
  assert.deepEqual(result.findings, []);
  const places = result.flows.map((f) => `${f.sinkLocation.line} ${f.country ?? f.parties.map((p) => `${p.id}@${p.country}`).join(',')}`);
  assert.deepEqual(places, [
    '20 catalogue:twilio@JP', '21 catalogue:openai@JP', '22 catalogue:datadog@JP', '23 catalogue:alibaba@JP', '24 catalogue:google-cloud@JP', '26 JP',
  ]);
});
