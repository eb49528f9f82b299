/**
 * `--format disclosure` (SPEC §7.2 v2, issue 20): golden files of the draft in English and Japanese for the
 * LINE-like sample and for a workspace whose data reaches many countries (test/workspaces/disclosure-multi),
 * and properties every draft must have — the draft banner on every section, every foreign country the
 * register lists, Rule 17(3) wording for unresolved destinations, Rule 17(4) wording where a party records no
 * measures. Regenerate the golden files with UPDATE_GOLDEN=1 (then read the diff).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { DISCLOSURE_TEXT } from '../src/core/report/disclosureText';
import { REPO, runInProcess } from './support/cli';

const VERSION: string = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;
const GOLDEN = path.join(REPO, 'test/golden/disclosure');
const WORKSPACES = { sample: path.join(REPO, 'sample'), 'multi-country': path.join(REPO, 'test/workspaces/disclosure-multi') };

type Lang = 'en' | 'ja';

/** The draft of a workspace; the version is replaced so that a release does not change the golden files. */
function draft(name: keyof typeof WORKSPACES, lang: Lang): string {
  const r = runInProcess(['check', WORKSPACES[name], '--format', 'disclosure', '--lang', lang, '--repository', name], REPO);
  assert.equal(r.code, 1, r.stderr);
  return r.stdout.split(` ${VERSION} `).join(' <version> ');
}

/** The countries of the register's "countries the privacy policy must name" table. */
function registerCountries(name: keyof typeof WORKSPACES): string[] {
  const r = runInProcess(['check', WORKSPACES[name], '--format', 'markdown', '--lang', 'en'], REPO);
  const section = r.stdout.split('## Countries the privacy policy must name')[1].split('\n## ')[0];
  return [...section.matchAll(/^\| ([A-Z]{2}) \(/gm)].map((m) => m[1]);
}

describe('golden files of the disclosure draft', () => {
  for (const name of Object.keys(WORKSPACES) as (keyof typeof WORKSPACES)[]) {
    for (const lang of ['en', 'ja'] as const) {
      test(`${name}, ${lang}`, () => {
        const file = path.join(GOLDEN, `${name}.${lang}.md`);
        const text = draft(name, lang);
        if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, text);
        assert.equal(text, fs.readFileSync(file, 'utf8'));
      });
    }
  }
});

describe('what every draft holds', () => {
  for (const name of Object.keys(WORKSPACES) as (keyof typeof WORKSPACES)[]) {
    for (const lang of ['en', 'ja'] as const) {
      test(`${name}, ${lang}: the draft banner on every section, every country of the register, Rules 17(3) and 17(4)`, () => {
        const t = DISCLOSURE_TEXT[lang];
        const text = draft(name, lang);
        const sections = text.split('\n## ').slice(1).filter((s) => !s.startsWith(t.caveatsHeading.slice(3)));
        assert.equal(sections.length, 4);
        for (const s of sections) assert.ok(s.includes(t.sectionDraft), `no draft marker in section ${s.split('\n')[0]}`);
        assert.ok(text.startsWith(`${t.title}\n\n${t.draftBanner}`));
        assert.ok(text.trimEnd().endsWith(t.draftBanner));
        for (const country of registerCountries(name)) assert.ok(text.includes(`${country})`) || text.includes(`${country}）`), `${country} missing`);
        assert.ok(text.includes(t.rule17_3), 'both workspaces have an unresolved destination');
        assert.ok(text.includes(t.rule17_4), 'both workspaces have a recipient without measures');
      });
    }
  }

  test('a party\'s measures are shown instead of the Rule 17(4) wording', () => {
    const text = draft('sample', 'en');
    const row = text.split('\n').find((l) => l.startsWith('| Messenger Plus Corporation |'));
    assert.ok(row?.includes('Group data-protection agreement GDPA-2021 §4'), row);
    assert.ok(!row?.includes('Rules Art. 17(4)'));
  });

  test('the external-transmission notice lists the browser SDKs of the catalogue with their purpose', () => {
    const text = draft('multi-country', 'ja');
    const section = text.split('## C. ')[1].split('\n## ')[0];
    assert.match(section, /\| `@sentry\/browser` \|.*\| Functional Software, Inc\. \(Sentry\) \|.*\| ウェブアプリケーションのエラーおよび性能の監視/);
    assert.match(section, /\| `@datadog\/browser-rum` \|.*\| Datadog, Inc\. \| アメリカ合衆国（US） \|/);
  });
});
