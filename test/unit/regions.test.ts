/**
 * Tests of the region catalogue: resolving `@region` values and matching endpoint hosts (SPEC §3.2, §6.3),
 * and of the country lists it relies on.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRegionCatalog, normalizeHost } from '../../src/core/vocabulary/regionCatalog';
import { EQUIVALENT_COUNTRIES, ISO_COUNTRIES, ISO_COUNTRY_CODES } from '../../src/core/data/countries';
import data from '../../src/core/data/regions.json';

const catalog = createRegionCatalog();

test('provider:code resolves to that provider\'s region', () => {
  assert.deepEqual(catalog.resolve('aws:ap-northeast-2'), {
    ok: true,
    resolved: { region: 'aws:ap-northeast-2', country: 'KR', label: 'Asia Pacific (Seoul)' },
  });
  assert.deepEqual(catalog.resolve('azure:koreacentral'), {
    ok: true,
    resolved: { region: 'azure:koreacentral', country: 'KR', label: 'Korea Central' },
  });
  assert.deepEqual(catalog.resolve('alibaba:cn-shanghai'), {
    ok: true,
    resolved: { region: 'alibaba:cn-shanghai', country: 'CN', label: 'Shanghai, China' },
  });
});

test('a bare code unique across providers resolves', () => {
  assert.deepEqual(catalog.resolve('asia-northeast3'), {
    ok: true,
    resolved: { region: 'gcp:asia-northeast3', country: 'KR', label: 'Seoul, South Korea' },
  });
  assert.deepEqual(catalog.resolve('  koreacentral '), {
    ok: true,
    resolved: { region: 'azure:koreacentral', country: 'KR', label: 'Korea Central' },
  });
});

test('a bare code of several providers is ambiguous and lists the choices', () => {
  assert.deepEqual(catalog.resolve('ap-northeast-1'), {
    ok: false,
    message: 'Region code "ap-northeast-1" is ambiguous: it exists in aws and alibaba; write one of "aws:ap-northeast-1", "alibaba:ap-northeast-1"',
  });
});

test('an ISO country resolves to the country alone', () => {
  assert.deepEqual(catalog.resolve('KR'), { ok: true, resolved: { region: null, country: 'KR', label: 'KR' } });
  // naver's region code "HK" is also a country code: the country reading wins, naver:HK stays reachable
  assert.deepEqual(catalog.resolve('HK'), { ok: true, resolved: { region: null, country: 'HK', label: 'HK' } });
  assert.deepEqual(catalog.resolve('naver:HK'), {
    ok: true,
    resolved: { region: 'naver:HK', country: 'HK', label: 'HongKong (regionNo 3)' },
  });
  const lower = catalog.resolve('kr');
  assert.equal(lower.ok, false);
  assert.equal(lower.ok === false && lower.suggestion, 'KR');
  assert.equal(catalog.resolve('XX').ok, false);
});

test('a name from the config\'s regions resolves through its value, also through other names', () => {
  const config = { 'media-store': 'aws:ap-northeast-2', backup: 'media-store', tokyo: 'JP' };
  assert.deepEqual(catalog.resolve('media-store', config), {
    ok: true,
    resolved: { region: 'aws:ap-northeast-2', country: 'KR', label: 'Asia Pacific (Seoul)' },
  });
  assert.deepEqual(catalog.resolve('backup', config), catalog.resolve('media-store', config));
  assert.deepEqual(catalog.resolve('tokyo', config), { ok: true, resolved: { region: null, country: 'JP', label: 'JP' } });
  // a config name can disambiguate an ambiguous bare code
  assert.deepEqual(catalog.resolve('ap-northeast-1', { 'ap-northeast-1': 'alibaba:ap-northeast-1' }), {
    ok: true,
    resolved: { region: 'alibaba:ap-northeast-1', country: 'JP', label: 'Tokyo, Japan' },
  });
});

test('config names that refer to each other in a cycle fail instead of looping', () => {
  assert.deepEqual(catalog.resolve('a', { a: 'b', b: 'a' }), {
    ok: false,
    message: 'Region names in "regions" of residency.config.json refer to each other in a cycle: a → b → a',
  });
  assert.deepEqual(catalog.resolve('x', { x: 'aws:ap-nrtheast-2' }), {
    ok: false,
    message: 'Region name "x" is "aws:ap-nrtheast-2": Unknown aws region "ap-nrtheast-2" (did you mean "aws:ap-northeast-2"?)',
  });
});

test('unknown regions fail with a "did you mean" suggestion', () => {
  assert.deepEqual(catalog.resolve('aws:ap-northest-2'), {
    ok: false,
    message: 'Unknown aws region "ap-northest-2"',
    suggestion: 'aws:ap-northeast-2',
  });
  assert.deepEqual(catalog.resolve('asw:ap-northeast-2'), {
    ok: false,
    message: 'Unknown cloud provider "asw" in region "asw:ap-northeast-2"; providers are aws, gcp, azure, alibaba, oracle, tencent, naver',
    suggestion: 'aws:ap-northeast-2',
  });
  assert.deepEqual(catalog.resolve('koreacentrl'), {
    ok: false,
    message: 'Unknown region "koreacentrl"; write provider:code (e.g. aws:ap-northeast-1), an ISO country code (e.g. KR) or a name from "regions" in residency.config.json',
    suggestion: 'koreacentral',
  });
  assert.deepEqual(catalog.resolve('media-stor', { 'media-store': 'KR' }), {
    ok: false,
    message: 'Unknown region "media-stor"; write provider:code (e.g. aws:ap-northeast-1), an ISO country code (e.g. KR) or a name from "regions" in residency.config.json',
    suggestion: 'media-store',
  });
  assert.deepEqual(catalog.resolve(''), { ok: false, message: 'Missing region' });
});

test('GCP multi-regions: gcp:eu is a jurisdiction without one country, gcp:us is the US', () => {
  const eu = catalog.resolve('gcp:eu');
  assert.equal(eu.ok, true);
  assert.equal(eu.ok && eu.resolved.region, 'gcp:eu');
  assert.equal(eu.ok && eu.resolved.country, null);
  const us = catalog.resolve('gcp:us');
  assert.equal(us.ok && us.resolved.country, 'US');
  assert.equal(catalog.resolve('eu').ok, false);
});

test('resolveProviderRegion looks a code up in one provider\'s table', () => {
  assert.deepEqual(catalog.resolveProviderRegion('aws', 'ap-northeast-2'), {
    region: 'aws:ap-northeast-2',
    country: 'KR',
    label: 'Asia Pacific (Seoul)',
  });
  assert.equal(catalog.resolveProviderRegion('aws', 'ap-northeast-1')?.country, 'JP');
  assert.equal(catalog.resolveProviderRegion('alibaba', 'ap-northeast-2')?.region, 'alibaba:ap-northeast-2');
  assert.equal(catalog.resolveProviderRegion('gcp', 'eu')?.country, null);
  assert.equal(catalog.resolveProviderRegion('aws', 'xx-nowhere-1'), undefined);
  assert.equal(catalog.resolveProviderRegion('aws', 'constructor'), undefined);
});

test('matchHost finds the region and country an endpoint host reveals', () => {
  const cases: Array<[string, string, string, string | null, string | null]> = [
    ['my-bucket.s3.ap-northeast-2.amazonaws.com', 'aws-s3-regional', 'aws', 'aws:ap-northeast-2', 'KR'],
    ['s3.amazonaws.com', 'aws-s3-global-legacy', 'aws', null, null],
    ['dynamodb.cn-north-1.amazonaws.com.cn', 'aws-regional-service', 'aws', 'aws:cn-north-1', 'CN'],
    ['asia-northeast1-aiplatform.googleapis.com', 'gcp-locational', 'gcp', 'gcp:asia-northeast1', 'JP'],
    ['storage.eu.rep.googleapis.com', 'gcp-multiregion-rep', 'gcp', 'gcp:eu', null],
    ['storage.us.rep.googleapis.com', 'gcp-multiregion-rep', 'gcp', 'gcp:us', 'US'],
    ['storage.googleapis.com', 'gcp-global', 'gcp', null, null],
    ['myacct.blob.core.chinacloudapi.cn', 'azure-china-sovereign', 'azure', null, 'CN'],
    ['dashscope-intl.aliyuncs.com', 'alibaba-dashscope-hosts', 'alibaba', 'alibaba:ap-southeast-1', 'SG'],
    ['dashscope.aliyuncs.com', 'alibaba-dashscope-hosts', 'alibaba', 'alibaba:cn-beijing', 'CN'],
    ['kr.object.ncloudstorage.com', 'naver-object-storage', 'naver', 'naver:kr-standard', 'KR'],
    ['bucket.kr.ncloudstorage.com', 'naver-ncloud-storage', 'naver', 'naver:KR', 'KR'],
    ['objectstorage.ap-tokyo-1.oraclecloud.com', 'oci-objectstorage', 'oracle', 'oracle:ap-tokyo-1', 'JP'],
    ['cvm.ap-seoul.tencentcloudapi.com', 'tencent-api-regional', 'tencent', 'tencent:ap-seoul', 'KR'],
  ];
  for (const [host, patternId, provider, region, country] of cases) {
    assert.deepEqual(catalog.matchHost(host), { matched: true, patternId, provider, region, country }, host);
  }
});

test('matchHost: a known provider host with an unknown region code keeps the pattern\'s country', () => {
  assert.deepEqual(catalog.matchHost('chinanowhere9.stt.speech.azure.cn'), {
    matched: true, patternId: 'azure-china-speech', provider: 'azure', region: null, country: 'CN',
  });
  assert.deepEqual(catalog.matchHost('dynamodb.xx-nowhere-1.amazonaws.com'), {
    matched: true, patternId: 'aws-regional-service', provider: 'aws', region: null, country: null,
  });
});

test('matchHost: unknown hosts do not match', () => {
  const none = { matched: false, patternId: null, provider: null, region: null, country: null };
  assert.deepEqual(catalog.matchHost('api.example.com'), none);
  assert.deepEqual(catalog.matchHost('localhost:8080'), none);
  assert.deepEqual(catalog.matchHost(''), none);
});

test('matchHost ignores case, a port and a trailing dot', () => {
  const expected = { matched: true, patternId: 'aws-s3-regional', provider: 'aws', region: 'aws:ap-northeast-2', country: 'KR' };
  assert.deepEqual(catalog.matchHost('My-Bucket.S3.AP-NORTHEAST-2.AmazonAWS.com'), expected);
  assert.deepEqual(catalog.matchHost('my-bucket.s3.ap-northeast-2.amazonaws.com:443'), expected);
  assert.deepEqual(catalog.matchHost('my-bucket.s3.ap-northeast-2.amazonaws.com.'), expected);
  assert.deepEqual(catalog.matchHost('my-bucket.s3.ap-northeast-2.amazonaws.com.:8443'), expected);
  assert.equal(normalizeHost('[::1]:443'), '::1');
  assert.equal(normalizeHost('::1'), '::1');
});

test('allRegionNames lists provider:code and unique bare codes only', () => {
  const names = catalog.allRegionNames();
  assert.ok(names.includes('aws:ap-northeast-2'));
  assert.ok(names.includes('alibaba:ap-northeast-1'));
  assert.ok(names.includes('gcp:eu'));
  assert.ok(names.includes('koreacentral'));
  assert.ok(!names.includes('ap-northeast-1'), 'ambiguous bare code');
  assert.ok(!names.includes('KR'), 'naver code that reads as a country');
  for (const name of names) assert.equal(catalog.resolve(name).ok, true, name);
});

test('isCountry accepts assigned ISO 3166-1 alpha-2 codes only', () => {
  assert.equal(catalog.isCountry('JP'), true);
  assert.equal(catalog.isCountry('TW'), true);
  assert.equal(catalog.isCountry('jp'), false);
  assert.equal(catalog.isCountry('UK'), false);
  assert.equal(catalog.isCountry('EU'), false);
});

test('country lists: 249 ISO codes; equivalent countries are EU 27 + IS, LI, NO + GB', () => {
  assert.equal(ISO_COUNTRY_CODES.length, 249);
  assert.equal(ISO_COUNTRIES.size, 249);
  assert.equal(EQUIVALENT_COUNTRIES.size, 31);
  for (const c of ['DE', 'FR', 'IE', 'IS', 'LI', 'NO', 'GB']) assert.ok(EQUIVALENT_COUNTRIES.has(c), c);
  for (const c of ['CH', 'US', 'KR', 'JP']) assert.ok(!EQUIVALENT_COUNTRIES.has(c), c);
  for (const c of EQUIVALENT_COUNTRIES) assert.ok(ISO_COUNTRIES.has(c), c);
});

test('every country in the region data is an ISO code, and every hostname pattern compiles', () => {
  const tables = [data.aws, data.gcp, data.azure, data.alibaba, data.oracle, data.tencent, data.naver];
  for (const table of tables) {
    for (const [code, entry] of Object.entries(table) as Array<[string, { country: string | null }]>) {
      assert.ok(entry.country === null || ISO_COUNTRIES.has(entry.country), code);
    }
  }
  assert.equal(data.hostname_patterns.length, 35);
  for (const p of data.hostname_patterns) assert.doesNotThrow(() => new RegExp(p.regex), p.id);
});
