/**
 * Candidate personal-data fields of Prisma schemas (SPEC §7.4): scalar fields of each `model` whose name
 * suggests personal data. The proposal is a `///` doc comment line above the field (SPEC §3.1: it binds to
 * the generated client's model member). Relations, enums, Boolean flags, models already tagged
 * `@residency`, and fields already carrying a tag are left out. Reads the schema's text only.
 */
import { LineMap } from '../text/positions';
import { matchName, PROPOSED_RESIDENCY, type NameMatch } from './names';
import type { Candidate } from './types';

const MODEL_START = /^(\s*)model\s+([A-Za-z_][A-Za-z0-9_]*)\s*\{/;
const FIELD = /^(\s*)([A-Za-z_][A-Za-z0-9_]*)\s+([A-Za-z_][A-Za-z0-9_]*)(\[\])?\??/;
/** Prisma's scalar types that may hold personal data (Boolean never does by itself). */
const SCALARS = new Set(['String', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes']);
const OUR_TAG = /@(?:residency|category|access)\b/;

interface Line {
  readonly start: number;
  readonly text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let m = re.exec(text); m && m[0] !== ''; m = re.exec(text)) out.push({ start: m.index, text: m[0].replace(/[\r\n]+$/, '') });
  return out;
}

interface Row {
  readonly line: Line;
  readonly indent: string;
  readonly name: string;
  readonly match: NameMatch;
}

/** The candidates of one schema file. */
export function prismaCandidates(file: string, text: string): Candidate[] {
  const map = new LineMap(text);
  const out: Candidate[] = [];
  let model: { name: string; tagged: boolean; rows: Row[] } | undefined;
  let doc = '';
  for (const line of linesOf(text)) {
    const trimmed = line.text.trim();
    if (trimmed.startsWith('///')) {
      doc += `${trimmed}\n`;
      continue;
    }
    const m = model ? undefined : MODEL_START.exec(line.text);
    if (m) model = { name: m[2], tagged: /@residency\b/.test(doc), rows: [] };
    else if (model && trimmed.startsWith('}')) {
      if (!model.tagged) out.push(...modelCandidates(file, map, model.name, model.rows));
      model = undefined;
    } else if (model && trimmed !== '' && !trimmed.startsWith('//') && !trimmed.startsWith('@@')) {
      const f = FIELD.exec(line.text);
      const match = f && SCALARS.has(f[3]) && !OUR_TAG.test(doc) ? matchName(f[2]) : undefined;
      if (f && match) model.rows.push({ line, indent: f[1], name: f[2], match });
    }
    doc = '';
  }
  return out;
}

function modelCandidates(file: string, map: LineMap, model: string, rows: readonly Row[]): Candidate[] {
  const strong = rows.some((r) => !r.match.weak);
  return rows.filter((r) => strong || !r.match.weak).map((r) => {
    const tags = `@residency ${PROPOSED_RESIDENCY} @category ${r.match.category}`;
    const at = r.line.start + r.indent.length;
    return {
      symbol: `${model}.${r.name}`, category: r.match.category, residency: PROPOSED_RESIDENCY, tags,
      reasons: [{ kind: 'name', word: r.match.word, romanised: r.match.romanised }, { kind: 'prisma', model }],
      location: map.loc(file, at, at + r.name.length),
      insertion: { file, offset: r.line.start, text: `${r.indent}/// ${tags}\n` },
    };
  });
}
