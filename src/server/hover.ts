/**
 * Hover on an annotated declaration: its residency/access/category or destination tags, and where its
 * data flows (countries, regions, parties, with the sink locations) according to the last analysis.
 */
import type { Hover, Position } from 'vscode-languageserver/node';
import type { FlowRecord } from '../core/report/flows';
import type { AnnotatedDeclaration, CheckResult } from '../core/report/model';

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

function flowLine(f: FlowRecord): string {
  const where = f.parties.length > 0
    ? f.parties.map((p) => `${p.name} (${p.access}, ${p.country})`).join(', ')
    : f.unresolved ? `${f.description} (country unknown)` : `${f.country ?? '?'}${f.region ? ` (${f.region})` : ''}`;
  return `- \`${f.symbol}\` → ${where} — ${f.sinkLocation.file}:${f.sinkLocation.line}`;
}

export function hoverAt(result: CheckResult, file: string, pos: Position): Hover | undefined {
  const candidates = result.declarations.filter((d) => contains(d, file, pos)).sort((a, b) => size(a) - size(b));
  const d = candidates[0];
  if (!d) return undefined;
  const tags = Object.entries(d.tags).map(([name, values]) => `\`@${name}${values.length ? ` ${values.join(' ')}` : ''}\``).join(' · ');
  const flows = flowsFrom(result, d);
  const countries = [...new Set(flows.flatMap((f) => (f.parties.length > 0 ? f.parties.map((p) => p.country) : [f.country ?? 'unknown'])))].sort();
  const lines = [`**Residency Guard** — \`${d.name}\``, '', tags];
  if (flows.length > 0) {
    lines.push('', `Data flows to: **${countries.join(', ')}**`, '', ...flows.slice(0, 12).map(flowLine));
    if (flows.length > 12) lines.push(`- … and ${flows.length - 12} more`);
  } else if (d.tags.residency) lines.push('', 'No flow of this data to a destination was found.');
  return { contents: { kind: 'markdown', value: lines.join('\n') } };
}
