/**
 * Incremental runs with the infrastructure join: the region of a storage write is decided by a Terraform
 * file or a CDK stack elsewhere, so editing either must give what a fresh run gives (the IaC files' texts
 * and the stacks' digest are part of the flow analysis's context key). Also: the join is opt-in — without
 * `iac` the same workspace reports the client's unresolved region.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnalysisSession, checkWorkspace, checkWorkspaceSession } from '../../src/core/engine';
import { memoryHost } from '../support/memoryHost';

const ROOT = '/virtual/iac';

const messages = (r: { findings: readonly { rule: string; location: { file: string; line: number }; message: string }[] }): string[] =>
  r.findings.map((f) => `${f.rule} ${f.location.file}:${f.location.line} ${f.message}`).sort();

function workspace(): Record<string, string> {
  return {
    'residency.config.json': JSON.stringify({ iac: ['infra/*.tf'] }),
    'infra/main.tf': 'provider "aws" {\n  region = "ap-northeast-2"\n}\nresource "aws_s3_bucket" "m" {\n  bucket = "media"\n}\n',
    'src/model.ts': '/** @residency jp-with-basis */\nexport interface User {\n  /** @category contact */ email: string;\n}\n',
    'src/store.ts': [
      "import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';",
      "import type { User } from './model';",
      'const s3 = new S3Client({});',
      'export async function save(u: User): Promise<void> {',
      "  await s3.send(new PutObjectCommand({ Bucket: process.env.MEDIA, Body: u.email }));",
      "  await s3.send(new PutObjectCommand({ Bucket: process.env.EXPORTS, Body: u.email }));",
      '}',
      '',
    ].join('\n'),
    'src/stack.ts': [
      "import * as cdk from 'aws-cdk-lib';",
      "import * as s3 from 'aws-cdk-lib/aws-s3';",
      "import * as lambda from 'aws-cdk-lib/aws-lambda';",
      'const app = new cdk.App();',
      "const stack = new cdk.Stack(app, 'S', { env: { region: 'eu-west-1' } });",
      "const bucket = new s3.Bucket(stack, 'Exports');",
      "new lambda.Function(stack, 'F', { environment: { EXPORTS: bucket.bucketName, MEDIA: 'media' } });",
      '',
    ].join('\n'),
  };
}

test('editing a Terraform file or a CDK stack: incremental runs equal fresh runs', () => {
  const files = workspace();
  const host = memoryHost(ROOT, files);
  const session = new AnalysisSession();
  const first = messages(checkWorkspaceSession(host, { root: ROOT, session }).result);
  assert.deepEqual(first, messages(checkWorkspace(host, { root: ROOT })));
  assert.ok(first.some((m) => /JPR005 .* bucket aws_s3_bucket\.m in aws:ap-northeast-2/.test(m)), first.join('\n'));
  assert.ok(first.some((m) => /JPR005 .* bucket s3\.Bucket 'Exports' in aws:eu-west-1/.test(m)), first.join('\n'));
  const edits: Array<[string, (s: string) => string, RegExp]> = [
    ['infra/main.tf', (s) => s.replace('ap-northeast-2', 'us-west-2'), /bucket aws_s3_bucket\.m in aws:us-west-2/],
    ['src/stack.ts', (s) => s.replace('eu-west-1', 'sa-east-1'), /bucket s3\.Bucket 'Exports' in aws:sa-east-1/],
    ['src/stack.ts', (s) => s.replace(", { env: { region: 'sa-east-1' } }", ''), /environment-agnostic/],
  ];
  for (const [file, edit, expected] of edits) {
    files[file] = edit(files[file]);
    const incremental = messages(checkWorkspaceSession(host, { root: ROOT, session }).result);
    assert.deepEqual(incremental, messages(checkWorkspace(host, { root: ROOT })), `after editing ${file}`);
    assert.ok(incremental.some((m) => expected.test(m)), incremental.join('\n'));
  }
});

test('without "iac" nothing of the infrastructure is read: the client\'s unresolved region stands', () => {
  const files = workspace();
  files['residency.config.json'] = '{}';
  const found = messages(checkWorkspace(memoryHost(ROOT, files), { root: ROOT }));
  assert.ok(found.length > 0 && found.every((m) => /JPR010 .*S3Client with a region not known at analysis time/.test(m)), found.join('\n'));
});

test('a Japan flow through the infrastructure gets country JP and its steps (flows of the data map)', () => {
  const files = workspace();
  files['infra/main.tf'] = files['infra/main.tf'].replace('ap-northeast-2', 'ap-northeast-1');
  const r = checkWorkspace(memoryHost(ROOT, files), { root: ROOT });
  const media = r.flows.filter((f) => f.sinkLocation.line === 5);
  assert.deepEqual(media.map((f) => [f.country, f.region, f.unresolved]), [['JP', 'aws:ap-northeast-1', false]]);
  assert.ok(!r.findings.some((f) => f.location.line === 5), 'no finding for the Tokyo bucket');
});

test('the path of a finding walks into the IaC files: binding, resource, region', () => {
  const r = checkWorkspace(memoryHost(ROOT, workspace()), { root: ROOT });
  const f = r.findings.find((x) => x.rule === 'JPR005' && x.location.line === 5);
  assert.ok(f);
  assert.deepEqual(f.path.slice(-3).map((s) => `${s.location.file}:${s.location.line}`), ['src/stack.ts:7', 'infra/main.tf:4', 'infra/main.tf:2']);
});

test('a client tagged with readers only keeps every place the infrastructure gives, with its steps', () => {
  const files = workspace();
  files['residency.config.json'] = JSON.stringify({ iac: ['infra/*.tf'], parties: { ops: { name: 'Ops contractor', access: 'contractor-overseas', country: 'CN' } } });
  files['infra/main.tf'] += 'resource "aws_s3_bucket" "r" {\n  bucket = "media"\n  provider = aws.us\n}\nprovider "aws" {\n  alias = "us"\n  region = "us-east-1"\n}\n';
  files['src/store.ts'] = files['src/store.ts'].replace('const s3 = new S3Client({});', '/** @readable-by ops */\nconst s3 = new S3Client({});');
  const r = checkWorkspace(memoryHost(ROOT, files), { root: ROOT });
  const media = r.flows.filter((f) => f.sinkLocation.line === 6);
  assert.deepEqual(media.map((f) => [f.country, f.parties.map((p) => p.id).join(',')]).sort(), [['KR', 'ops'], ['US', 'ops']]);
  const kr = r.findings.find((f) => f.location.line === 6 && f.destination.country === 'KR');
  assert.ok(kr && kr.path.some((s) => s.location.file === 'infra/main.tf'), JSON.stringify(r.findings.map((f) => [f.rule, f.location.line, f.destination.country])));
});
