/**
 * Reads a JSON report written by `check --format json` (or `merge --format json`) for `residency-guard merge`:
 * parses it, checks that it is a residency-guard report of schemaVersion 1 with a `register` section, and
 * validates it against `schemas/report.schema.json` (the validator compiled ahead of time). Anything wrong is a
 * ReportInputError naming the file and the line and column of the offending value. The result holds the
 * findings, suppressed findings and problems as the engine models them, and the register.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Loc, Problem, ProblemCode, ProblemKind, Severity } from '../model';
import type { RuleId } from '../rules/ruleIds';
import { LineMap } from '../text/positions';
import type { Finding, FindingSource, PathStep } from './model';
import { pointLoc, readRegister, type ReadRegister } from './registerJson';
import { validate as compiledValidator } from './reportValidator.generated';

const validate = compiledValidator as unknown as ValidateFunction;
const SUPPORTED_VERSION = 1;

type Json = Record<string, unknown>;

export class ReportInputError extends Error {
  constructor(readonly file: string, readonly line: number, readonly column: number, readonly reason: string) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}

export interface ParsedReport {
  readonly file: string;
  readonly repository: string | undefined;
  /** Set when the report is itself a merge. */
  readonly repositories: readonly string[] | undefined;
  readonly files: number;
  readonly findings: Finding[];
  readonly suppressed: Finding[];
  readonly problems: Problem[];
  readonly register: ReadRegister;
}

interface Reader {
  readonly file: string;
  readonly lines: LineMap;
  readonly root: Node;
}

function fail(r: Reader, node: Node | undefined, reason: string): never {
  const at = r.lines.loc(r.file, node?.offset ?? 0, node?.offset ?? 0);
  throw new ReportInputError(r.file, at.line, at.column, reason);
}

function parse(file: string, text: string): Reader {
  const lines = new LineMap(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) {
    const at = lines.loc(file, errors[0].offset, errors[0].offset);
    throw new ReportInputError(file, at.line, at.column, `not valid JSON: ${printParseErrorCode(errors[0].error)}`);
  }
  if (!root || root.type !== 'object') throw new ReportInputError(file, 1, 1, 'not a JSON report of residency-guard: expected an object');
  return { file, lines, root };
}

function checkIdentity(r: Reader, value: Json): void {
  if (value.tool !== 'residency-guard') {
    fail(r, findNodeAtLocation(r.root, ['tool']) ?? r.root, `not a JSON report of residency-guard ("tool" is ${JSON.stringify(value.tool) ?? 'missing'}); write one with \`residency-guard check --format json\``);
  }
  if (value.schemaVersion !== SUPPORTED_VERSION) {
    const found = JSON.stringify(value.schemaVersion) ?? 'missing';
    fail(r, findNodeAtLocation(r.root, ['schemaVersion']) ?? r.root, `schemaVersion ${found} is not supported: this residency-guard reads schemaVersion ${SUPPORTED_VERSION}`);
  }
}

function segmentsOf(error: ErrorObject): (string | number)[] {
  if (error.instancePath === '') return [];
  return error.instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the report' : error.instancePath.slice(1).replace(/\//g, '.');
  if (error.keyword === 'required') return `${where} has no "${String(error.params.missingProperty)}"`;
  return `${where} ${error.message ?? 'is invalid'}`;
}

function checkSchema(r: Reader, value: Json): void {
  if (validate(value)) return;
  const errors = validate.errors ?? [];
  // The most specific error: the deepest path (a oneOf failure also reports its branches).
  const error = [...errors].sort((a, b) => segmentsOf(b).length - segmentsOf(a).length)[0];
  if (error) fail(r, findNodeAtLocation(r.root, segmentsOf(error)) ?? r.root, `not a valid report: ${describe(error)}`);
}

function loc(v: Json): Loc {
  return { file: v.file as string, line: v.line as number, column: v.column as number, endLine: v.endLine as number, endColumn: v.endColumn as number };
}

function readFinding(f: Json): Finding {
  const d = f.destination as Json;
  const s = f.suppression as Json | undefined;
  return {
    rule: f.rule as RuleId, severity: f.severity as Severity, message: f.message as string, location: loc(f.location as Json),
    sources: (f.sources as Json[]).map((x): FindingSource => ({ symbol: x.symbol as string, category: x.category as string, residency: x.residency as string, location: pointLoc(x.location as Json) })),
    destination: { country: d.country as string | null, region: d.region as string | null, party: d.party as string | null, access: d.access as string | null, description: (d.description as string | undefined) ?? '' },
    path: (f.path as Json[]).map((p): PathStep => ({ location: pointLoc(p.location as Json), note: p.note as string })),
    fingerprint: f.fingerprint as string,
    ...(s ? { suppression: { reason: s.reason as string, location: loc(s.location as Json) } } : {}),
    ...(typeof f.repository === 'string' ? { repository: f.repository } : {}),
  };
}

function readProblem(p: Json): Problem {
  return {
    kind: p.kind as ProblemKind, code: p.code as ProblemCode, severity: p.severity as Severity, message: p.message as string, location: loc(p.location as Json),
    ...(typeof p.suggestion === 'string' ? { suggestion: p.suggestion } : {}), ...(typeof p.repository === 'string' ? { repository: p.repository } : {}),
  };
}

/** The report in `text` (read from `file`, which messages name); throws ReportInputError. */
export function parseReport(file: string, text: string): ParsedReport {
  const r = parse(file, text);
  const value = JSON.parse(text) as Json;
  checkIdentity(r, value);
  checkSchema(r, value);
  if (value.register === undefined) {
    fail(r, r.root, 'the report has no "register" section: it was written by an earlier residency-guard; run `residency-guard check --format json` again');
  }
  return {
    file,
    repository: typeof value.repository === 'string' ? value.repository : undefined,
    repositories: Array.isArray(value.repositories) ? (value.repositories as string[]) : undefined,
    files: (value.summary as Json).files as number,
    findings: (value.findings as Json[]).map(readFinding),
    suppressed: (value.suppressed as Json[]).map(readFinding),
    problems: (value.problems as Json[]).map(readProblem),
    register: readRegister(value.register as Json),
  };
}
