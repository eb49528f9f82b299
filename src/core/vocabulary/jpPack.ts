/**
 * The built-in `jp` policy pack's vocabulary (SPEC §5.1–§5.3): data categories, residency classes,
 * access classes, encryption levels and the annotation tags, each with a short description in English
 * and Japanese (used in messages, completions and hovers).
 */

export interface Term {
  readonly id: string;
  readonly en: string;
  readonly ja: string;
}

function terms(list: ReadonlyArray<readonly [string, string, string]>): ReadonlyMap<string, Term> {
  return new Map(list.map(([id, en, ja]) => [id, { id, en, ja }]));
}

export const CATEGORIES = terms([
  ['personal', 'Personal data (generic)', '個人データ（一般）'],
  ['contact', 'Name, phone number, e-mail, postal address', '氏名・電話番号・メールアドレス・住所'],
  ['identifier', 'Service user IDs, internal, device or advertising IDs', 'サービスID・内部ID・端末ID・広告ID'],
  ['gov-id', 'Individual identification codes (passport, licence, My Number)', '個人識別符号（旅券・免許証・マイナンバー）'],
  ['message-content', 'Bodies of messages, chats or calls (secrecy of communications)', '通信の内容（通信の秘密）'],
  ['comm-metadata', 'Who communicated with whom, when, from where (secrecy of communications)', '通信の相手方・日時・場所（通信の秘密）'],
  ['reported-content', 'Messages or profile content reported for moderation', '通報されたメッセージ・プロフィール'],
  ['media', 'Photos, videos, files, albums and notes stored for the user', '写真・動画・ファイル・アルバム'],
  ['payment', 'Transactions, card numbers, bank accounts, merchant data', '決済履歴・カード番号・口座情報'],
  ['location', 'GPS or cell location, check-ins', '位置情報'],
  ['address-book', 'Uploaded contacts and friend lists', 'アドレス帳・友だちリスト'],
  ['usage-history', 'Service use logs and purchase history', '利用履歴・購買履歴'],
  ['profile', 'Age band, gender, interests, demographics', '年齢層・性別・興味関心'],
  ['biometric', 'Face, voice or fingerprint templates', '顔・声・指紋などの生体情報'],
  ['special-care', 'Special care-required personal information (APPI Art. 2(3))', '要配慮個人情報（法2条3項）'],
  ['credentials', 'Passwords, tokens, authentication factors', 'パスワード・トークン・認証要素'],
]);

export type ResidencyClass = 'jp-only' | 'jp-or-equivalent' | 'jp-with-basis' | 'unrestricted';
export const RESIDENCY_CLASSES = terms([
  ['jp-only', 'In Japan only, readable only by parties in Japan; no basis can move it', '日本国内のみ。国内の者だけが閲覧可能。根拠があっても移転不可'],
  ['jp-or-equivalent', 'Japan, or a PPC-designated equivalent country (EU/EEA, UK)', '日本、または同等の水準にある国（EU/EEA・英国）'],
  ['jp-with-basis', 'Japan; abroad only under a basis that covers the destination country', '日本。移転先の国を対象とする根拠がある場合のみ外国も可'],
  ['unrestricted', 'Anywhere (not personal data: anonymised, statistical, public)', '制限なし（匿名加工・統計・公開情報）'],
]);

export type AccessClass =
  | 'internal-jp' | 'internal-overseas-branch' | 'group-company-domestic' | 'group-company-overseas'
  | 'contractor-domestic' | 'contractor-overseas' | 'subcontractor-domestic' | 'subcontractor-overseas'
  | 'cloud-no-access' | 'government' | 'data-subject';
export const ACCESS_CLASSES = terms([
  ['internal-jp', "The operator's own employees in Japan", '国内の自社従業者'],
  ['internal-overseas-branch', "The same legal entity's foreign branch", '同一法人の外国支店'],
  ['group-company-domestic', 'A separate group company in Japan', '国内のグループ会社'],
  ['group-company-overseas', 'A separate group company abroad (a foreign third party)', '外国のグループ会社（外国にある第三者）'],
  ['contractor-domestic', 'An entrusted party in Japan', '国内の委託先'],
  ['contractor-overseas', 'An entrusted party abroad', '外国の委託先'],
  ['subcontractor-domestic', 'A re-entrusted party in Japan', '国内の再委託先'],
  ['subcontractor-overseas', 'A re-entrusted party abroad', '外国の再委託先'],
  ['cloud-no-access', 'Infrastructure provider contractually barred from handling the data', '取扱いをしない契約のクラウド事業者'],
  ['government', 'Public authorities', '公的機関'],
  ['data-subject', 'The user themself', '本人'],
]);

export const ENCRYPTION_LEVELS = terms([
  ['e2e', 'End-to-end: only the communicating users hold keys', 'エンドツーエンド暗号化（鍵は通信当事者のみ）'],
  ['client-side-jp-keys', 'Client-side encryption with keys held only in Japan', '鍵を日本国内のみで保持するクライアント側暗号化'],
  ['at-rest-provider-keys', 'At-rest encryption with provider-held keys (still readable)', '事業者鍵による保存時暗号化（閲覧可能）'],
  ['transport', 'Transport encryption only (still readable)', '通信路の暗号化のみ（閲覧可能）'],
]);
/** Encryption levels that make a value unreadable to every party (SPEC §5.4). */
export const OPAQUE_ENCRYPTION = new Set(['e2e', 'client-side-jp-keys']);

export const BASIS_TYPES = terms([
  ['consent', 'Consent naming the countries (APPI Art. 28(1))', '外国にある第三者への提供に関する本人同意（法28条1項）'],
  ['equivalent-country', 'A PPC-designated equivalent country (EU/EEA, UK)', '個人情報保護委員会が認めた国（EU/EEA・英国）'],
  ['conforming-system', 'A conforming system: contract, group rules or APEC CBPR', '基準適合体制（契約・グループ規程・APEC CBPR）'],
  ['law', 'A provision of law', '法令に基づく場合'],
]);

/** The party every config has: the operator's own systems in Japan. */
export const SELF_PARTY = { id: 'self', name: 'Own systems in Japan', access: 'internal-jp', country: 'JP' } as const;

/** Where each annotation tag may be written (SPEC §3). */
export type DeclarationKind = 'type' | 'member' | 'variable' | 'parameter' | 'function' | 'class';

export interface TagSpec {
  readonly name: string;
  /** `one`: a single value; `list`: one or more; `none`: no value. */
  readonly arity: 'one' | 'list' | 'none';
  readonly value: 'residency' | 'access' | 'category' | 'region' | 'party' | 'encryption' | 'basis' | 'none';
  readonly on: ReadonlySet<DeclarationKind>;
  readonly en: string;
  readonly ja: string;
}

const SOURCE_ON: ReadonlySet<DeclarationKind> = new Set(['type', 'class', 'member', 'variable', 'parameter']);
const DEST_ON: ReadonlySet<DeclarationKind> = new Set(['function', 'class', 'member', 'variable', 'parameter']);
const FUNC_ON: ReadonlySet<DeclarationKind> = new Set(['function']);

export const TAGS: ReadonlyMap<string, TagSpec> = new Map(
  ([
    ['residency', 'one', 'residency', SOURCE_ON, 'Where the data may reside; marks the declaration as a source', 'データの所在区分。宣言を個人データの発生源とする'],
    ['access', 'list', 'access', SOURCE_ON, 'The access classes that may read the data', 'データを閲覧できるアクセス区分'],
    ['category', 'one', 'category', SOURCE_ON, 'The data category', 'データの種類'],
    ['region', 'one', 'region', DEST_ON, 'Values passed here are stored or processed in that region', '渡された値はそのリージョンで保存・処理される'],
    ['recipient', 'one', 'party', DEST_ON, 'Values passed here are handed to that party', '渡された値はその者に提供される'],
    ['readable-by', 'list', 'party', DEST_ON, 'Values stored here can be read by those parties', 'ここに保存された値をそれらの者が閲覧できる'],
    ['exposes-to', 'list', 'party', FUNC_ON, "The function's return value is delivered to those parties", '関数の戻り値がそれらの者に渡される'],
    ['encrypts', 'one', 'encryption', FUNC_ON, 'Its return value is encrypted at that level', '戻り値はその水準で暗号化される'],
    ['anonymizes', 'none', 'none', FUNC_ON, 'Its return value is anonymously processed information', '戻り値は匿名加工情報'],
    ['pseudonymizes', 'none', 'none', FUNC_ON, 'Its return value is pseudonymously processed information', '戻り値は仮名加工情報'],
    ['basis', 'list', 'basis', DEST_ON, 'The configured legal basis that covers flows here', 'ここへの移転を適法とする設定済みの根拠'],
  ] as const).map(([name, arity, value, on, en, ja]) => [name, { name, arity, value, on, en, ja }]),
);

/** Ordinary JSDoc/TSDoc tags: never reported as misspelt annotation tags. */
export const STANDARD_JSDOC_TAGS: ReadonlySet<string> = new Set([
  'param', 'returns', 'return', 'type', 'typedef', 'template', 'see', 'link', 'example', 'deprecated',
  'since', 'throws', 'author', 'version', 'private', 'public', 'protected', 'internal', 'readonly',
  'override', 'default', 'defaultValue', 'remarks', 'beta', 'alpha', 'experimental', 'todo', 'description',
  'summary', 'property', 'prop', 'callback', 'enum', 'class', 'constructor', 'extends', 'implements',
  'augments', 'module', 'namespace', 'memberof', 'static', 'async', 'function', 'func', 'method', 'const',
  'this', 'yields', 'fires', 'event', 'listens', 'mixes', 'abstract', 'access-level', 'ignore', 'inheritdoc',
  'license', 'copyright', 'file', 'fileoverview', 'overview', 'requires', 'satisfies', 'import', 'packageDocumentation',
  'eventProperty', 'virtual', 'sealed', 'label', 'privateRemarks', 'typeParam', 'decorator', 'jsx', 'jsxImportSource',
  'ts-ignore', 'ts-expect-error', 'ts-nocheck', 'ts-check', 'flow', 'format', 'preserve', 'vue-ignore',
]);
