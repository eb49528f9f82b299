/**
 * Runs a fast-check property and, when it fails, throws an error that carries the counterexample (as JSON,
 * so invisible characters show) and the assertion that failed — node:test prints only the message.
 */
import fc from 'fast-check';

export function checkProperty<T>(property: fc.IProperty<T>, params: fc.Parameters<T>): void {
  const details = fc.check(property, params);
  if (!details.failed) return;
  const error = details.errorInstance;
  const why = error instanceof Error ? error.message : String(error);
  const seed = `seed ${details.seed}, path "${details.counterexamplePath ?? ''}"`;
  throw new Error(`Property failed after ${details.numRuns} runs (${seed}, shrunk ${details.numShrinks} times)\n` +
    `Counterexample: ${JSON.stringify(details.counterexample)}\n${why}`);
}

/**
 * Arbitrary text: any UTF-16 code units (lone surrogates, NUL and control characters included), mostly
 * ASCII so that JSON and code tokens appear, sometimes astral characters. Cheaper to generate than
 * `fc.string({ unit: 'binary' })`.
 */
export function anyText(maxLength: number): fc.Arbitrary<string> {
  const unit = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
    { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
  );
  return fc.array(unit, { maxLength }).map((units) => units.join(''));
}
