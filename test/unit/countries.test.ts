/**
 * The country data file (`src/core/data/countries.json`, issue 20): valid against its schema, every source it
 * cites declared, the PPC survey's 40 jurisdictions and the designated EU/EEA/UK countries present, every
 * "verified" fact backed by a PPC page; and the engine takes from it the equivalent countries and the default
 * of the config's `intelligenceCooperation`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { defaultConfig } from '../../src/core/config/loadConfig';
import { EQUIVALENT_COUNTRIES, EU_MEMBER_STATES, isIsoCountry } from '../../src/core/data/countries';
import { COUNTRY_SYSTEMS, DEFAULT_INTELLIGENCE_COOPERATION, countrySource } from '../../src/core/data/countrySystems';

const ROOT = path.join(__dirname, '..', '..', '..');
const FACTS = ['designated', 'apecCbpr', 'oecdPrinciples', 'localisation', 'governmentAccess', 'intelligenceCooperation', 'ppcReport'] as const;

/** The jurisdictions of the PPC survey (the US states and the UAE free zones are parts of US and AE). */
const SURVEYED = ['US', 'AE', 'IN', 'ID', 'UA', 'AU', 'CA', 'KH', 'SG', 'CH', 'TH', 'KR', 'TW', 'CN', 'TR', 'NZ', 'PH', 'BR', 'VN', 'HK',
  'MY', 'MM', 'MX', 'LA', 'RU', 'IL', 'QA', 'CR', 'TN', 'PA', 'PE', 'ZA', 'MA', 'MN'];

test('the data file is valid against schemas/countries.schema.json', () => {
  const schema: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'countries.schema.json'), 'utf8'));
  const data: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, 'src', 'core', 'data', 'countries.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema as object);
  assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
});

test('every code is an ISO country, every fact cites declared sources, and a verified fact cites a PPC page', () => {
  for (const c of COUNTRY_SYSTEMS.values()) {
    assert.ok(isIsoCountry(c.code), c.code);
    for (const key of FACTS) {
      for (const id of c[key].sources) assert.ok(countrySource(id), `${c.code}.${key} cites undeclared source ${id}`);
      if (c[key].status === 'verified') assert.ok(c[key].sources.some((id) => countrySource(id)?.kind === 'ppc'), `${c.code}.${key} is verified without a PPC page`);
    }
  }
});

test('the PPC survey\'s jurisdictions and the designated countries are all present', () => {
  for (const code of SURVEYED) assert.equal(COUNTRY_SYSTEMS.get(code)?.designated.value, false, code);
  const designated = [...COUNTRY_SYSTEMS.values()].filter((c) => c.designated.value === true).map((c) => c.code).sort();
  assert.deepEqual(designated, [...EU_MEMBER_STATES, 'IS', 'LI', 'NO', 'GB'].sort());
  assert.deepEqual([...EQUIVALENT_COUNTRIES].sort(), designated);
});

test('the default of intelligenceCooperation comes from the data: the countries whose law obliges all organisations to cooperate', () => {
  const flagged = [...COUNTRY_SYSTEMS.values()].filter((c) => c.intelligenceCooperation.value === true).map((c) => c.code);
  assert.deepEqual(DEFAULT_INTELLIGENCE_COOPERATION, flagged);
  assert.deepEqual(DEFAULT_INTELLIGENCE_COOPERATION, ['CN']);
  assert.deepEqual(defaultConfig(undefined).intelligenceCooperation, ['CN']);
  for (const id of COUNTRY_SYSTEMS.get('CN')?.intelligenceCooperation.sources ?? []) assert.notEqual(countrySource(id)?.kind, 'none');
});

test('every entry has both names and both summaries', () => {
  for (const c of COUNTRY_SYSTEMS.values()) {
    for (const lang of ['en', 'ja'] as const) {
      assert.ok(c.name[lang].length > 0 && c.summary[lang].length > 20, `${c.code} ${lang}`);
    }
  }
});
