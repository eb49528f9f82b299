/**
 * Consistency of the rules' titles and messages (src/core/rules): every rule of the registry has an
 * English and a Japanese title and message, both non-empty; the Japanese ones are written in Japanese;
 * the messages use their placeholders in both languages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../../src/core/rules/index';
import type { MessageArgs } from '../../src/core/rules/types';

/** Hiragana, katakana or a CJK ideograph. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

const ARGS: MessageArgs = {
  data: 'LineUser.phoneNumber (contact)',
  target: 'LINE Plus (group-company-overseas, KR)',
  country: 'KR',
};

test('the registry holds rules JPR001–JPR012 once each, in order', () => {
  const ids = RULES.map((r) => r.id);
  assert.deepEqual(ids, Array.from({ length: 12 }, (_, i) => `JPR${String(i + 1).padStart(3, '0')}`));
});

test('every rule has an English and a Japanese title', () => {
  for (const rule of RULES) {
    assert.deepEqual(Object.keys(rule.title).sort(), ['en', 'ja'], rule.id);
    assert.ok(rule.title.en.trim().length > 0, `${rule.id}: empty English title`);
    assert.ok(rule.title.ja.trim().length > 0, `${rule.id}: empty Japanese title`);
    assert.ok(JAPANESE.test(rule.title.ja), `${rule.id}: Japanese title not in Japanese: ${rule.title.ja}`);
    assert.ok(!JAPANESE.test(rule.title.en), `${rule.id}: English title has Japanese: ${rule.title.en}`);
  }
});

test('every rule has an English and a Japanese message that use the placeholders', () => {
  for (const rule of RULES) {
    assert.deepEqual(Object.keys(rule.message).sort(), ['en', 'ja'], rule.id);
    const en = rule.message.en(ARGS);
    const ja = rule.message.ja(ARGS);
    assert.ok(en.trim().length > 0, `${rule.id}: empty English message`);
    assert.ok(ja.trim().length > 0, `${rule.id}: empty Japanese message`);
    assert.ok(JAPANESE.test(ja), `${rule.id}: Japanese message not in Japanese: ${ja}`);
    assert.ok(!JAPANESE.test(en), `${rule.id}: English message has Japanese: ${en}`);
    assert.ok(en.includes(ARGS.data) && ja.includes(ARGS.data), `${rule.id}: a message lacks the data`);
  }
});
