/**
 * Reads the config's `iac` files through the FileHost (the core does no I/O of its own): the globs are
 * matched against the files below their fixed prefix (build output, `node_modules` and `.terraform`
 * skipped), each file is read like every input (regular files within the size limit) and handed to its
 * reader by name — `*.tf`/`*.tfvars` (Terraform), `serverless.yml`/`.yaml`, compose files, dotenv files
 * (`.env*`), Pulumi stack settings (`Pulumi.<stack>.yaml`). The config's `envFiles` are read as bindings too. The texts read make the key that tells a
 * run whether the infrastructure changed. A glob that matches nothing, an unreadable file and a file of a
 * kind none reads are located problems; so is every syntax error inside a file.
 */
import { joinPath } from '../analysis/fileDiscovery';
import type { ResidencyConfig } from '../config/types';
import type { FileHost } from '../host';
import type { Loc } from '../model';
import { GlobSet } from '../text/glob';
import { readCompose } from './compose';
import { envFileBindings } from './envBindings';
import { mergeFacts, type IacFacts, type IacProblem } from './model';
import { readPulumiStack, type PulumiStackConfig } from './pulumiConfig';
import { readServerless } from './serverless';
import { readTerraform, type TextInput } from './terraform';

export interface IacFiles {
  readonly facts: IacFacts;
  /** The `Pulumi.<stack>.yaml` settings, for the Pulumi programs of the workspace. */
  readonly pulumiStacks: readonly PulumiStackConfig[];
  /** The paths and texts read, for noticing changes between runs. */
  readonly key: string;
}

const SKIPPED = new Set(['node_modules', '.git', '.terraform', '.serverless', 'cdk.out', 'dist', 'out', 'build', 'coverage']);
const MAX_FILES = 2000;

type Kind = 'terraform' | 'serverless' | 'compose' | 'env' | 'pulumi';

export function kindOf(rel: string): Kind | undefined {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  if (/\.(tf|tfvars)$/.test(name)) return 'terraform';
  if (/^serverless(\.[\w-]+)?\.ya?ml$/.test(name)) return 'serverless';
  if (/^Pulumi\.[\w.-]+\.ya?ml$/.test(name)) return 'pulumi';
  if (/^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(name)) return 'compose';
  if (/^\.env(\..+)?$/.test(name) || name.endsWith('.env')) return 'env';
  return undefined;
}

/** Reads every file the config's `iac` globs match, and its `envFiles`. */
export function readIacFiles(host: FileHost, root: string, config: ResidencyConfig, maxBytes: number): IacFiles {
  const base = root.replace(/\/$/, '');
  const problems: IacProblem[] = [];
  const chosen = new Map<string, Kind>();
  for (const { pattern, location } of config.iac ?? []) {
    const found = matchFiles(host, base, pattern);
    if (found.length === 0) problems.push({ loc: location ?? fileStart(`${base}/residency.config.json`), message: `"iac" pattern "${pattern}" matches no file` });
    // A folder named as a whole (`"infra"`) gives the files of the kinds read; a glob's other files are problems.
    const folder = host.directoryExists(`${base}/${pattern.replace(/^\.\//, '').replace(/\/+$/, '')}`);
    for (const rel of found) {
      const kind = kindOf(rel);
      if (kind) chosen.set(rel, kind);
      else if (!folder) problems.push({ loc: fileStart(`${base}/${rel}`), message: `${rel} matches "iac" but is not a kind of file Residency Guard reads (Terraform, serverless.yml, compose, dotenv, Pulumi.<stack>.yaml); it is not used` });
    }
  }
  for (const { path } of config.envFiles) chosen.set(path.replace(/^\.\//, ''), 'env');
  const texts: string[] = [];
  const byKind: Record<Kind, TextInput[]> = { terraform: [], serverless: [], compose: [], env: [], pulumi: [] };
  for (const [rel, kind] of [...chosen].sort(([a], [b]) => a.localeCompare(b))) {
    const file = `${base}/${rel}`;
    const input = host.readInput(file, maxBytes);
    texts.push(`${rel}\u0000${input.text ?? `\u0001${input.refused}`}`);
    if (input.text !== undefined) byKind[kind].push({ file, rel, text: input.text });
    else if (kind !== 'env') problems.push({ loc: fileStart(file), message: `${rel} (named by "iac") cannot be read: ${input.refused}` });
  }
  const stacks = byKind.pulumi.map((i) => readPulumiStack(i.file, i.rel, i.text));
  const facts = mergeFacts([
    readTerraform(byKind.terraform),
    ...byKind.serverless.map((i) => readServerless(i.file, i.rel, i.text)),
    ...byKind.compose.map((i) => readCompose(i.file, i.rel, i.text)),
    { resources: [], bindings: byKind.env.flatMap((i) => envFileBindings(i.file, i.rel, i.text)), problems: [] },
    { resources: [], bindings: [], problems: [...problems, ...stacks.flatMap((s) => s.problems)] },
  ]);
  return { facts, pulumiStacks: stacks.map((s) => s.config), key: texts.join('\u0002') };
}

function fileStart(file: string): Loc {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** Root-relative paths of the files a glob matches, walking only below its fixed prefix. */
export function matchFiles(host: FileHost, base: string, pattern: string): string[] {
  const clean = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  const glob = new GlobSet([clean]);
  const fixed = clean.split('/');
  const prefix: string[] = [];
  for (const part of fixed.slice(0, -1)) {
    if (/[*?[]/.test(part)) break;
    prefix.push(part);
  }
  const out: string[] = [];
  const visit = (rel: string, depth: number): void => {
    if (out.length >= MAX_FILES || depth > 32) return;
    const abs = rel ? `${base}/${rel}` : base;
    for (const name of [...host.readDirectory(abs)].sort()) {
      const child = rel ? `${rel}/${name}` : name;
      const st = host.stat(joinPath(abs, name));
      if (!st || st.isSymbolicLink) continue;
      if (st.isDirectory && !SKIPPED.has(name)) visit(child, depth + 1);
      else if (st.isFile && glob.matches(child) && (child === clean || !/(^|\/)\.\.?(\/|$)/.test(child))) out.push(child);
    }
  };
  const start = /[*?[]/.test(clean) ? prefix.join('/') : clean.replace(/\/+$/, '');
  if (!/[*?[]/.test(clean) && !host.directoryExists(`${base}/${clean}`)) return host.stat(`${base}/${clean}`)?.isFile ? [clean] : [];
  if (start === '' || host.directoryExists(`${base}/${start}`)) visit(start, 0);
  return out;
}
