/**
 * Helpers for the CLI tests: small workspaces written to a temporary directory, and runs of the CLI
 * either in-process (through `runCli` with a fake io that captures the output) or as a child process
 * (`node bin/residency-guard.js`, which loads the bundle `dist/cli.js`).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli/main';

/** The repository root (this file is compiled to out/test/support/). */
export const REPO = path.resolve(__dirname, '../../..');
export const BIN = path.join(REPO, 'bin/residency-guard.js');
export const BUNDLE = path.join(REPO, 'dist/cli.js');

/** The problem matcher's pattern (SPEC §7.2): `file:line:column: severity code message`. */
export const PROBLEM_MATCHER = /^(.*):(\d+):(\d+): (error|warning|info) (\S+) (.*)$/;

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A fresh temporary directory; remove it with `removeDir`. */
export function makeTempDir(prefix = 'rg-cli-'): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes `files` (relative path → text) under `dir`, creating folders; returns `dir`. */
export function writeFiles(dir: string, files: Readonly<Record<string, string>>): string {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}

/** Runs the CLI in this process with `cwd` as its working directory and only `env` as its environment. */
export function runInProcess(argv: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): CliRun {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    cwd,
    env,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

/** Runs `node bin/residency-guard.js …` as a child process in `cwd`. */
export function runChild(argv: readonly string[], cwd: string, env: Record<string, string | undefined> = {}): CliRun {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ PATH: process.env.PATH, LANG: 'C', ...env })) if (v !== undefined) childEnv[k] = v;
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, env: childEnv, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Builds dist/cli.js with `node scripts/build.mjs` when it is missing. */
export function ensureBundle(): void {
  if (fs.existsSync(BUNDLE)) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0 || !fs.existsSync(BUNDLE)) throw new Error(`building ${BUNDLE} failed:\n${r.stdout}\n${r.stderr}`);
}

/** The text report's lines (without the final newline). */
export function lines(text: string): string[] {
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

/** The stderr summary line, with its duration replaced by `N`. */
export function summaryOf(stderr: string): string {
  return stderr.replace(/\(\d+ ms\)/, '(N ms)');
}
