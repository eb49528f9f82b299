/**
 * Every text the language server shows (diagnostic headlines, quick-fix titles, hover, data map and
 * transfer map labels, path steps), in English and Japanese. One table, so that a unit test can check that
 * no entry is English-only; `t(lang, key, …args)` fills `{0}`, `{1}` … placeholders.
 */
import type { ClientSettings } from '../shared/protocol';

export type Lang = ClientSettings['language'];

/** key → [English, Japanese]. */
export const TEXTS = {
  // What tells each rule apart, with the law it cites (the head of a finding's message in the editor).
  'rule.JPR001': ['No basis covers {0} (APPI Art. 28(1))', '{0} を対象とする根拠がありません（個人情報保護法28条1項）'],
  'rule.JPR002': ['Recipient not allowed by the data\'s @access (APPI Art. 25, 27)', 'データの @access で認められていない受領者です（個人情報保護法25条・27条）'],
  'rule.JPR003': ['Contractor abroad not allowed by the data\'s @access (APPI Art. 28, 25)', 'データの @access で認められていない外国の委託先です（個人情報保護法28条・25条）'],
  'rule.JPR004': ['Group company abroad not allowed by the data\'s @access (APPI Art. 28)', 'データの @access で認められていない外国のグループ会社です（個人情報保護法28条）'],
  'rule.JPR005': ['No external-environment assessment for {0} (APPI Art. 23, GL 10-7, Art. 32)', '{0} の外的環境の把握がありません（個人情報保護法23条、ガイドライン10-7、32条）'],
  'rule.JPR006': ['Communications data to a third party (Telecommunications Business Act Art. 4)', '通信の秘密に関わるデータが第三者に渡ります（電気通信事業法4条）'],
  'rule.JPR007': ['Special-care data leaves Japan or reaches a contractor (APPI Art. 2(3), 27(2), 28)', '要配慮個人情報が国外または委託先に渡ります（個人情報保護法2条3項・27条2項・28条）'],
  'rule.JPR008': ['Readable in {0}, whose law obliges intelligence cooperation (APPI Art. 23; PRC NIL Art. 7)', '{0} で閲覧可能です。同国の法律は情報活動への協力を義務づけています（個人情報保護法23条、中国国家情報法7条）'],
  'rule.JPR009': ['{0} is not named in disclosure.countries (APPI Art. 28(2), 32)', '{0} が disclosure.countries（プライバシーポリシー）に記載されていません（個人情報保護法28条2項・32条）'],
  'rule.JPR010': ['Country cannot be resolved: pin a regional endpoint or add @region (APPI Art. 23)', '国を特定できません。リージョン指定のエンドポイントを使うか @region を付けてください（個人情報保護法23条）'],
  'rule.JPR011': ['Pseudonymised data to a party other than self (APPI Art. 41(6))', '仮名加工情報が自社以外に渡ります（個人情報保護法41条6項）'],
  'finding.message': ['{0}: {1} → {2}', '{0}: {1} → {2}'],
  'finding.more': ['{0} +{1} more', '{0} ほか {1} 件'],
  'finding.unknownCountry': ['country unknown', '国不明'],
  'finding.pathElsewhere': ['path of {0}: see {1} on this line', '{0} の経路: この行の {1} を参照'],
  'finding.sourceDeclared': ['{0} is declared here', '{0} の宣言'],
  // Path steps (the notes the analysis writes, in English, rewritten for Japanese).
  'step.declared': ['declared {0}', '宣言 {0}'],
  'step.read': ['read {0}', '読み取り {0}'],
  'step.passed': ['passed to {0}', '{0} に渡す'],
  'step.returned': ['returned from {0}', '{0} から返る'],
  'step.assigned': ['assigned to {0}', '{0} に代入'],
  'step.stored': ['stored in {0}', '{0} に格納'],
  'step.sent': ['sent to {0}', '送信先 {0}'],
  'step.consent': ['consent basis {0}', '同意の根拠 {0}'],
  'problem.didYouMean': ['{0} (did you mean "{1}"?)', '{0}（"{1}" のことですか?）'],
  // Quick fixes.
  'fix.suppress': ['Suppress {0} on this line (with a reason)', 'この行の {0} を抑止する（理由つき）'],
  'fix.suppressAll': ['Suppress all {0} rules on this line (with a reason)', 'この行の {0} 件のルールをすべて抑止する（理由つき）'],
  'fix.reasonPlaceholder': ['why this transfer is acceptable', 'この移転が許される理由'],
  'fix.attachBasis': ['Attach basis "{0}" ({1}) to the enclosing function', '根拠 "{0}"（{1}）を囲んでいる関数に付ける'],
  'fix.openDoc': ['Open the documentation of {0}', '{0} のドキュメントを開く'],
  'fix.change': ['Change to "{0}"', '"{0}" に変更する'],
  'fix.disclose': ['Add {0} to disclosure.countries in residency.config.json', 'residency.config.json の disclosure.countries に {0} を追加する'],
  'fix.scaffoldBasis': ['Add a consent basis for {0} to residency.config.json', 'residency.config.json に {0} の同意の根拠を追加する'],
  'fix.scaffoldBasisParty': ['Add a consent basis for {0} to residency.config.json and attach it to party "{1}"', 'residency.config.json に {0} の同意の根拠を追加し、当事者 "{1}" に付ける'],
  'fix.assessment': ['Add an external-environment assessment for {0} to residency.config.json', 'residency.config.json に {0} の外的環境の把握を追加する'],
  'fix.region': ['Add @region to the enclosing function', '囲んでいる関数に @region を付ける'],
  'fix.openParty': ['Open party "{0}" in residency.config.json', 'residency.config.json で当事者 "{0}" を開く'],
  'fix.todo': ['TODO: reference of the document', 'TODO: 文書の参照'],
  // Hover on an annotated declaration.
  'hover.flowsTo': ['Data flows to: **{0}**', 'データの行き先: **{0}**'],
  'hover.more': ['… and {0} more', '… ほか {0} 件'],
  'hover.noFlow': ['No flow of this data to a destination was found.', 'このデータが送信先に渡る経路は見つかりませんでした。'],
  'hover.countryUnknown': ['{0} (country unknown)', '{0}（国不明）'],
  // Completions and hovers in annotations.
  'assist.directive': ['Suppress a finding on the next line (a reason after -- is required)', '次の行の検出結果を抑止します（-- の後に理由が必要です）'],
  'assist.configRegion': ['config region: {0}', '設定のリージョン: {0}'],
  'assist.noSingleCountry': ['no single country', '単一の国ではありません'],
  'assist.country': ['country (ISO 3166-1)', '国（ISO 3166-1）'],
  'assist.residencyClass': ['residency class', '所在クラス'],
  'assist.accessClass': ['access class', 'アクセスクラス'],
  'assist.category': ['category', 'カテゴリ'],
  'assist.encryption': ['encryption level', '暗号化レベル'],
  'assist.party': ['party', '当事者'],
  'assist.basis': ['basis', '根拠'],
  'assist.basisFor': ['{0} for {1}', '{0}（対象: {1}）'],
  // Data map and transfer map.
  'map.ownStorage': ['Storage or processing without a recipient', '受領者のない保存・処理'],
  'map.noParty': ['(no party)', '（当事者なし）'],
  'map.unknown': ['unknown', '不明'],
} as const satisfies Record<string, readonly [string, string]>;

export type TextKey = keyof typeof TEXTS;

export function t(lang: Lang, key: TextKey, ...args: readonly (string | number)[]): string {
  const template = TEXTS[key][lang === 'ja' ? 1 : 0];
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)])));
}

const STEP_PATTERNS: readonly (readonly [RegExp, TextKey])[] = [
  [/^declared (.*)$/, 'step.declared'], [/^read (.*)$/, 'step.read'], [/^passed to (.*)$/, 'step.passed'],
  [/^returned from (.*)$/, 'step.returned'], [/^assigned to (.*)$/, 'step.assigned'], [/^stored in (.*)$/, 'step.stored'],
  [/^sent to (.*)$/, 'step.sent'], [/^consent basis (.*)$/, 'step.consent'],
];

/** A path step's note (written by the analysis in English) in the display language. */
export function stepNote(lang: Lang, note: string): string {
  if (lang !== 'ja') return note;
  for (const [pattern, key] of STEP_PATTERNS) {
    const m = pattern.exec(note);
    if (m) return t(lang, key, m[1]);
  }
  return note;
}
