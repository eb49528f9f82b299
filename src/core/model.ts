/**
 * Shared value types of the engine: locations, severities and the problems reported about inputs
 * (annotations, suppressions, the config file, unreadable source files).
 */

/** A span in a file. `file` is absolute while inside the engine; reports make it root-relative. Lines and columns are 1-based; `endColumn` is exclusive. */
export interface Loc {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** `coverage`: what keeps a run honest (SPEC §7.3 v2) — nothing analysed, no source declared, path aliases that do not resolve; `iac`: infrastructure files. */
export type ProblemKind = 'annotation' | 'suppression' | 'config' | 'parse' | 'file' | 'coverage' | 'iac';

/** Codes of input problems; each has a documentation page like the rules do. */
export const PROBLEM_CODES = {
  unknownValue: 'RG001',
  misplacedTag: 'RG002',
  missingValue: 'RG003',
  unknownTag: 'RG004',
  suppressionWithoutReason: 'RG005',
  suppressionUnknownRule: 'RG006',
  configSyntax: 'RG007',
  configSchema: 'RG008',
  configReference: 'RG009',
  sourceParse: 'RG010',
  fileSkipped: 'RG011',
  duplicateTag: 'RG012',
  tagWithoutEffect: 'RG013',
  nothingAnalysed: 'RG014',
  noSourceDeclared: 'RG015',
  unresolvedAlias: 'RG016',
  iacFile: 'RG017',
} as const;
export type ProblemCode = (typeof PROBLEM_CODES)[keyof typeof PROBLEM_CODES];

export interface Problem {
  readonly kind: ProblemKind;
  readonly code: ProblemCode;
  readonly severity: Severity;
  readonly message: string;
  readonly location: Loc;
  /** A replacement the user probably meant ("did you mean"), when there is one. */
  readonly suggestion?: string;
  /** The repository of the problem (set in a merged report, `residency-guard merge`). */
  readonly repository?: string;
}
