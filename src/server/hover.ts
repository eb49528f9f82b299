/**
 * Hover on an annotated declaration: its residency/access/category or destination tags, and where its
 * data flows (countries, regions, parties, with the sink locations as links that open the code) according
 * to the last analysis, in the display language.
 */
import type { Hover, Position } from 'vscode-languageserver/node';
import type { FlowRecord } from '../core/report/flows';
import type { AnnotatedDeclaration, CheckResult } from '../core/report/model';
import { fileUri } from './diagnostics';
import { t, type Lang } from './texts';

function contains(d: AnnotatedDeclaration, file: string, pos: Position): boolean {
  const l = d.location;
  if (l.file !== file) return false;
  const line = pos.line + 1;
  const col = pos.character + 1;
  if (line < l.line || line > l.endLine) return false;
  if (line === l.line && col < l.column) return false;
  return !(line === l.endLine && col > l.endColumn);
}

function size(d: AnnotatedDeclaration): number {
  return (d.location.endLine - d.location.line) * 10000 + (d.location.endColumn - d.location.column);
}

function flowsFrom(result: CheckResult, d: AnnotatedDeclaration): FlowRecord[] {
  const l = d.location;
  return result.flows.filter((f) => f.sourceLocation.file === l.file && f.sourceLocation.line >= l.line && f.sourceLocation.line <= l.endLine);
}

/** `[src/a.ts:12](file:///…/src/a.ts#L12,5)`: VS Code opens the file at the line and column. */
function locationLink(root: string, l: FlowRecord['sinkLocation']): string {
  return `[${l.file}:${l.line}](${fileUri(root, l.file)}#L${l.line},${l.column})`;
}

function flowLine(root: string, f: FlowRecord, lang: Lang): string {
  const where = f.parties.length > 0
    ? f.parties.map((p) => `${p.name} (${p.access}, ${p.country})`).join(', ')
    : f.unresolved ? t(lang, 'hover.countryUnknown', f.description) : `${f.country ?? '?'}${f.region ? ` (${f.region})` : ''}`;
  return `- \`${f.symbol}\` → ${where} — ${locationLink(root, f.sinkLocation)}`;
}

export function hoverAt(result: CheckResult, file: string, pos: Position, lang: Lang = 'en'): Hover | undefined {
  const candidates = result.declarations.filter((d) => contains(d, file, pos)).sort((a, b) => size(a) - size(b));
  const d = candidates[0];
  if (!d) return undefined;
  const tags = Object.entries(d.tags).map(([name, values]) => `\`@${name}${values.length ? ` ${values.join(' ')}` : ''}\``).join(' · ');
  const flows = flowsFrom(result, d);
  const countries = [...new Set(flows.flatMap((f) => (f.parties.length > 0 ? f.parties.map((p) => p.country) : [f.country ?? 'unknown'])))].sort();
  const lines = [`**Residency Guard** — \`${d.name}\``, '', tags];
  if (flows.length > 0) {
    lines.push('', t(lang, 'hover.flowsTo', countries.join(', ')), '', ...flows.slice(0, 12).map((f) => flowLine(result.root, f, lang)));
    if (flows.length > 12) lines.push(`- ${t(lang, 'hover.more', flows.length - 12)}`);
  } else if (d.tags.residency) lines.push('', t(lang, 'hover.noFlow'));
  return { contents: { kind: 'markdown', value: lines.join('\n') } };
}
