/**
 * Helpers for the robustness and safety tests: a small workspace with one valid flow, checks through the
 * engine with the CLI's file host, assertions that every problem of a result is located inside its file,
 * the CLI run as a child process from the compiled sources (with a time limit, so a hang fails instead
 * of blocking), and snapshots of a directory tree.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createNodeHost } from '../../src/cli/nodeHost';
import { checkWorkspace, type CheckOptions } from '../../src/core/engine';
import type { FileHost } from '../../src/core/host';
import type { Problem } from '../../src/core/model';
import type { CheckResult } from '../../src/core/report/model';
import { REPO, type CliRun } from './cli';
import { locationError } from './corpus';

/** A source type and a contractor in China; `src/main.ts` line 3 hands a phone number to it. */
export const FLOW_FILES: Readonly<Record<string, string>> = {
  'residency.config.json': JSON.stringify({
    parties: { 'cn-ops': { name: 'Dalian monitoring contractor', access: 'contractor-overseas', country: 'CN' } },
  }, null, 2),
  'src/model.ts': [
    '/** A Japanese user. @residency jp-with-basis */',
    'export interface User {',
    '  /** @category contact */ phone: string;',
    '  theme: string;',
    '}',
    '/** Work queue of the Dalian contractor. @recipient cn-ops */',
    'export declare function sendToOps(payload: unknown): void;',
    '',
  ].join('\n'),
  'src/main.ts': [
    "import { type User, sendToOps } from './model';",
    'export function report(u: User): void {',
    '  sendToOps(u.phone);',
    '}',
    '',
  ].join('\n'),
};

/** Where the valid flow of FLOW_FILES is reported. */
export const FLOW_SINK = { file: 'src/main.ts', line: 3 };

export function check(root: string, host: FileHost = createNodeHost(), opts: Partial<CheckOptions> = {}): CheckResult {
  return checkWorkspace(host, { root, ...opts });
}

/** The valid flow of FLOW_FILES was found (the rest of the workspace was checked). */
export function assertFlowFound(result: { findings: ReadonlyArray<{ location: { file: string; line: number } }> }): void {
  const found = result.findings.filter((f) => f.location.file === FLOW_SINK.file && f.location.line === FLOW_SINK.line);
  assert.ok(found.length > 0, `the valid flow at ${FLOW_SINK.file}:${FLOW_SINK.line} was not found; findings: ${JSON.stringify(result.findings.map((f) => f.location))}`);
}

/** Every problem of the result points into its file: a valid line and column of that file's text. */
export function assertProblemsLocated(root: string, problems: readonly Problem[]): void {
  for (const p of problems) {
    const file = path.join(root, p.location.file);
    assert.ok(fs.existsSync(file), `problem ${p.code} "${p.message}" names a file that does not exist: ${p.location.file}`);
    const text = fs.readFileSync(file, 'utf8');
    const error = locationError(p.location, text);
    assert.equal(error, undefined, `problem ${p.code} "${p.message}" in ${p.location.file} has an invalid location ${error}`);
  }
}

export function problemsOf(result: CheckResult, file: string, code?: string): Problem[] {
  return result.problems.filter((p) => p.location.file === file && (code === undefined || p.code === code));
}

/** Runs `node out/src/cli/main.js …` (the compiled CLI) in `cwd`, killed after `timeoutMs`. */
export function runCompiledCli(argv: readonly string[], cwd: string, timeoutMs = 120_000): CliRun & { readonly timedOut: boolean } {
  const env: Record<string, string> = { LANG: 'C' };
  if (process.env.PATH) env.PATH = process.env.PATH;
  const r = spawnSync(process.execPath, [path.join(REPO, 'out/src/cli/main.js'), ...argv], { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM';
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', timedOut };
}

/** Every entry under `dir` (symbolic links not followed): relative path → kind, size and modification time. */
export function snapshotTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (d: string): void => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      const rel = path.relative(dir, p);
      if (st.isSymbolicLink()) out.set(rel, `link -> ${fs.readlinkSync(p)}`);
      else if (st.isDirectory()) {
        out.set(rel, 'dir');
        visit(p);
      } else out.set(rel, `file ${st.size} ${st.mtimeMs} ${st.mode.toString(8)}`);
    }
  };
  visit(dir);
  return out;
}

/** The differences between two snapshots, as readable lines. */
export function treeChanges(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
  const changes: string[] = [];
  for (const [k, v] of after) if (before.get(k) !== v) changes.push(`${before.has(k) ? 'changed' : 'added'}: ${k} (${v})`);
  for (const k of before.keys()) if (!after.has(k)) changes.push(`removed: ${k}`);
  return changes;
}

/** A FileHost over the node host that cannot read the given absolute paths (as for a file without read permission). */
export function hostWithUnreadable(unreadable: ReadonlySet<string>, base: FileHost = createNodeHost()): FileHost {
  return {
    ...base,
    readInput: (p, maxBytes) => (unreadable.has(p) ? { refused: 'unreadable' } : base.readInput(p, maxBytes)),
    readFile: (p) => (unreadable.has(p) ? undefined : base.readFile(p)),
    readPrefix: (p, n) => (unreadable.has(p) ? undefined : base.readPrefix?.(p, n)),
  };
}

/** Whether this process can read a file whatever its permissions (root can). */
export function permissionsAreBypassed(file: string): boolean {
  try {
    fs.readFileSync(file);
    return true;
  } catch {
    return false;
  }
}

/** A one-line minified script of about `bytes` bytes. */
export function minifiedScript(bytes: number): string {
  const parts = ['!function(){"use strict";'];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const p = `function a${i}(b,c){var d={k:b,v:c&&c.x,n:${i}};return d.k?d:c}var e${i}=[${i},"s${i}",a${i}(${i},null)];`;
    parts.push(p);
    size += p.length;
  }
  parts.push('}();');
  return parts.join('');
}
