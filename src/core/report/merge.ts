/**
 * `residency-guard merge` (SPEC §7.2 v2): one result for a company from the JSON reports of many repositories,
 * which every output format can print (the register, the disclosure draft, a merged JSON report that can be
 * merged again). Each finding, flow and problem keeps the repository it was found in (the report's
 * `repository`, else a name the caller gives, such as the report's file name). Parties and bases are merged
 * by id; the same id declared differently in two repositories becomes `id@repository` in the later one, so
 * no recipient takes another's name or measures. Assessments are joined per country; the countries the
 * privacy policy names are the union of those the repositories configure. A repository found in two reports
 * is an error (ReportInputError): its findings would count twice.
 */
import { defaultConfig } from '../config/loadConfig';
import type { Basis, Party, ResidencyConfig } from '../config/types';
import type { Problem } from '../model';
import type { FlowRecord } from './flows';
import type { CheckResult, Finding } from './model';
import { ReportInputError, type ParsedReport } from './reportInput';

export interface MergeInput {
  readonly report: ParsedReport;
  /** The repository name to use when the report records none. */
  readonly fallbackName: string;
}

/** Ids renamed in one report: party and basis id → the id in the merge. */
interface Renames {
  readonly parties: Map<string, string>;
  readonly bases: Map<string, string>;
}

interface Acc {
  readonly repositories: string[];
  /** Repository → the report file it came from. */
  readonly sources: Map<string, string>;
  readonly findings: Finding[];
  readonly suppressed: Finding[];
  readonly problems: Problem[];
  readonly flows: FlowRecord[];
  readonly parties: Map<string, Party>;
  readonly bases: Map<string, Basis>;
  readonly assessments: Map<string, Set<string>>;
  disclosure: Set<string> | undefined;
  files: number;
}

function sameParty(a: Party, b: Party): boolean {
  return a.name === b.name && a.access === b.access && a.country === b.country && a.basis === b.basis && a.measures === b.measures;
}

function sameBasis(a: Basis, b: Basis): boolean {
  return JSON.stringify({ ...a, location: undefined }) === JSON.stringify({ ...b, location: undefined });
}

/** Adds `items` to `into` by id; an id already taken by a different declaration is renamed `id@repository`. */
function mergeById<T extends { readonly id: string }>(into: Map<string, T>, items: Iterable<T>, same: (a: T, b: T) => boolean, repo: string): Map<string, string> {
  const renames = new Map<string, string>();
  for (const item of items) {
    const taken = into.get(item.id);
    const id = taken === undefined || same(taken, item) ? item.id : `${item.id}@${repo}`;
    if (id !== item.id) renames.set(item.id, id);
    if (!into.has(id)) into.set(id, { ...item, id });
  }
  return renames;
}

function renamed(id: string | null, map: ReadonlyMap<string, string>): string | null {
  return id === null ? null : (map.get(id) ?? id);
}

function withRepoFinding(f: Finding, repo: string, r: Renames): Finding {
  return { ...f, repository: f.repository ?? repo, destination: { ...f.destination, party: renamed(f.destination.party, r.parties) } };
}

function withRepoFlow(f: FlowRecord, repo: string, r: Renames): FlowRecord {
  return {
    ...f, repository: f.repository ?? repo,
    parties: f.parties.map((p) => ({ ...p, id: renamed(p.id, r.parties) ?? p.id })),
    bases: f.bases.map((b) => r.bases.get(b) ?? b),
  };
}

/** Records the report's repositories; one already merged from another report is an error (it would count twice). */
function addRepositories(acc: Acc, rep: ParsedReport, repo: string): void {
  for (const name of rep.repositories ?? [repo]) {
    const earlier = acc.sources.get(name);
    if (earlier !== undefined) {
      throw new ReportInputError(rep.file, 1, 1, `repository "${name}" is also in ${earlier}: merge each repository's report once (give checks of one repository different --repository names)`);
    }
    acc.sources.set(name, rep.file);
    acc.repositories.push(name);
  }
}

function addReport(acc: Acc, input: MergeInput): void {
  const rep = input.report;
  const repo = rep.repository ?? input.fallbackName;
  addRepositories(acc, rep, repo);
  const bases = mergeById(acc.bases, rep.register.bases.values(), sameBasis, repo);
  const parties = [...rep.register.parties.values()].map((p) => (p.basis && bases.has(p.basis) ? { ...p, basis: bases.get(p.basis) } : p));
  const r: Renames = { parties: mergeById(acc.parties, parties, sameParty, repo), bases };
  acc.findings.push(...rep.findings.map((f) => withRepoFinding(f, repo, r)));
  acc.suppressed.push(...rep.suppressed.map((f) => withRepoFinding(f, repo, r)));
  acc.problems.push(...rep.problems.map((p) => ({ ...p, repository: p.repository ?? repo })));
  acc.flows.push(...rep.register.flows.map((f) => withRepoFlow(f, repo, r)));
  for (const [country, ref] of Object.entries(rep.register.assessments)) acc.assessments.set(country, (acc.assessments.get(country) ?? new Set()).add(ref));
  if (rep.register.disclosureCountries) acc.disclosure = new Set([...(acc.disclosure ?? []), ...rep.register.disclosureCountries]);
  acc.files += rep.files;
}

function configOf(acc: Acc): ResidencyConfig {
  const assessments = Object.fromEntries([...acc.assessments.entries()].map(([c, refs]) => [c, [...refs].join('; ')]));
  return { ...defaultConfig(undefined), parties: acc.parties, bases: acc.bases, assessments, disclosureCountries: acc.disclosure ? [...acc.disclosure].sort() : undefined };
}

/** One result from the reports, in order. */
export function mergeReports(inputs: readonly MergeInput[]): CheckResult {
  const acc: Acc = {
    repositories: [], sources: new Map(), findings: [], suppressed: [], problems: [], flows: [], parties: new Map(), bases: new Map(),
    assessments: new Map(), disclosure: undefined, files: 0,
  };
  for (const input of inputs) addReport(acc, input);
  return {
    root: '', findings: acc.findings, suppressed: acc.suppressed, problems: acc.problems, files: acc.files, config: configOf(acc),
    flows: acc.flows, declarations: [], repositories: acc.repositories,
  };
}
