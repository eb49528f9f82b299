/**
 * Tests of the infrastructure readers and the join (src/core/iac): Terraform providers, aliases,
 * variables, tfvars environments, locations, replicas and env bindings (Lambda, ECS, container env);
 * serverless.yml regions and bindings; compose bindings; the join's places and the missing links it
 * names; the resource data file against its schema.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import data from '../../src/core/data/iac-resources.json';
import { readCompose } from '../../src/core/iac/compose';
import { IacIndex, type IacPlace } from '../../src/core/iac/join';
import { mergeFacts, type IacFacts, type RegionFact } from '../../src/core/iac/model';
import { kindOf, readIacFiles } from '../../src/core/iac/read';
import { loadConfig } from '../../src/core/config/loadConfig';
import { memoryHost } from '../support/memoryHost';
import { readServerless } from '../../src/core/iac/serverless';
import { readTerraform } from '../../src/core/iac/terraform';
import { createRegionCatalog } from '../../src/core/vocabulary/regionCatalog';

const ROOT = path.resolve(__dirname, '../../..');
const regions = createRegionCatalog();

function tf(files: Record<string, string>): IacFacts {
  return readTerraform(Object.entries(files).map(([rel, text]) => ({ file: `/w/${rel}`, rel, text })));
}

function regionsOf(facts: IacFacts, key: string): string[] {
  const r = facts.resources.find((x) => x.key === key);
  assert.ok(r, `resource ${key}`);
  return r.regions().map(show);
}

function show(f: RegionFact): string {
  return 'value' in f ? `${f.role} ${f.value.provider}:${f.value.code}` : `${f.role} ! ${f.missing}`;
}

function places(ps: readonly IacPlace[]): string[] {
  return ps.map((p) => (p.region ? `${p.replica ? 'replica ' : ''}${p.region.country} ${p.region.region}` : `! ${p.missing}`));
}

test('the data file is valid against schemas/iac-resources.schema.json, which rejects a malformed entry', () => {
  const schema: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'iac-resources.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema as object);
  assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
  const bad = structuredClone(data) as { terraform: { resources: Record<string, unknown> }; cloudformation: Record<string, unknown> };
  bad.terraform.resources.aws_s3_bucket = { kind: 'bucket' };
  bad.cloudformation['S3 bucket'] = { kind: 'bucket', name: 'BucketName' };
  assert.equal(validate(bad), false);
});

test('Terraform: provider alias, default provider, variable default, tfvars environments, resource location', () => {
  const facts = tf({
    'infra/main.tf': [
      'provider "aws" { region = var.region }',
      'provider "aws" {',
      '  alias  = "seoul"',
      '  region = "ap-northeast-2"',
      '}',
      'variable "region" { default = "ap-northeast-1" }',
      'variable "env" {}',
      'resource "aws_s3_bucket" "a" { bucket = "a-${var.env}" }',
      'resource "aws_s3_bucket" "b" {',
      '  provider = aws.seoul',
      '  bucket   = "b"',
      '}',
      'resource "google_storage_bucket" "g" {',
      '  name     = "g"',
      '  location = "ASIA-NORTHEAST1"',
      '}',
      'resource "aws_s3_bucket" "nowhere" {',
      '  provider = aws.virginia',
      '}',
      '',
    ].join('\n'),
    'infra/env/prod.tfvars': 'env = "prod"\n',
    'infra/env/dev.tfvars': 'env = "dev"\nregion = "us-east-1"\n',
  });
  assert.deepEqual(facts.problems, []);
  assert.deepEqual([...facts.resources.find((r) => r.key === 'tf:aws_s3_bucket.a')!.names].sort(), ['a-dev', 'a-prod']);
  // dev.tfvars sets the region; prod.tfvars leaves the default.
  assert.deepEqual(regionsOf(facts, 'tf:aws_s3_bucket.a'), ['primary aws:us-east-1', 'primary aws:ap-northeast-1']);
  assert.deepEqual(regionsOf(facts, 'tf:aws_s3_bucket.b'), ['primary aws:ap-northeast-2']);
  assert.deepEqual(regionsOf(facts, 'tf:google_storage_bucket.g'), ['primary gcp:asia-northeast1']);
  assert.deepEqual(regionsOf(facts, 'tf:aws_s3_bucket.nowhere'), ['primary ! no provider "aws.virginia" block is declared in the files read']);
  const steps = facts.resources.find((r) => r.key === 'tf:aws_s3_bucket.b')!.regions()[0].steps;
  assert.deepEqual(steps.map((s) => `${s.loc.file}:${s.loc.line}:${s.loc.column}`), ['/w/infra/main.tf:10:3', '/w/infra/main.tf:4:3']);
});

test('Terraform: a region variable without default or tfvars value names the missing link; a provider without region too', () => {
  const facts = tf({
    'main.tf': 'provider "aws" { region = var.region }\nvariable "region" { type = string }\nresource "aws_sqs_queue" "q" { name = "q" }\n',
    'other/main.tf': 'provider "aws" {}\nresource "aws_sqs_queue" "r" { name = "r" }\n',
  });
  assert.deepEqual(regionsOf(facts, 'tf:aws_sqs_queue.q'), ['primary ! region is variable region, which has no default and no *.tfvars value']);
  assert.deepEqual(regionsOf(facts, 'tf:aws_sqs_queue.r'), ['primary ! provider "aws" sets no region']);
});

test('Terraform: DynamoDB replicas and S3 replication add places', () => {
  const facts = tf({
    'main.tf': [
      'provider "aws" { region = "ap-northeast-1" }',
      'provider "aws" {',
      '  alias  = "us"',
      '  region = "us-west-2"',
      '}',
      'resource "aws_dynamodb_table" "t" {',
      '  name = "t"',
      '  replica { region_name = "eu-west-1" }',
      '}',
      'resource "aws_s3_bucket" "src" { bucket = "src" }',
      'resource "aws_s3_bucket" "dst" {',
      '  provider = aws.us',
      '  bucket   = "dst"',
      '}',
      'resource "aws_s3_bucket_replication_configuration" "r" {',
      '  bucket = aws_s3_bucket.src.id',
      '  rule {',
      '    destination { bucket = aws_s3_bucket.dst.arn }',
      '  }',
      '}',
      '',
    ].join('\n'),
  });
  assert.deepEqual(regionsOf(facts, 'tf:aws_dynamodb_table.t'), ['primary aws:ap-northeast-1', 'replica aws:eu-west-1']);
  assert.deepEqual(regionsOf(facts, 'tf:aws_s3_bucket.src'), ['primary aws:ap-northeast-1', 'replica aws:us-west-2']);
});

test('Terraform: env bindings of Lambda, ECS container definitions (through locals) and container env blocks', () => {
  const facts = tf({
    'main.tf': [
      'provider "aws" { region = "ap-northeast-1" }',
      'locals { b = aws_s3_bucket.m.bucket }',
      'resource "aws_s3_bucket" "m" { bucket = "m" }',
      'resource "aws_lambda_function" "f" {',
      '  environment {',
      '    variables = { A = aws_s3_bucket.m.bucket, B = "literal", C = var.missing }',
      '  }',
      '}',
      'resource "aws_ecs_task_definition" "t" {',
      '  container_definitions = jsonencode([{ environment = [{ name = "D", value = local.b }] }])',
      '}',
      'resource "google_cloud_run_service" "s" {',
      '  template {',
      '    spec {',
      '      containers {',
      '        env {',
      '          name  = "E"',
      '          value = "e"',
      '        }',
      '      }',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n'),
  });
  const shown = facts.bindings.map((b) => `${b.name} ${b.value.kind === 'resource' ? b.value.resource.key : b.value.kind === 'text' ? b.value.text : `! ${b.value.why}`} @${b.at.loc.line}`);
  assert.deepEqual(shown, ['A tf:aws_s3_bucket.m @6', 'B literal @6', 'C ! variable missing is not declared @6', 'D tf:aws_s3_bucket.m @10', 'E e @16']);
});

test('serverless.yml: region with a deploy-time fallback, the framework default, self references, Ref and GetAtt bindings', () => {
  const text = [
    'service: s',
    'provider:',
    '  name: aws',
    "  region: ${opt:region, self:custom.region}",
    '  environment:',
    '    A: !Ref Bucket',
    '    B:',
    "      'Fn::GetAtt': [Table, Arn]",
    '    C: ${self:custom.name}-${sls:stage}',
    '    D: ${env:UNSET}',
    'custom:',
    '  region: eu-west-1',
    '  name: x',
    'resources:',
    '  Resources:',
    '    Bucket:',
    '      Type: AWS::S3::Bucket',
    '      Properties:',
    '        BucketName: ${self:custom.name}',
    '    Table:',
    '      Type: AWS::DynamoDB::Table',
    '',
  ].join('\n');
  const facts = readServerless('/w/serverless.yml', 'serverless.yml', text);
  assert.deepEqual(facts.problems, []);
  assert.deepEqual(facts.resources.map((r) => `${r.label} ${r.names.join(',')} ${r.regions().map(show).join(',')}`), [
    'Bucket (serverless.yml) x primary aws:eu-west-1',
    'Table (serverless.yml)  primary aws:eu-west-1',
  ]);
  assert.deepEqual(facts.bindings.map((b) => `${b.name} ${b.value.kind === 'resource' ? b.value.resource.label : b.value.kind === 'text' ? b.value.text : `! ${b.value.why}`}`), [
    'A Bucket (serverless.yml)', 'B Table (serverless.yml)', 'C x-dev', 'D ! ${env:UNSET} has no value known before deploy',
  ]);
  const plain = readServerless('/w/s.yml', 's.yml', 'service: s\nprovider:\n  name: aws\nresources:\n  Resources:\n    Q:\n      Type: AWS::SQS::Queue\n');
  assert.deepEqual(plain.resources[0].regions().map(show), ['primary aws:us-east-1']);
  assert.match(plain.resources[0].regions()[0].steps[0].note, /Serverless Framework deploys to us-east-1/);
});

test('compose: map and list environments, defaults of interpolations, unknown values; YAML errors located', () => {
  const facts = readCompose('/w/compose.yaml', 'compose.yaml', 'services:\n  a:\n    environment:\n      - X=1\n      - Y=${Y:-two}\n  b:\n    environment:\n      Z: ${Z}\n');
  assert.deepEqual(facts.bindings.map((b) => `${b.name} ${b.value.kind === 'text' ? b.value.text : '!'} @${b.at.loc.line}`), ['X 1 @4', 'Y two @5', 'Z ! @8']);
  const bad = readCompose('/w/compose.yaml', 'compose.yaml', 'services:\n  a: [\n');
  assert.ok(bad.problems.length > 0 && bad.problems[0].loc.file === '/w/compose.yaml');
});

test('which files the iac globs hand to which reader', () => {
  assert.deepEqual(['infra/main.tf', 'env/prod.tfvars', 'serverless.yml', 'svc/serverless.prod.yaml', 'docker-compose.yml', 'compose.override.yaml', '.env', '.env.production', 'infra/outputs.json'].map(kindOf),
    ['terraform', 'terraform', 'serverless', 'serverless', 'compose', 'compose', 'env', 'env', undefined]);
});

test('the join: each environment and place is one place; each missing link says which', () => {
  const facts = mergeFacts([
    tf({
      'main.tf': 'provider "aws" { region = var.r }\nvariable "r" {}\nresource "aws_s3_bucket" "m" { bucket = "media" }\nresource "aws_s3_bucket" "t" {\n  provider = aws.tokyo\n  bucket = "tokyo"\n}\nprovider "aws" {\n  alias = "tokyo"\n  region = "ap-northeast-1"\n}\n',
      'prod.tfvars': 'r = "ap-northeast-2"\n',
      'dev.tfvars': 'r = "us-east-1"\n',
    }),
    readCompose('/w/compose.yml', 'compose.yml', 'services:\n  a:\n    environment:\n      MEDIA: media\n      OTHER: unknown-bucket\n  b:\n    environment:\n      MEDIA: tokyo\n'),
  ]);
  const index = new IacIndex(facts, { FROM_CONFIG: 'tokyo' }, regions);
  assert.deepEqual(places(index.placesOf({ kind: 'bucket', env: 'MEDIA' })), ['KR aws:ap-northeast-2', 'US aws:us-east-1', 'JP aws:ap-northeast-1']);
  assert.deepEqual(places(index.placesOf({ kind: 'bucket', env: 'OTHER' })), ['! OTHER = "unknown-bucket", but no bucket named "unknown-bucket" is declared in the iac files']);
  assert.deepEqual(places(index.placesOf({ kind: 'bucket', env: 'NONE' })), ['! no env binding for NONE in the iac files, env files or "env"']);
  assert.deepEqual(places(index.placesOf({ kind: 'bucket', env: 'FROM_CONFIG' })), ['JP aws:ap-northeast-1']);
  assert.deepEqual(places(index.placesOf({ kind: 'bucket', text: 'tokyo' })), ['JP aws:ap-northeast-1']);
  assert.deepEqual(places(index.placesOf({ kind: 'bucket', text: 'not-declared' })), []);
  const [kr] = index.placesOf({ kind: 'bucket', env: 'MEDIA' });
  assert.deepEqual(kr.steps.map((s) => `${s.loc.file}:${s.loc.line}`), ['/w/compose.yml:4', '/w/main.tf:3', '/w/main.tf:1', '/w/prod.tfvars:1']);
});

test('the iac globs through the FileHost: a folder gives its IaC files; a glob\'s other files, an empty glob and syntax errors are located problems', () => {
  const host = memoryHost('/w', {
    'infra/main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = \n}\n',
    'infra/README.md': '# infra\n',
    'infra/node_modules/x.tf': 'not read',
    'deploy/serverless.yml': 'service: s\n',
    'deploy/notes.txt': 'x\n',
  });
  const config = (iac: string[]) => ({ ...loadConfig(undefined, undefined, regions).config, iac: iac.map((pattern) => ({ pattern })) });
  const folder = readIacFiles(host, '/w', config(['infra']), 1 << 20);
  assert.deepEqual(folder.facts.problems.map((p) => `${p.loc.file}:${p.loc.line}:${p.loc.column} ${p.message}`), ['/w/infra/main.tf:2:12 expected an expression before the end of the line']);
  const globbed = readIacFiles(host, '/w', config(['deploy/*', 'nothing/**/*.tf']), 1 << 20);
  assert.deepEqual(globbed.facts.problems.map((p) => `${p.loc.file}:${p.loc.line} ${p.message}`).sort(), [
    '/w/deploy/notes.txt:1 deploy/notes.txt matches "iac" but is not a kind of file Residency Guard reads (Terraform, serverless.yml, compose, dotenv, Pulumi.<stack>.yaml); it is not used',
    '/w/residency.config.json:1 "iac" pattern "nothing/**/*.tf" matches no file',
  ]);
  assert.notEqual(folder.key, globbed.key);
});
