/**
 * Tests of the problem message catalogue (src/core/messages/problemMessages.ts): every message has an
 * English and a Japanese text, the Japanese ones are non-empty and written in Japanese, and a CLI run with
 * `--lang ja` reports the problems of a workspace (a misspelt annotation value, a suppression without a
 * reason, an unknown config key) in Japanese while `--lang en` keeps the English texts.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';
import {
  PROBLEM_MESSAGES,
  problemMessage,
  type ProblemMessageArgs,
  type ProblemMessageId,
} from '../../src/core/messages/problemMessages';

/** Hiragana, katakana or a CJK ideograph. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

const KINDS = new Set(['member', 'variable'] as const);

/** Sample placeholders for every message; the type makes a missing message a compile error. */
const SAMPLES: { readonly [K in ProblemMessageId]: ProblemMessageArgs[K] } = {
  unknownTag: { tag: 'residncy', suggestion: 'residency' },
  duplicateTag: { tag: 'category' },
  prismaClientMissing: { model: 'User' },
  objectAliasResidency: { alias: 'UserDoc' },
  tagNotAttached: { tag: 'category', allowed: KINDS },
  tagMisplaced: { tag: 'encrypts', here: 'member', allowed: new Set(['function']) },
  unknownValue: { noun: 'party', value: 'cn-opz', suggestion: undefined, known: ['self', 'cn-ops'], section: 'parties' },
  missingValue: { tag: 'access', noun: 'access class', list: true },
  missingRegion: { tag: 'region' },
  invalidRegionTag: { detail: 'Unknown aws region "ap-nrtheast-2"', suggestion: 'aws:ap-northeast-2' },
  regionMissing: {},
  regionUnknownProvider: { provider: 'asw', value: 'asw:ap-northeast-2', providers: ['aws', 'gcp'] },
  regionUnknownCode: { provider: 'aws', code: 'ap-nrtheast-2' },
  regionAmbiguous: { value: 'ap-northeast-1', providers: ['aws', 'alibaba'], choices: ['aws:ap-northeast-1', 'alibaba:ap-northeast-1'] },
  regionUnknown: { value: 'koreacentrl' },
  regionCycle: { names: ['a', 'b', 'a'] },
  regionAlias: { name: 'x', alias: 'aws:ap-nrtheast-2', detail: 'Unknown aws region "ap-nrtheast-2"', suggestion: 'aws:ap-northeast-2' },
  suppressionUnknownRule: { rule: 'JPR01', suggestion: 'JPR001', first: 'JPR001', last: 'JPR012' },
  suppressionNoRule: { directive: 'residency-guard-disable-next-line' },
  suppressionNoReason: {},
  suppressionPlaceholderReason: { reason: '<why this transfer is acceptable>' },
  nothingAnalysed: { why: 'tsconfig-empty', file: 'tsconfig.json' },
  noSourceDeclared: {},
  unresolvedAlias: { specifier: '@app/models', total: 7, shown: 5 },
  configUnreadable: { path: '/ws/configs/missing.json' },
  configNotRead: { file: 'residency.config.json', reason: 'too-large', bytes: 3_000_000, limitBytes: 2_097_152 },
  configMoreProblems: { file: 'residency.config.json', more: 24_900 },
  tsconfigProblem: { file: 'tsconfig.json', detail: "File 'base.json' not found.", unused: false },
  tsconfigNotRead: { file: 'tsconfig.json', reason: 'not-a-file' },
  configSyntax: { file: 'residency.config.json', error: 'CommaExpected' },
  configTooDeep: { file: 'residency.config.json', limit: 64 },
  configNotObject: { file: 'residency.config.json', found: 'array' },
  configDuplicateKey: { key: 'parties' },
  configInvalid: { path: 'parties', detail: undefined },
  configUnknownKey: { key: 'colour', owner: { kind: 'file', file: 'residency.config.json' }, suggestion: undefined, allowed: ['parties', 'bases'] },
  configInvalidKey: { key: 'a b', owner: { kind: 'path', path: 'parties' }, reason: 'A party id may not contain spaces or commas', suggestion: undefined },
  configMissingKey: { owner: { kind: 'party', id: 'cn-ops' }, key: 'country' },
  configWrongType: { path: 'include', expected: 'array', found: 'number' },
  configUnknownEnum: { noun: 'severity', value: '"eror"', path: 'rules.JPR001', suggestion: 'error', allowed: ['error', 'warning'] },
  configBadPattern: { value: '"kr"', path: 'parties.a.country', reason: undefined, pattern: '^[A-Z]{2}$', suggestion: 'KR' },
  configUnknownCountry: { value: 'XX', path: 'disclosure.countries[0]' },
  configSelfFixed: { key: 'country', expected: 'JP' },
  configUnknownBasis: { basis: 'consnt', party: 'cn-ops', suggestion: 'consent' },
  configInvalidRegion: { path: 'regions.media', detail: 'Missing region', suggestion: undefined },
  configUnknownPackageParty: { party: 'sentyr', pkg: '@sentry/node', suggestion: 'sentry' },
  envFileUnreadable: { path: '.env.production' },
  envFileBadLine: { path: '.env', line: 3 },
  iacProblem: { detail: 'infra/main.tf: expected "="' },
  sourceParse: { detail: "',' expected." },
  notAnalysed: { reason: 'it could not be analysed' },
  notAnalysedTooDeep: {},
  notAnalysedFailed: { error: 'boom' },
  skippedUnreadable: {},
  skippedTooLarge: { bytes: 3 * 1024 * 1024, limitBytes: 2 * 1024 * 1024 },
  skippedBinary: {},
  skippedTooDeep: {},
  skippedParserFailed: { error: 'boom' },
  skippedNotRegular: {},
  skippedOutsideRoot: {},
  skippedOverBudget: { seconds: 10, memoryMb: 1024 },
};

const IDS = Object.keys(PROBLEM_MESSAGES) as ProblemMessageId[];

test('every message of the catalogue has an English and a Japanese text, and nothing else', () => {
  assert.ok(IDS.length > 0);
  for (const id of IDS) {
    assert.deepEqual(Object.keys(PROBLEM_MESSAGES[id]).sort(), ['en', 'ja'], id);
    assert.equal(typeof PROBLEM_MESSAGES[id].en, 'function', id);
    assert.equal(typeof PROBLEM_MESSAGES[id].ja, 'function', id);
  }
  assert.deepEqual([...IDS].sort(), Object.keys(SAMPLES).sort());
});

test('the Japanese texts are non-empty Japanese, the English ones English, and they differ', () => {
  for (const id of IDS) {
    const en = problemMessage('en', id, SAMPLES[id]);
    const ja = problemMessage('ja', id, SAMPLES[id]);
    assert.ok(en.trim().length > 0, `${id}: empty English text`);
    assert.ok(ja.trim().length > 0, `${id}: empty Japanese text`);
    assert.ok(JAPANESE.test(ja), `${id}: no Japanese in "${ja}"`);
    assert.ok(!JAPANESE.test(en), `${id}: Japanese in the English text "${en}"`);
    assert.notEqual(ja, en, id);
  }
});

test('the texts of the placeholders appear in both languages', () => {
  const cases: ReadonlyArray<readonly [ProblemMessageId, string]> = [
    ['unknownTag', '@residency'], ['unknownValue', 'cn-opz'], ['configUnknownKey', 'colour'],
    ['configUnknownBasis', 'consnt'], ['skippedTooLarge', '3072'], ['suppressionUnknownRule', 'JPR001'],
  ];
  for (const [id, text] of cases) {
    for (const lang of ['en', 'ja'] as const) {
      assert.ok(problemMessage(lang, id, SAMPLES[id]).includes(text), `${id} (${lang}) lacks ${text}`);
    }
  }
});

test('the English texts are the engine\'s established ones', () => {
  assert.equal(problemMessage('en', 'configSyntax', SAMPLES.configSyntax), 'residency.config.json: Expected comma');
  assert.equal(problemMessage('en', 'tagNotAttached', SAMPLES.tagNotAttached),
    '@category is not attached to a declaration; put it in the doc comment directly before a property or a variable');
  assert.equal(problemMessage('en', 'configMissingKey', SAMPLES.configMissingKey), 'Party "cn-ops" is missing required key "country"');
  assert.equal(problemMessage('en', 'skippedTooLarge', SAMPLES.skippedTooLarge),
    'Skipped: the file is 3072 KB, above the 2048 KB limit for analysis');
});

// ---------------------------------------------------------------- through the CLI

const MODEL = `/** @residency jp-onyl */
export interface User {
  /** @category contact */ phone: string;
}
export declare function send(payload: unknown): void;
`;

const MAIN = `import { send, type User } from './model';
declare const u: User;
// residency-guard-disable-next-line JPR001
send(u.phone);
`;

const CONFIG = `{
  "colour": "blue"
}
`;

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function workspace(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rg-messages-')));
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'src', 'model.ts'), MODEL);
  fs.writeFileSync(path.join(dir, 'src', 'main.ts'), MAIN);
  fs.writeFileSync(path.join(dir, 'residency.config.json'), CONFIG);
  return dir;
}

interface ReportProblem {
  readonly code: string;
  readonly message: string;
}

function problemsOf(dir: string, lang: 'en' | 'ja'): ReportProblem[] {
  let stdout = '';
  const io = { cwd: dir, env: {}, stdout: (t: string) => { stdout += t; }, stderr: () => undefined };
  runCli(['check', dir, '--lang', lang, '--format', 'json'], io);
  const report = JSON.parse(stdout) as { problems: ReportProblem[] };
  return report.problems;
}

test('check --lang ja reports the problems of a workspace in Japanese, --lang en in English', () => {
  const dir = workspace();
  const ja = problemsOf(dir, 'ja');
  const en = problemsOf(dir, 'en');
  assert.deepEqual(ja.map((p) => p.code).sort(), ['RG001', 'RG005', 'RG008', 'RG015']);
  assert.deepEqual(en.map((p) => p.code), ja.map((p) => p.code));
  for (const p of ja) assert.ok(JAPANESE.test(p.message), `${p.code}: not Japanese: ${p.message}`);
  for (const p of en) assert.ok(!JAPANESE.test(p.message), `${p.code}: not English: ${p.message}`);
  const byCode = (list: ReportProblem[], code: string): string => list.find((p) => p.code === code)?.message ?? '';
  assert.equal(byCode(en, 'RG001'), 'Unknown residency class "jp-onyl"; did you mean "jp-only"?');
  assert.equal(byCode(ja, 'RG001'), '不明な所在区分 "jp-onyl" です。"jp-only" の誤りではありませんか？');
  assert.equal(byCode(en, 'RG005'), 'Suppression without a reason; add "-- <why this finding is acceptable>" after the rule ids');
  assert.ok(byCode(en, 'RG008').startsWith('Unknown key "colour" in residency.config.json'), byCode(en, 'RG008'));
  assert.ok(byCode(ja, 'RG008').includes('"colour"'), byCode(ja, 'RG008'));
});
