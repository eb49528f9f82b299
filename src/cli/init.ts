/**
 * `residency-guard init [dir] [--write] [--format text|json] [--lang en|ja]` (SPEC §7.4): prints the
 * proposed annotations (candidate personal-data fields with a category and the reasons), the egress points
 * found and the starter config; with `--write` applies them — annotations inserted into the sources and
 * Prisma schemas, `residency.config.json` created when missing — each file replaced atomically. Without
 * `--write` nothing changes. The plan itself is the engine's (src/core/init).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import pkg from '../../package.json';
import type { Lang } from '../core/rules/types';
import { planInit, type InitPlan } from '../core/init/plan';
import { formatInitJson, formatInitText } from '../core/init/report';
import { createNodeHost, toPosix } from './nodeHost';

export interface InitArgs {
  readonly root: string;
  readonly write: boolean;
  readonly format: 'text' | 'json';
  readonly lang: Lang;
}

export interface InitIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

const SCHEMA = path.join('schemas', 'residency.config.schema.json');

/** The config schema shipped with this package (found above this module: `dist/` or `out/src/cli/`). */
function schemaFile(): string | undefined {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, SCHEMA)) && fs.existsSync(path.join(dir, 'package.json'))) return path.join(dir, SCHEMA);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** `$schema` of the starter config: the shipped schema relative to the root (`./node_modules/residency-guard/…`). */
function schemaRef(root: string): string {
  const file = schemaFile();
  if (!file) return 'residency.config.schema.json';
  const rel = toPosix(path.relative(root, file));
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Writes the plan; returns the root-relative files written. */
function apply(plan: InitPlan, write: (file: string, text: string) => void): string[] {
  const written: string[] = [];
  for (const [file, text] of plan.edits) {
    write(file, text);
    written.push(path.posix.relative(plan.root, file));
  }
  if (plan.config.text !== undefined) {
    write(plan.config.path, plan.config.text);
    written.push(path.posix.relative(plan.root, plan.config.path));
  }
  return written;
}

/** Runs init; `write` replaces one file atomically (the CLI's writer). Exit status: 0, or 2 when nothing could be analysed. */
export function runInit(args: InitArgs, io: InitIO, write: (file: string, text: string) => void): number {
  const root = toPosix(args.root);
  const plan = planInit(createNodeHost({ readOnce: true }), { root, lang: args.lang, schemaRef: schemaRef(root) });
  const nothing = plan.problems.find((p) => p.code === 'RG014');
  if (plan.files === 0) {
    io.stderr(`residency-guard: ${nothing?.message ?? 'No file was analysed'}\n`);
    return 2;
  }
  const written = args.write ? apply(plan, write) : undefined;
  io.stdout(args.format === 'json' ? formatInitJson(plan, pkg.version, written) : formatInitText(plan, args.lang, written?.length));
  return 0;
}
