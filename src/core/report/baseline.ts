/**
 * Baselines (`--baseline FILE`, SPEC §7.2): a JSON report written earlier (`--format json`) lists the
 * findings a team has accepted for now. Only findings whose fingerprint the baseline does not hold are
 * reported (and count for the exit status). Fingerprints ignore line numbers, so moved code stays
 * baselined; a fingerprint listed N times in the baseline covers at most N findings, so a second copy
 * of an accepted flow in the same function is still reported.
 */
import type { CheckResult, Finding } from './model';

/** Fingerprint → how many findings of the baseline carry it. */
export type Baseline = ReadonlyMap<string, number>;

export class BaselineError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads the text of a JSON report; throws BaselineError when it is not one. */
export function parseBaseline(text: string): Baseline {
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`it is not JSON (${(e as Error).message})`);
  }
  if (!isRecord(report) || !Array.isArray(report.findings)) {
    throw new BaselineError('it is not a JSON report of residency-guard (written with --format json): it has no "findings" array');
  }
  const counts = new Map<string, number>();
  for (const [i, f] of report.findings.entries()) {
    if (!isRecord(f) || typeof f.fingerprint !== 'string') throw new BaselineError(`findings[${i}] has no "fingerprint" string`);
    counts.set(f.fingerprint, (counts.get(f.fingerprint) ?? 0) + 1);
  }
  return counts;
}

/** Splits findings into those the baseline does not hold (new) and those it does. */
export function splitByBaseline(findings: readonly Finding[], baseline: Baseline): { fresh: Finding[]; known: Finding[] } {
  const left = new Map(baseline);
  const fresh: Finding[] = [];
  const known: Finding[] = [];
  for (const f of findings) {
    const n = left.get(f.fingerprint) ?? 0;
    if (n > 0) {
      left.set(f.fingerprint, n - 1);
      known.push(f);
    } else {
      fresh.push(f);
    }
  }
  return { fresh, known };
}

/** The result with the baselined findings left out and counted in `baselined`. */
export function applyBaseline(result: CheckResult, baseline: Baseline): CheckResult {
  const { fresh, known } = splitByBaseline(result.findings, baseline);
  return { ...result, findings: fresh, baselined: known.length };
}
