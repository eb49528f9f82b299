/**
 * What `init` prints (SPEC §7.4): a readable list (English or Japanese) of the proposed annotations with
 * their reasons, the egress points found and what happens to the config; or the same as versioned JSON.
 */
import { escapeControl } from '../text/escape';
import type { Lang } from '../rules/types';
import type { InitPlan } from './plan';
import type { CandidateReason } from './types';

interface Text {
  readonly title: (files: number) => string;
  readonly candidates: (n: number) => string;
  readonly noCandidates: string;
  readonly egress: (n: number) => string;
  readonly noEgress: string;
  readonly unresolved: string;
  readonly configNew: (file: string) => string;
  readonly configKept: (file: string) => string;
  readonly dryRun: string;
  readonly written: (files: number) => string;
  readonly reason: (r: CandidateReason) => string;
}

const TEXT: Readonly<Record<Lang, Text>> = {
  en: {
    title: (files) => `Residency Guard init: ${files} files analysed`,
    candidates: (n) => `Personal data candidates (${n}), each with the annotation proposed:`,
    noCandidates: 'No candidate personal-data field left to annotate.',
    egress: (n) => `Egress points found (${n}):`,
    noEgress: 'No egress point found (SDK catalogue calls, HTTP requests, AWS clients, tagged destinations).',
    unresolved: 'country unknown',
    configNew: (file) => `${file} does not exist: init writes a starter config with the parties and regions above.`,
    configKept: (file) => `${file} exists and is left unchanged.`,
    dryRun: 'Nothing was changed. Review the list, then run `residency-guard init --write` to apply it, and `residency-guard check`.',
    written: (files) => `Written: ${files} files. Run \`residency-guard check\` (a second \`init\` proposes nothing already applied).`,
    reason: (r) => {
      switch (r.kind) {
        case 'name': return r.romanised ? `name "${r.word}" (romanised Japanese)` : `name "${r.word}"`;
        case 'validator': return `class-validator @${r.decorator}`;
        case 'typeorm': return `TypeORM column of @Entity ${r.entity}`;
        case 'mongoose': return `Mongoose schema ${r.schema}`;
        case 'prisma': return `Prisma model ${r.model}`;
      }
    },
  },
  ja: {
    title: (files) => `Residency Guard init: ${files} ファイルを解析しました`,
    candidates: (n) => `個人データの候補（${n} 件）と提案する注釈:`,
    noCandidates: '注釈を付けるべき個人データの候補は残っていません。',
    egress: (n) => `見つかったデータの送出箇所（${n} 件）:`,
    noEgress: '送出箇所（SDK カタログの呼び出し、HTTP リクエスト、AWS クライアント、タグ付きの送信先）は見つかりませんでした。',
    unresolved: '国は不明',
    configNew: (file) => `${file} がないため、init は上の者とリージョンを書いた初期設定を作成します。`,
    configKept: (file) => `${file} は既にあるため変更しません。`,
    dryRun: '何も変更していません。一覧を確認してから `residency-guard init --write` で適用し、`residency-guard check` を実行してください。',
    written: (files) => `${files} ファイルに書き込みました。\`residency-guard check\` を実行してください（もう一度 \`init\` を実行しても、適用済みのものは提案しません）。`,
    reason: (r) => {
      switch (r.kind) {
        case 'name': return r.romanised ? `名前 "${r.word}"（ローマ字の日本語）` : `名前 "${r.word}"`;
        case 'validator': return `class-validator の @${r.decorator}`;
        case 'typeorm': return `TypeORM の @Entity ${r.entity} の列`;
        case 'mongoose': return `Mongoose スキーマ ${r.schema}`;
        case 'prisma': return `Prisma モデル ${r.model}`;
      }
    },
  },
};

/** Why a candidate was proposed, in `lang` (`name "email"; class-validator @IsEmail`). */
export function reasonsText(reasons: readonly CandidateReason[], lang: Lang): string {
  return reasons.map(TEXT[lang].reason).join(lang === 'ja' ? '、' : '; ');
}

function rel(plan: InitPlan, file: string): string {
  return file.startsWith(`${plan.root}/`) ? file.slice(plan.root.length + 1) : file;
}

/** The readable list; `written` is how many files `--write` wrote (undefined: a dry run). */
export function formatInitText(plan: InitPlan, lang: Lang, written?: number): string {
  const t = TEXT[lang];
  const candidates = plan.candidates.flatMap((c) =>
    [`  ${c.location.file}:${c.location.line}  ${c.symbol}  ${c.tags}`, `      ${c.reasons.map(t.reason).join('; ')}`]);
  const egress = plan.egress.map((e) => {
    const party = e.partyName ?? e.party;
    const to = party && !e.description.includes(party) ? `${e.description} → ${party}` : e.description;
    const country = e.unresolved || !e.country ? t.unresolved : e.country;
    return `  ${e.location.file}:${e.location.line}  ${e.kind}  ${to} (${country})`;
  });
  const config = rel(plan, plan.config.path);
  const lines = [
    t.title(plan.files), '',
    ...(candidates.length > 0 ? [t.candidates(plan.candidates.length), ...candidates] : [t.noCandidates]), '',
    ...(egress.length > 0 ? [t.egress(egress.length), ...egress] : [t.noEgress]), '',
    plan.config.text !== undefined ? t.configNew(config) : t.configKept(config), '',
    written === undefined ? t.dryRun : t.written(written),
  ];
  return `${lines.map(escapeControl).join('\n')}\n`;
}

/** The plan as JSON (`written`: the files `--write` wrote, root-relative; absent on a dry run). */
export function formatInitJson(plan: InitPlan, version: string, written?: readonly string[]): string {
  const report = {
    tool: 'residency-guard', command: 'init', version, schemaVersion: 1, files: plan.files,
    candidates: plan.candidates.map((c) => ({ symbol: c.symbol, category: c.category, residency: c.residency, annotation: c.tags, reasons: c.reasons, location: c.location })),
    egress: plan.egress.map((e) => ({ ...e, resolved: !e.unresolved })),
    config: { file: rel(plan, plan.config.path), exists: plan.config.text === undefined, ...(plan.config.text !== undefined ? { starter: plan.config.text } : {}) },
    problems: plan.problems,
    ...(written ? { written } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
