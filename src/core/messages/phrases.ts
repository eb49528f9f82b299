/**
 * Phrases shared by the problem messages (`problemMessages.ts`), in English and Japanese: the nouns of
 * annotation values and config enums, declaration kinds, JSON value kinds, JSON syntax errors and the
 * schema's own explanations, and how lists and "did you mean" hints are written in each language.
 */
import type { Lang } from '../rules/types';
import type { DeclarationKind } from '../vocabulary/jpPack';

export type { Lang };

/** A phrase in both languages. */
export type Phrase = Readonly<Record<Lang, string>>;

/** What an annotation value or config enum value is called in messages. */
export type ValueNoun =
  | 'residency class' | 'access class' | 'data category' | 'encryption level' | 'party' | 'basis' | 'value'
  | 'severity' | 'basis type' | 'policy pack';

export const VALUE_NOUNS: Readonly<Record<ValueNoun, Phrase>> = {
  'residency class': { en: 'residency class', ja: '所在区分' },
  'access class': { en: 'access class', ja: 'アクセス区分' },
  'data category': { en: 'data category', ja: 'データの種類' },
  'encryption level': { en: 'encryption level', ja: '暗号化の水準' },
  party: { en: 'party', ja: '者' },
  basis: { en: 'basis', ja: '根拠' },
  value: { en: 'value', ja: '値' },
  severity: { en: 'severity', ja: '重大度' },
  'basis type': { en: 'basis type', ja: '根拠の種類' },
  'policy pack': { en: 'policy pack', ja: 'ポリシーパック' },
};

export const KIND_LABELS: Readonly<Record<DeclarationKind, Phrase>> = {
  type: { en: 'an interface or type alias', ja: 'インターフェースまたは型エイリアス' },
  class: { en: 'a class', ja: 'クラス' },
  member: { en: 'a property', ja: 'プロパティ' },
  variable: { en: 'a variable', ja: '変数' },
  parameter: { en: 'a parameter', ja: '引数' },
  function: { en: 'a function or method', ja: '関数またはメソッド' },
};

const KIND_ORDER: readonly DeclarationKind[] = ['type', 'class', 'member', 'variable', 'parameter', 'function'];

/** The kinds in their fixed order ("a class, a property or a parameter" / "クラス、プロパティ、引数"). */
export function kindList(kinds: ReadonlySet<DeclarationKind>, lang: Lang): string {
  const labels = KIND_ORDER.filter((k) => kinds.has(k)).map((k) => KIND_LABELS[k][lang]);
  if (lang === 'ja') return labels.join('、');
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

/** The first of `kinds` in the fixed order. */
export function firstKind(kinds: ReadonlySet<DeclarationKind>): DeclarationKind | undefined {
  return KIND_ORDER.find((k) => kinds.has(k));
}

/** The kind of a JSON value, as messages name it. */
export type JsonKind = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean' | 'other';

export function jsonKind(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'object' || type === 'string' || type === 'number' || type === 'boolean' ? type : 'other';
}

const JSON_KINDS: Readonly<Record<JsonKind, Phrase>> = {
  null: { en: 'null', ja: 'null' },
  array: { en: 'an array', ja: '配列' },
  object: { en: 'an object', ja: 'オブジェクト' },
  string: { en: 'a string', ja: '文字列' },
  number: { en: 'a number', ja: '数値' },
  boolean: { en: 'a boolean', ja: '真偽値' },
  other: { en: 'a value of another kind', ja: 'その他の値' },
};

export function jsonKindText(kind: JsonKind, lang: Lang): string {
  return JSON_KINDS[kind][lang];
}

const SCHEMA_TYPES_JA: Readonly<Record<string, string>> = {
  string: '文字列', number: '数値', integer: '整数', boolean: '真偽値', object: 'オブジェクト', array: '配列', null: 'null',
};

/** A JSON Schema type name ("string", "object") as a noun phrase. */
export function schemaType(type: string, lang: Lang): string {
  if (lang === 'ja') return SCHEMA_TYPES_JA[type] ?? type;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** The schema's `patternErrorMessage` texts (full stop removed) in Japanese. */
const SCHEMA_TEXTS_JA: Readonly<Record<string, string>> = {
  'A party id may not contain spaces or commas': '者の ID には空白やカンマを使えません',
  'A basis id may not contain spaces or commas': '根拠の ID には空白やカンマを使えません',
  'A region name may not contain spaces or commas': 'リージョン名には空白やカンマを使えません',
  'Use an ISO 3166-1 alpha-2 country code in upper case, e.g. "KR"': 'ISO 3166-1 alpha-2 の国コードを大文字で書いてください（例: "KR"）',
};

/** An explanation taken from the schema (or the validator), in the language when it is known. */
export function schemaText(text: string, lang: Lang): string {
  return lang === 'ja' ? (SCHEMA_TEXTS_JA[text] ?? text) : text;
}

const PARSE_ERRORS_JA: Readonly<Record<string, string>> = {
  InvalidSymbol: '不正な記号があります',
  InvalidNumberFormat: '数値の形式が不正です',
  PropertyNameExpected: 'プロパティ名が必要です',
  ValueExpected: '値が必要です',
  ColonExpected: 'コロン ":" が必要です',
  CommaExpected: 'カンマ "," が必要です',
  CloseBraceExpected: '閉じ波かっこ "}" が必要です',
  CloseBracketExpected: '閉じ角かっこ "]" が必要です',
  EndOfFileExpected: 'JSON の終わりの後に余分な内容があります',
  InvalidCommentToken: 'コメントが不正です',
  UnexpectedEndOfComment: 'コメントが閉じられていません',
  UnexpectedEndOfString: '文字列が閉じられていません',
  UnexpectedEndOfNumber: '数値が途中で終わっています',
  InvalidUnicode: 'Unicode エスケープが不正です',
  InvalidEscapeCharacter: 'エスケープ文字が不正です',
  InvalidCharacter: '不正な文字があります',
};

/** A JSON syntax error by its parser name ("CommaExpected" → "Expected comma" / "カンマ "," が必要です"). */
export function syntaxError(name: string, lang: Lang): string {
  if (lang === 'ja') return PARSE_ERRORS_JA[name] ?? '構文エラーです';
  if (name.startsWith('<')) return 'Syntax error';
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(' ');
  if (words[words.length - 1] === 'expected') words.unshift(words.pop() as string);
  const sentence = words.join(' ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`;
}

/** `; did you mean "x"?` / `。"x" の誤りではありませんか？`, or nothing without a suggestion. */
export function didYouMean(suggestion: string | undefined, lang: Lang): string {
  if (suggestion === undefined) return '';
  return lang === 'ja' ? `。"${suggestion}" の誤りではありませんか？` : `; did you mean "${suggestion}"?`;
}

/** `"a", "b"` in both languages. */
export function quoted(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}
