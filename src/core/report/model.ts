/**
 * The result of a check as every output (CLI text/JSON, editor diagnostics) sees it: findings with their
 * sources, destination and path; suppressed findings with their reasons; and input problems.
 */
import type { ResidencyConfig } from '../config/types';
import type { Loc, Problem, Severity } from '../model';
import type { RuleId } from '../rules/ruleIds';
import type { DeclaredSource, EgressPoint } from '../inventory/inventory';
import type { FlowRecord } from './flows';

/** The tool's name in every report (`tool` of the JSON report, `tool.driver.name` of SARIF). */
export const TOOL_NAME = 'residency-guard';

/** An annotated declaration, for hovers and completions. */
export interface AnnotatedDeclaration {
  readonly location: Loc;
  readonly name: string;
  /** The tags as written: name → values. */
  readonly tags: Readonly<Record<string, readonly string[]>>;
}

export interface FindingSource {
  readonly symbol: string;
  readonly category: string;
  readonly residency: string;
  readonly location: Loc;
}

export interface FindingDestination {
  readonly country: string | null;
  readonly region: string | null;
  readonly party: string | null;
  readonly access: string | null;
  readonly description: string;
}

export interface PathStep {
  readonly location: Loc;
  readonly note: string;
}

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly message: string;
  /** The sink expression. */
  readonly location: Loc;
  /** Within the sink, the expression that carries the data (a call's argument), when it is one; the editor squiggles it. */
  readonly dataLocation?: Loc;
  readonly sources: readonly FindingSource[];
  readonly destination: FindingDestination;
  /** Source declaration, each hop, then the sink (of the first source). */
  readonly path: readonly PathStep[];
  /** Every source's own path, in the order of `sources` (`paths[0]` is `path`); the editor shows them all. */
  readonly paths?: readonly (readonly PathStep[])[];
  readonly fingerprint: string;
  /** Set on suppressed findings. */
  readonly suppression?: { readonly reason: string; readonly location: Loc };
  /** The repository the finding was found in (set in a merged register, `residency-guard merge`). */
  readonly repository?: string;
}

export interface CheckResult {
  /** Absolute path of the checked root. */
  readonly root: string;
  readonly findings: readonly Finding[];
  readonly suppressed: readonly Finding[];
  readonly problems: readonly Problem[];
  /** Number of source files analysed. */
  readonly files: number;
  readonly config: ResidencyConfig;
  /** Every source-to-sink flow seen, also those no rule flags. */
  readonly flows: readonly FlowRecord[];
  readonly declarations: readonly AnnotatedDeclaration[];
  /** How many findings a baseline held and were left out (set only when a baseline was applied). */
  readonly baselined?: number;
  /** The repository checked (`--repository`, else its git remote), recorded in the JSON report for `merge`. */
  readonly repository?: string;
  /** Set on a merged result (`residency-guard merge`): the repositories it covers, in input order. */
  readonly repositories?: readonly string[];
  /** Files not analysed (binary, too large, over the budget, not regular, outside the root, unparsable). */
  readonly filesSkipped?: number;
  /** What was looked at, flows or not (made when asked for; absent where a result crossed from the language server's worker). */
  readonly inventory?: Inventory;
}

/** Every declared source and every egress point of a run, with paths relative to the root (SPEC §7.3 v2). */
export interface Inventory {
  readonly sources: readonly DeclaredSource[];
  readonly egress: readonly EgressPoint[];
}
