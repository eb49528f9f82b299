/**
 * The message catalogue of input problems (RG001–RG017): annotations, suppressions, regions, the config
 * file, unparsable and skipped source files. Each message has an English and a Japanese text built from
 * typed placeholders (`ProblemMessageArgs`); `problemMessage(lang, id, args)` renders one. The English
 * texts are the engine's historical ones, which reports, baselines and tests depend on.
 */
import type { DeclarationKind } from '../vocabulary/jpPack';
import {
  VALUE_NOUNS,
  KIND_LABELS,
  didYouMean,
  jsonKindText,
  kindList,
  quoted,
  schemaText,
  schemaType,
  syntaxError,
  type JsonKind,
  type Lang,
  type ValueNoun,
} from './phrases';

export type { Lang };

type Kinds = ReadonlySet<DeclarationKind>;

/** Where in the config a problem is: the file itself, a party, a basis, or a path like `"disclosure"`. */
export type ConfigOwner =
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'party' | 'basis'; readonly id: string }
  | { readonly kind: 'path'; readonly path: string };

type NoArgs = Readonly<Record<string, never>>;

/** The placeholders of every message, by message id. */
export interface ProblemMessageArgs {
  // annotations (validateTags)
  readonly unknownTag: { readonly tag: string; readonly suggestion: string };
  readonly duplicateTag: { readonly tag: string };
  readonly prismaClientMissing: { readonly model: string };
  readonly objectAliasResidency: { readonly alias: string };
  readonly tagNotAttached: { readonly tag: string; readonly allowed: Kinds };
  readonly tagMisplaced: { readonly tag: string; readonly here: DeclarationKind | undefined; readonly allowed: Kinds };
  readonly unknownValue: {
    readonly noun: ValueNoun; readonly value: string; readonly suggestion: string | undefined;
    readonly known: readonly string[]; readonly section: 'parties' | 'bases' | undefined;
  };
  readonly missingValue: { readonly tag: string; readonly noun: ValueNoun; readonly list: boolean };
  readonly missingRegion: { readonly tag: string };
  readonly invalidRegionTag: { readonly detail: string; readonly suggestion: string | undefined };
  // regions (regionCatalog)
  readonly regionMissing: NoArgs;
  readonly regionUnknownProvider: { readonly provider: string; readonly value: string; readonly providers: readonly string[] };
  readonly regionUnknownCode: { readonly provider: string; readonly code: string };
  readonly regionAmbiguous: { readonly value: string; readonly providers: readonly string[]; readonly choices: readonly string[] };
  readonly regionUnknown: { readonly value: string };
  readonly regionCycle: { readonly names: readonly string[] };
  readonly regionAlias: { readonly name: string; readonly alias: string; readonly detail: string; readonly suggestion: string | undefined };
  // suppressions
  readonly suppressionUnknownRule: {
    readonly rule: string; readonly suggestion: string | undefined; readonly first: string; readonly last: string;
  };
  readonly suppressionNoRule: { readonly directive: string };
  readonly suppressionNoReason: NoArgs;
  readonly suppressionPlaceholderReason: { readonly reason: string };
  // config file
  readonly configUnreadable: { readonly path: string };
  readonly configNotRead: { readonly file: string; readonly reason: InputProblem; readonly bytes?: number; readonly limitBytes?: number };
  readonly configMoreProblems: { readonly file: string; readonly more: number };
  readonly tsconfigProblem: { readonly file: string; readonly detail: string; readonly unused: boolean };
  readonly tsconfigNotRead: { readonly file: string; readonly reason: InputProblem; readonly bytes?: number; readonly limitBytes?: number };
  readonly configSyntax: { readonly file: string; readonly error: string };
  readonly configTooDeep: { readonly file: string; readonly limit: number };
  readonly configNotObject: { readonly file: string; readonly found: JsonKind };
  readonly configDuplicateKey: { readonly key: string };
  readonly configInvalid: { readonly path: string; readonly detail: string | undefined };
  readonly configUnknownKey: {
    readonly key: string; readonly owner: ConfigOwner; readonly suggestion: string | undefined; readonly allowed: readonly string[];
  };
  readonly configInvalidKey: {
    readonly key: string; readonly owner: ConfigOwner; readonly reason: string | undefined; readonly suggestion: string | undefined;
  };
  readonly configMissingKey: { readonly owner: ConfigOwner; readonly key: string };
  readonly configWrongType: { readonly path: string; readonly expected: string; readonly found: JsonKind };
  readonly configUnknownEnum: {
    readonly noun: ValueNoun; readonly value: string; readonly path: string;
    readonly suggestion: string | undefined; readonly allowed: readonly string[];
  };
  readonly configBadPattern: {
    readonly value: string; readonly path: string; readonly reason: string | undefined;
    readonly pattern: string; readonly suggestion: string | undefined;
  };
  readonly configUnknownCountry: { readonly value: string; readonly path: string };
  readonly configSelfFixed: { readonly key: string; readonly expected: string };
  readonly configUnknownBasis: { readonly basis: string; readonly party: string; readonly suggestion: string | undefined };
  readonly configInvalidRegion: { readonly path: string; readonly detail: string; readonly suggestion: string | undefined };
  readonly configUnknownPackageParty: { readonly party: string; readonly pkg: string; readonly suggestion: string | undefined };
  readonly envFileUnreadable: { readonly path: string };
  readonly envFileBadLine: { readonly path: string; readonly line: number };
  readonly iacProblem: { readonly detail: string };
  // source files
  readonly sourceParse: { readonly detail: string };
  readonly notAnalysed: { readonly reason: string };
  readonly notAnalysedTooDeep: NoArgs;
  readonly notAnalysedFailed: { readonly error: string };
  readonly skippedUnreadable: NoArgs;
  readonly skippedTooLarge: { readonly bytes: number; readonly limitBytes: number };
  readonly skippedBinary: NoArgs;
  readonly skippedTooDeep: NoArgs;
  readonly skippedParserFailed: { readonly error: string };
  readonly skippedNotRegular: NoArgs;
  readonly skippedOutsideRoot: NoArgs;
  readonly skippedOverBudget: { readonly seconds: number; readonly memoryMb: number };
  // coverage (SPEC §7.3 v2)
  readonly nothingAnalysed: { readonly why: NothingAnalysedReason; readonly file?: string; readonly count?: number };
  readonly noSourceDeclared: NoArgs;
  readonly unresolvedAlias: { readonly specifier: string; readonly total: number; readonly shown: number };
}

/** Why a run analysed no file (RG014). */
export type NothingAnalysedReason = 'tsconfig-empty' | 'no-source-files' | 'include-excludes-all' | 'all-skipped';

/** Why an input file was not read (FileHost.readInput): not a regular file, over the size limit, unreadable. */
export type InputProblem = 'not-a-file' | 'too-large' | 'unreadable';

function inputProblemText(reason: InputProblem, bytes: number | undefined, limitBytes: number | undefined, lang: Lang): string {
  const en = lang === 'en';
  switch (reason) {
    case 'not-a-file': return en ? 'it is not a regular file (a directory, FIFO, socket or device)' : '通常のファイルではありません（ディレクトリ、FIFO、ソケット、デバイス）';
    case 'too-large': return en ? `it is ${kb(bytes ?? 0)} KB, above the ${kb(limitBytes ?? 0)} KB limit` : `${kb(bytes ?? 0)} KB あり、上限 ${kb(limitBytes ?? 0)} KB を超えています`;
    case 'unreadable': return en ? 'it cannot be read' : '読み込めません';
  }
}

export type ProblemMessageId = keyof ProblemMessageArgs;

/** One message in both languages. */
export type Translations<A> = Readonly<Record<Lang, (args: A) => string>>;

export type ProblemMessageCatalogue = { readonly [K in ProblemMessageId]: Translations<ProblemMessageArgs[K]> };

function owner(o: ConfigOwner, lang: Lang): string {
  switch (o.kind) {
    case 'file': return o.file;
    case 'party': return lang === 'ja' ? `者 "${o.id}"` : `party "${o.id}"`;
    case 'basis': return lang === 'ja' ? `根拠 "${o.id}"` : `basis "${o.id}"`;
    case 'path': return `"${o.path}"`;
  }
}

function capitalised(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function kb(bytes: number): string {
  return (bytes / 1024).toFixed(0);
}

function expectedValueEn(a: ProblemMessageArgs['unknownValue']): string {
  const hint = a.section === undefined ? undefined : `"${a.section}" in residency.config.json`;
  if (a.known.length === 0) return `none is declared (add it under ${hint ?? 'the config'})`;
  const list = `expected one of: ${a.known.join(', ')}`;
  return hint ? `${list} (declared under ${hint})` : list;
}

function expectedValueJa(a: ProblemMessageArgs['unknownValue']): string {
  const where = a.section === undefined ? '設定ファイル' : `residency.config.json の "${a.section}" `;
  if (a.known.length === 0) return `まだ 1 つも定義されていません（${where}に追加してください）`;
  const list = `次のいずれかを指定してください: ${a.known.join(', ')}`;
  return a.section === undefined ? list : `${list}（${where}で定義）`;
}

const ANNOTATION_MESSAGES = {
  unknownTag: {
    en: (a) => `Unknown tag "@${a.tag}"; did you mean "@${a.suggestion}"?`,
    ja: (a) => `不明なタグ "@${a.tag}" です。"@${a.suggestion}" の誤りではありませんか？`,
  },
  prismaClientMissing: {
    en: (a) => `The tags of Prisma model ${a.model} take no effect: its generated client type is not in the program (run \`prisma generate\`, and import the client in the code)`,
    ja: (a) => `Prisma モデル ${a.model} のタグは効果がありません: 生成されたクライアントの型がプログラムにありません（\`prisma generate\` を実行し、コードでクライアントをインポートしてください）`,
  },
  objectAliasResidency: {
    en: (a) => `@residency on ${a.alias} takes no effect: it is an alias of an object type declared elsewhere, whose members follow their own declarations; tag those members or the type that declares them, or write the members in an object literal part (\`Document & { … }\`)`,
    ja: (a) => `${a.alias} の @residency は効果がありません: 別の場所で宣言されたオブジェクト型の別名であり、そのメンバーはそれぞれの宣言に従います。メンバーか、それを宣言する型にタグを付けるか、メンバーをオブジェクトリテラル部分（\`Document & { … }\`）に書いてください`,
  },
  duplicateTag: {
    en: (a) => `Duplicate tag @${a.tag} on this declaration; only the first one applies`,
    ja: (a) => `この宣言にタグ @${a.tag} が重複しています。最初のものだけが適用されます`,
  },
  tagNotAttached: {
    en: (a) => `@${a.tag} is not attached to a declaration; put it in the doc comment directly before ${kindList(a.allowed, 'en')}`,
    ja: (a) => `@${a.tag} が宣言に付いていません。${kindList(a.allowed, 'ja')}${a.allowed.size > 1 ? 'のいずれか' : ''}の直前のドキュメントコメントに書いてください`,
  },
  tagMisplaced: {
    en: (a) => `@${a.tag} cannot be used${a.here ? ` on ${KIND_LABELS[a.here].en}` : ' here'}; it applies to ${kindList(a.allowed, 'en')}`,
    ja: (a) => `@${a.tag} は${a.here ? `${KIND_LABELS[a.here].ja}には` : 'ここでは'}使えません。使えるのは${kindList(a.allowed, 'ja')}です`,
  },
  unknownValue: {
    en: (a) => `Unknown ${VALUE_NOUNS[a.noun].en} "${a.value}"; ${a.suggestion !== undefined ? `did you mean "${a.suggestion}"?` : expectedValueEn(a)}`,
    ja: (a) => `不明な${VALUE_NOUNS[a.noun].ja} "${a.value}" です。${a.suggestion !== undefined ? `"${a.suggestion}" の誤りではありませんか？` : expectedValueJa(a)}`,
  },
  missingValue: {
    en: (a) => `@${a.tag} needs ${a.list ? 'at least one' : 'a'} ${VALUE_NOUNS[a.noun].en}`,
    ja: (a) => `@${a.tag} には${VALUE_NOUNS[a.noun].ja}を${a.list ? ' 1 つ以上' : ''}指定してください`,
  },
  missingRegion: {
    en: (a) => `@${a.tag} needs a region (provider:code, a unique region code, a country code or a name from the config's "regions")`,
    ja: (a) => `@${a.tag} にはリージョン（provider:code、プロバイダー間で一意なリージョンコード、国コード、または設定ファイルの "regions" の名前）を指定してください`,
  },
  invalidRegionTag: {
    en: (a) => `${a.detail}${didYouMean(a.suggestion, 'en')}`,
    ja: (a) => `${a.detail}${didYouMean(a.suggestion, 'ja')}`,
  },
} satisfies Partial<ProblemMessageCatalogue>;

const REGION_MESSAGES = {
  regionMissing: { en: () => 'Missing region', ja: () => 'リージョンがありません' },
  regionUnknownProvider: {
    en: (a) => `Unknown cloud provider "${a.provider}" in region "${a.value}"; providers are ${a.providers.join(', ')}`,
    ja: (a) => `リージョン "${a.value}" のクラウドプロバイダー "${a.provider}" は不明です。プロバイダーは ${a.providers.join(', ')} です`,
  },
  regionUnknownCode: {
    en: (a) => `Unknown ${a.provider} region "${a.code}"`,
    ja: (a) => `${a.provider} のリージョン "${a.code}" は不明です`,
  },
  regionAmbiguous: {
    en: (a) => `Region code "${a.value}" is ambiguous: it exists in ${a.providers.join(' and ')}; write one of ${quoted(a.choices)}`,
    ja: (a) => `リージョンコード "${a.value}" は ${a.providers.join('、')} にあり、どれか特定できません。${quoted(a.choices)} のいずれかを書いてください`,
  },
  regionUnknown: {
    en: (a) => `Unknown region "${a.value}"; write provider:code (e.g. aws:ap-northeast-1), an ISO country code (e.g. KR) or a name from "regions" in residency.config.json`,
    ja: (a) => `不明なリージョン "${a.value}" です。provider:code（例: aws:ap-northeast-1）、ISO の国コード（例: KR）、または residency.config.json の "regions" の名前を書いてください`,
  },
  regionCycle: {
    en: (a) => `Region names in "regions" of residency.config.json refer to each other in a cycle: ${a.names.join(' → ')}`,
    ja: (a) => `residency.config.json の "regions" のリージョン名が循環して参照し合っています: ${a.names.join(' → ')}`,
  },
  regionAlias: {
    en: (a) => `Region name "${a.name}" is "${a.alias}": ${a.detail}${a.suggestion === undefined ? '' : ` (did you mean "${a.suggestion}"?)`}`,
    ja: (a) => `リージョン名 "${a.name}" の値は "${a.alias}" です: ${a.detail}${a.suggestion === undefined ? '' : `（"${a.suggestion}" の誤りではありませんか？）`}`,
  },
} satisfies Partial<ProblemMessageCatalogue>;

const SUPPRESSION_MESSAGES = {
  suppressionUnknownRule: {
    en: (a) => `Unknown rule "${a.rule}" in suppression; ${a.suggestion === undefined ? `rules are ${a.first}–${a.last}` : `did you mean "${a.suggestion}"?`}`,
    ja: (a) => `抑止コメントのルール "${a.rule}" は不明です。${a.suggestion === undefined ? `ルールは ${a.first}〜${a.last} です` : `"${a.suggestion}" の誤りではありませんか？`}`,
  },
  suppressionNoRule: {
    en: (a) => `Suppression names no rule; write "${a.directive} JPR001 -- reason"`,
    ja: (a) => `抑止コメントにルールがありません。"${a.directive} JPR001 -- 理由" のように書いてください`,
  },
  suppressionNoReason: {
    en: () => 'Suppression without a reason; add "-- <why this finding is acceptable>" after the rule ids',
    ja: () => '抑止コメントに理由がありません。ルール ID の後に "-- <この検出結果を受け入れてよい理由>" を追加してください',
  },
  suppressionPlaceholderReason: {
    en: (a) => `Suppression whose reason "${a.reason}" is still a placeholder: write the audit reason (a consent record, a contract, an assessment); until then the finding is not suppressed`,
    ja: (a) => `抑止コメントの理由 "${a.reason}" はプレースホルダーのままです。監査に耐える理由（同意記録、契約、評価など）を書いてください。それまで検出結果は抑止されません`,
  },
} satisfies Partial<ProblemMessageCatalogue>;

const CONFIG_FILE_MESSAGES = {
  configUnreadable: {
    en: (a) => `The config file ${a.path} cannot be read`,
    ja: (a) => `設定ファイル ${a.path} を読み込めません`,
  },
  configNotRead: {
    en: (a) => `${a.file} is not read: ${inputProblemText(a.reason, a.bytes, a.limitBytes, 'en')}`,
    ja: (a) => `${a.file} を読み込みません: ${inputProblemText(a.reason, a.bytes, a.limitBytes, 'ja')}`,
  },
  configMoreProblems: {
    en: (a) => `${a.file}: ${a.more} more problems are not shown; fix these first`,
    ja: (a) => `${a.file}: ほかに ${a.more} 件の問題があります（表示していません）。まずこれらを直してください`,
  },
  tsconfigProblem: {
    en: (a) => `${a.file}: ${a.detail.replace(/\.$/, '')}${a.unused ? '; its files and options are not used' : ''}`,
    ja: (a) => `${a.file} に問題があります: ${a.detail.replace(/\.$/, '')}${a.unused ? '。このファイルの対象ファイルとオプションは使いません' : ''}`,
  },
  tsconfigNotRead: {
    en: (a) => `${a.file} is not read: ${inputProblemText(a.reason, a.bytes, a.limitBytes, 'en')}; its files and options are not used`,
    ja: (a) => `${a.file} を読み込みません: ${inputProblemText(a.reason, a.bytes, a.limitBytes, 'ja')}。対象ファイルとオプションは使いません`,
  },
  configSyntax: {
    en: (a) => `${a.file}: ${syntaxError(a.error, 'en')}`,
    ja: (a) => `${a.file}: ${syntaxError(a.error, 'ja')}`,
  },
  configTooDeep: {
    en: (a) => `${a.file} nests objects and arrays more than ${a.limit} levels deep; it is not read`,
    ja: (a) => `${a.file} のオブジェクトと配列の入れ子が ${a.limit} 段を超えているため、読み込みません`,
  },
  configNotObject: {
    en: (a) => `${a.file} must contain a JSON object, not ${jsonKindText(a.found, 'en')}`,
    ja: (a) => `${a.file} には JSON オブジェクトを書いてください（${jsonKindText(a.found, 'ja')}になっています）`,
  },
  configDuplicateKey: {
    en: (a) => `Duplicate key "${a.key}"; only the last one applies`,
    ja: (a) => `キー "${a.key}" が重複しています。最後のものだけが適用されます`,
  },
  configInvalid: {
    en: (a) => `"${a.path}" ${a.detail ?? 'is invalid'}`,
    ja: (a) => `"${a.path}" が不正です${a.detail === undefined ? '' : `（${a.detail}）`}`,
  },
} satisfies Partial<ProblemMessageCatalogue>;

const CONFIG_KEY_MESSAGES = {
  configUnknownKey: {
    en: (a) => `Unknown key "${a.key}" in ${owner(a.owner, 'en')}${a.suggestion !== undefined || a.allowed.length === 0
      ? didYouMean(a.suggestion, 'en') : `; allowed keys: ${a.allowed.join(', ')}`}`,
    ja: (a) => `${owner(a.owner, 'ja')} に不明なキー "${a.key}" があります${a.suggestion !== undefined || a.allowed.length === 0
      ? didYouMean(a.suggestion, 'ja') : `。使えるキー: ${a.allowed.join(', ')}`}`,
  },
  configInvalidKey: {
    en: (a) => `Invalid key "${a.key}" in ${owner(a.owner, 'en')}: ${a.reason ?? 'not allowed'}${didYouMean(a.suggestion, 'en')}`,
    ja: (a) => `${owner(a.owner, 'ja')} のキー "${a.key}" は使えません: ${a.reason === undefined ? '許可されていないキーです' : schemaText(a.reason, 'ja')}${didYouMean(a.suggestion, 'ja')}`,
  },
  configMissingKey: {
    en: (a) => `${capitalised(owner(a.owner, 'en'))} is missing required key "${a.key}"`,
    ja: (a) => `${owner(a.owner, 'ja')} に必須のキー "${a.key}" がありません`,
  },
  configWrongType: {
    en: (a) => `Wrong type for "${a.path}": expected ${schemaType(a.expected, 'en')}, found ${jsonKindText(a.found, 'en')}`,
    ja: (a) => `"${a.path}" の型が違います: ${schemaType(a.expected, 'ja')}が必要ですが、${jsonKindText(a.found, 'ja')}になっています`,
  },
} satisfies Partial<ProblemMessageCatalogue>;

const CONFIG_VALUE_MESSAGES = {
  configUnknownEnum: {
    en: (a) => `Unknown ${VALUE_NOUNS[a.noun].en} ${a.value} for "${a.path}"${a.suggestion !== undefined
      ? didYouMean(a.suggestion, 'en') : `; expected one of: ${a.allowed.join(', ')}`}`,
    ja: (a) => `"${a.path}" の${VALUE_NOUNS[a.noun].ja} ${a.value} は不明です${a.suggestion !== undefined
      ? didYouMean(a.suggestion, 'ja') : `。次のいずれかを指定してください: ${a.allowed.join(', ')}`}`,
  },
  configBadPattern: {
    en: (a) => `${a.value} is not valid for "${a.path}": ${a.reason ?? `it must match ${a.pattern}`}${didYouMean(a.suggestion, 'en')}`,
    ja: (a) => `${a.value} は "${a.path}" の値として不正です: ${a.reason === undefined ? `${a.pattern} に一致する必要があります` : schemaText(a.reason, 'ja')}${didYouMean(a.suggestion, 'ja')}`,
  },
  configUnknownCountry: {
    en: (a) => `Unknown country code "${a.value}" in "${a.path}"; it is not an ISO 3166-1 alpha-2 code`,
    ja: (a) => `"${a.path}" の国コード "${a.value}" は不明です。ISO 3166-1 alpha-2 のコードではありません`,
  },
  configSelfFixed: {
    en: (a) => `Party "self" is the operator's own systems in Japan: its ${a.key} is always "${a.expected}"; only its name can be changed`,
    ja: (a) => `者 "self" は事業者自身の国内のシステムです。その ${a.key} は常に "${a.expected}" で、変更できるのは名前だけです`,
  },
  configUnknownBasis: {
    en: (a) => `Unknown basis "${a.basis}" for party "${a.party}": it is not a key of "bases"${didYouMean(a.suggestion, 'en')}`,
    ja: (a) => `者 "${a.party}" の根拠 "${a.basis}" は不明です。"bases" のキーではありません${didYouMean(a.suggestion, 'ja')}`,
  },
  configInvalidRegion: {
    en: (a) => `Invalid region for "${a.path}": ${a.detail}${didYouMean(a.suggestion, 'en')}`,
    ja: (a) => `"${a.path}" のリージョンが不正です: ${a.detail}${didYouMean(a.suggestion, 'ja')}`,
  },
  configUnknownPackageParty: {
    en: (a) => `Unknown party "${a.party}" for package "${a.pkg}": it is not a key of "parties"${didYouMean(a.suggestion, 'en')}`,
    ja: (a) => `パッケージ "${a.pkg}" の者 "${a.party}" は不明です。"parties" のキーではありません${didYouMean(a.suggestion, 'ja')}`,
  },
  envFileUnreadable: {
    en: (a) => `The env file "${a.path}" named in "envFiles" cannot be read`,
    ja: (a) => `"envFiles" にある env ファイル "${a.path}" を読み込めません`,
  },
  envFileBadLine: {
    en: (a) => `Line ${a.line} of the env file "${a.path}" is not NAME=value; it is ignored`,
    ja: (a) => `env ファイル "${a.path}" の ${a.line} 行目は NAME=value の形ではないため無視します`,
  },
  iacProblem: {
    en: (a) => `In the "iac" infrastructure files: ${a.detail}`,
    ja: (a) => `"iac" のインフラストラクチャファイル: ${a.detail}`,
  },
} satisfies Partial<ProblemMessageCatalogue>;

const SOURCE_FILE_MESSAGES = {
  sourceParse: {
    en: (a) => `This file does not parse (${a.detail}); the rest of it is analysed as far as it could be read`,
    ja: (a) => `このファイルは構文解析できません（${a.detail}）。読み取れた範囲で残りを解析しています`,
  },
  notAnalysed: { en: (a) => `Not analysed: ${a.reason}`, ja: (a) => `解析しませんでした: ${a.reason}` },
  notAnalysedTooDeep: {
    en: () => 'Not analysed: it is nested too deeply to analyse',
    ja: () => '解析しませんでした: 入れ子が深すぎて解析できません',
  },
  notAnalysedFailed: {
    en: (a) => `Not analysed: the analysis failed (${a.error})`,
    ja: (a) => `解析しませんでした: 解析に失敗しました（${a.error}）`,
  },
  skippedUnreadable: { en: () => 'Skipped: the file cannot be read', ja: () => 'スキップしました: ファイルを読み込めません' },
  skippedTooLarge: {
    en: (a) => `Skipped: the file is ${kb(a.bytes)} KB, above the ${kb(a.limitBytes)} KB limit for analysis`,
    ja: (a) => `スキップしました: ファイルが ${kb(a.bytes)} KB あり、解析の上限 ${kb(a.limitBytes)} KB を超えています`,
  },
  skippedBinary: {
    en: () => 'Skipped: the file is binary (NUL bytes in its first 8 KB, and not valid UTF-8 text)',
    ja: () => 'スキップしました: バイナリファイルです（先頭 8 KB に NUL バイトがあり、有効な UTF-8 テキストではありません）',
  },
  skippedTooDeep: {
    en: () => 'Skipped: it is nested too deeply to parse',
    ja: () => 'スキップしました: 入れ子が深すぎて構文解析できません',
  },
  skippedParserFailed: {
    en: (a) => `Skipped: the parser failed (${a.error})`,
    ja: (a) => `スキップしました: パーサーが失敗しました（${a.error}）`,
  },
  skippedNotRegular: {
    en: () => 'Skipped: not a regular file (a FIFO, socket or device)',
    ja: () => 'スキップしました: 通常のファイルではありません（FIFO、ソケット、デバイス）',
  },
  skippedOutsideRoot: {
    en: () => 'Skipped: its real path (through symbolic links) is outside the checked root, and no tsconfig names it',
    ja: () => 'スキップしました: シンボリックリンクをたどった実際のパスがチェック対象のルートの外にあり、tsconfig にも指定されていません',
  },
  skippedOverBudget: {
    en: (a) => `Skipped: over its analysis budget (${a.seconds} s, ${a.memoryMb} MB); the rest of the workspace is checked without it`,
    ja: (a) => `スキップしました: 解析の予算（${a.seconds} 秒、${a.memoryMb} MB）を超えました。このファイルを除いてワークスペースをチェックしました`,
  },
} satisfies Partial<ProblemMessageCatalogue>;

const NOTHING_ANALYSED: Readonly<Record<NothingAnalysedReason, Translations<ProblemMessageArgs['nothingAnalysed']>>> = {
  'tsconfig-empty': {
    en: (a) => `${a.file} and the projects it references name no source file (check its "files", "include" and "references")`,
    ja: (a) => `${a.file} とその参照先のプロジェクトはソースファイルを 1 つも指定していません（"files"、"include"、"references" を確認してください）`,
  },
  'no-source-files': {
    en: () => 'there is no TypeScript or JavaScript file under the checked root (node_modules and build output are not analysed)',
    ja: () => 'チェック対象のルートの下に TypeScript / JavaScript ファイルがありません（node_modules とビルド出力は解析しません）',
  },
  'include-excludes-all': {
    en: (a) => `the "include"/"exclude" of ${a.file} leave none of the ${a.count} source files`,
    ja: (a) => `${a.file} の "include"/"exclude" により ${a.count} 個のソースファイルがすべて除外されています`,
  },
  'all-skipped': {
    en: (a) => `all ${a.count} source files were skipped (see the RG011 notices)`,
    ja: (a) => `${a.count} 個のソースファイルがすべてスキップされました（RG011 の通知を参照）`,
  },
};

const COVERAGE_MESSAGES = {
  nothingAnalysed: {
    en: (a) => `No file was analysed: ${NOTHING_ANALYSED[a.why].en(a)}`,
    ja: (a) => `解析したファイルがありません: ${NOTHING_ANALYSED[a.why].ja(a)}`,
  },
  noSourceDeclared: {
    en: () => 'No personal data is declared: no annotation gives a residency other than "unrestricted", so no flow can be found; run "residency-guard init" to find candidate fields',
    ja: () => '個人データが宣言されていません。"unrestricted" 以外の @residency を持つ注釈がないため、フローは見つかりません。"residency-guard init" で候補のフィールドを探せます',
  },
  unresolvedAlias: {
    en: (a) => `The import "${a.specifier}" through a path alias of the program does not resolve, so the types it names are invisible to the analysis (${a.total} such imports in all${a.total > a.shown ? `, the first ${a.shown} reported` : ''}); check the tsconfig's "paths" and "references"`,
    ja: (a) => `プログラムのパスエイリアスを通るインポート "${a.specifier}" を解決できないため、その型は解析から見えません（このようなインポートは全部で ${a.total} 件${a.total > a.shown ? `、最初の ${a.shown} 件を報告` : ''}）。tsconfig の "paths" と "references" を確認してください`,
  },
} satisfies Partial<ProblemMessageCatalogue>;

/** Every problem message, by id, in English and Japanese. */
export const PROBLEM_MESSAGES: ProblemMessageCatalogue = {
  ...ANNOTATION_MESSAGES,
  ...REGION_MESSAGES,
  ...SUPPRESSION_MESSAGES,
  ...CONFIG_FILE_MESSAGES,
  ...CONFIG_KEY_MESSAGES,
  ...CONFIG_VALUE_MESSAGES,
  ...SOURCE_FILE_MESSAGES,
  ...COVERAGE_MESSAGES,
};

/** The text of one problem message in `lang`. */
export function problemMessage<K extends ProblemMessageId>(lang: Lang, id: K, args: ProblemMessageArgs[K]): string {
  const entry: Translations<ProblemMessageArgs[K]> = PROBLEM_MESSAGES[id];
  return entry[lang](args);
}
