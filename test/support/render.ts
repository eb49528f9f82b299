/**
 * Renders a check result in the readable form stored beside each fixture (`expected.txt`): every
 * finding, suppressed finding and problem with its source line, the flagged span underlined, the rule,
 * the message, and for findings the sources and the path.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Loc } from '../../src/core/model';
import type { CheckResult, Finding } from '../../src/core/report/model';

function snippet(root: string, loc: Loc): string[] {
  const file = path.join(root, loc.file);
  if (!fs.existsSync(file)) return [];
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const text = lines[loc.line - 1] ?? '';
  const end = loc.endLine === loc.line ? loc.endColumn : text.length + 1;
  const width = Math.max(1, end - loc.column);
  const gutter = String(loc.line);
  return [`  ${gutter} | ${text}`, `  ${' '.repeat(gutter.length)} | ${' '.repeat(loc.column - 1)}${'^'.repeat(width)}`];
}

function at(loc: { file: string; line: number; column: number }): string {
  return `${loc.file}:${loc.line}:${loc.column}`;
}

function renderFinding(root: string, f: Finding, prefix: string): string[] {
  const out = [`${prefix}${at(f.location)} ${f.severity} ${f.rule}`, ...snippet(root, f.location), `  ${f.message}`];
  if (f.sources.length > 0) out.push(`  sources: ${f.sources.map((s) => `${s.symbol} (${at(s.location)})`).join(', ')}`);
  out.push(`  path: ${f.path.map((p) => `${p.note} @${p.location.line}`).join(' -> ')}`);
  if (f.suppression) out.push(`  reason: ${f.suppression.reason}`);
  return out;
}

export function renderResult(root: string, result: CheckResult): string {
  const blocks: string[][] = [];
  for (const p of result.problems) blocks.push([`problem ${at(p.location)} ${p.severity} ${p.code}`, ...snippet(root, p.location), `  ${p.message}`]);
  for (const f of result.findings) blocks.push(renderFinding(root, f, ''));
  for (const f of result.suppressed) blocks.push(renderFinding(root, f, 'suppressed '));
  if (blocks.length === 0) return 'no findings\n';
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}
