/**
 * The transfer register's inventory (SPEC §7.3 v2, issue 15): every declared source and every egress point
 * found, resolved or not, so that an auditor sees what was looked at even where no flow was found — and a
 * register of a workspace that declares nothing says so instead of reading as a clean bill of health.
 * Fixed texts in English and Japanese.
 */
import type { Lang } from '../rules/types';
import { escapeControl } from '../text/escape';
import type { CheckResult, Inventory } from './model';
import { tableHead } from './registerText';

interface InventoryText {
  readonly heading: string;
  readonly sourcesHeading: string;
  readonly noSources: string;
  readonly sourcesColumns: readonly string[];
  readonly egressHeading: string;
  readonly noEgress: string;
  readonly egressColumns: readonly string[];
  readonly unresolved: string;
  readonly nothingDeclared: string;
}

const TEXT: Readonly<Record<Lang, InventoryText>> = {
  en: {
    heading: '## What was looked at',
    sourcesHeading: '### Declared personal data',
    noSources: 'No personal data is declared (no `@residency` other than `unrestricted`), so no flow can be found. Run `residency-guard init` to find candidate fields.',
    sourcesColumns: ['Data', 'Category', 'Residency', 'Declared at'],
    egressHeading: '### Egress points',
    noEgress: 'No call was found that hands data to a tagged or inferred destination.',
    egressColumns: ['Code location', 'Kind', 'Destination', 'Party', 'Country'],
    unresolved: 'unresolved',
    nothingDeclared: '**No personal data is declared in this workspace: this register cannot show transfers.** See "What was looked at" below.',
  },
  ja: {
    heading: '## 確認した範囲',
    sourcesHeading: '### 宣言された個人データ',
    noSources: '個人データが宣言されていません（`unrestricted` 以外の `@residency` がありません）。そのためフローは見つかりません。`residency-guard init` で候補のフィールドを探せます。',
    sourcesColumns: ['データ', 'カテゴリー', '所在区分', '宣言の位置'],
    egressHeading: '### データの送出箇所',
    noEgress: 'タグ付きまたは推定された送信先にデータを渡す呼び出しは見つかりませんでした。',
    egressColumns: ['コードの位置', '種類', '送信先', '者', '国'],
    unresolved: '未解決',
    nothingDeclared: '**このワークスペースでは個人データが宣言されていないため、この台帳は移転を示せません。** 下の「確認した範囲」を参照してください。',
  },
};

function cell(text: string): string {
  return escapeControl(text).replace(/\|/g, '\\|');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** The warning that replaces "no personal data reaches a country outside Japan" when nothing is declared (undefined otherwise). */
export function nothingDeclaredNotice(result: CheckResult, lang: Lang): string | undefined {
  return result.inventory && result.inventory.sources.length === 0 ? TEXT[lang].nothingDeclared : undefined;
}

/** The inventory section (empty when the result carries no inventory). */
export function inventorySection(inventory: Inventory | undefined, lang: Lang): string[] {
  if (!inventory) return [];
  const t = TEXT[lang];
  const sources = inventory.sources.map((s) => `| ${cell(code(s.name))} | ${cell(s.category)} | ${cell(s.residency)} | ${cell(code(`${s.location.file}:${s.location.line}`))} |`);
  const egress = inventory.egress.map((e) => {
    const country = e.unresolved || !e.country ? t.unresolved : e.country;
    return `| ${cell(code(`${e.location.file}:${e.location.line}`))} | ${cell(e.kind)} | ${cell(e.description)} | ${cell(e.partyName ?? e.party ?? '—')} | ${cell(country)} |`;
  });
  return [
    t.heading, '',
    t.sourcesHeading, '', ...(sources.length > 0 ? [...tableHead(t.sourcesColumns), ...sources] : [t.noSources]), '',
    t.egressHeading, '', ...(egress.length > 0 ? [...tableHead(t.egressColumns), ...egress] : [t.noEgress]), '',
  ];
}
