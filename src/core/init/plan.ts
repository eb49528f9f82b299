/**
 * `residency-guard init` as a plan (SPEC §7.4): the candidates of the workspace's code and Prisma schemas,
 * the egress points it found, the starter config (when there is none), and the new text of every file the
 * proposals change. Computing the plan changes nothing: the CLI writes it only with `--write`. Applying a
 * plan and planning again proposes nothing already applied (every proposal carries a tag the finder skips).
 * Everything is read through the FileHost.
 */
import { prismaSchemaFiles } from '../annotations/prismaSchema';
import { checkWorkspaceSession, CONFIG_FILE_NAME, type CheckOptions } from '../engine';
import type { FileHost } from '../host';
import type { EgressPoint } from '../inventory/inventory';
import type { Problem } from '../model';
import { relativeLoc } from '../analysis/program';
import { codeCandidates } from './candidates';
import { prismaCandidates } from './prismaCandidates';
import { starterConfigText } from './starterConfig';
import type { Candidate, Insertion } from './types';

export interface InitPlan {
  readonly root: string;
  /** Root-relative locations. */
  readonly candidates: readonly Candidate[];
  readonly egress: readonly EgressPoint[];
  /** The config file (absolute) and the starter text to create it with; `text` undefined when it exists (left unchanged). */
  readonly config: { readonly path: string; readonly text: string | undefined };
  /** Absolute path → the file's new text, for every file a proposal changes. */
  readonly edits: ReadonlyMap<string, string>;
  /** Problems that keep the plan from covering the workspace (nothing analysed, unreadable files). */
  readonly problems: readonly Problem[];
  readonly files: number;
}

export interface InitOptions extends Pick<CheckOptions, 'root' | 'lang' | 'maxFileBytes'> {
  /** `$schema` of the starter config (relative to the root, or a URI). */
  readonly schemaRef: string;
}

/** The text with the insertions made (highest offset first, so offsets stay valid; equal offsets keep their order). */
export function applyInsertions(text: string, insertions: readonly Insertion[]): string {
  const sorted = [...insertions].map((x, i) => ({ x, i })).sort((a, b) => b.x.offset - a.x.offset || b.i - a.i);
  let out = text;
  for (const { x } of sorted) out = out.slice(0, x.offset) + x.text + out.slice(x.offset);
  return out;
}

function editsOf(host: FileHost, candidates: readonly Candidate[]): Map<string, string> {
  const byFile = new Map<string, Insertion[]>();
  for (const c of candidates) byFile.set(c.insertion.file, [...(byFile.get(c.insertion.file) ?? []), c.insertion]);
  const out = new Map<string, string>();
  for (const [file, list] of byFile) {
    const text = host.readFile(file);
    if (text !== undefined) out.set(file, applyInsertions(text, list));
  }
  return out;
}

export function planInit(host: FileHost, opts: InitOptions): InitPlan {
  const root = opts.root.replace(/\/$/, '');
  const { result, program } = checkWorkspaceSession(host, { root, lang: opts.lang, maxFileBytes: opts.maxFileBytes });
  const workspace = new Set(program.getRootFileNames());
  const files = program.getSourceFiles().filter((sf) => workspace.has(sf.fileName));
  const prisma = prismaSchemaFiles(root, (p) => host.readFile(p), (p) => host.readDirectory(p)).flatMap((f) => {
    const text = host.readFile(f);
    return text === undefined ? [] : prismaCandidates(f, text);
  });
  const absolute = [...codeCandidates(program, files), ...prisma];
  const configPath = `${root}/${CONFIG_FILE_NAME}`;
  const egress = result.inventory?.egress ?? [];
  return {
    root,
    candidates: absolute.map((c) => ({ ...c, location: relativeLoc(root, c.location) })),
    egress,
    config: { path: configPath, text: host.fileExists(configPath) ? undefined : starterConfigText(opts.schemaRef, egress) },
    edits: editsOf(host, absolute),
    problems: result.problems.filter((p) => p.kind === 'file' || p.code === 'RG014'),
    files: result.files,
  };
}
