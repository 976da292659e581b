/**
 * Settings shared by the property tests: a fixed seed, so a failure reproduces, and a run count
 * that `FUZZ_RUNS` raises for long runs (`FUZZ_RUNS=100000 npm run test:unit`). Each property
 * prints how many cases it ran.
 */
import * as fc from 'fast-check';

export const FUZZ_SEED = 1616;

export function fuzzRuns(defaultRuns = 300): number {
  const fromEnvironment = Number(process.env['FUZZ_RUNS']);
  return Number.isInteger(fromEnvironment) && fromEnvironment > 0 ? fromEnvironment : defaultRuns;
}

/** Checks a property with the shared seed and run count, then prints the count. */
export function checkProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>,
  defaultRuns?: number,
): void | Promise<void> {
  const numRuns = fuzzRuns(defaultRuns);
  const report = (): void => console.log(`      ${name}: ${numRuns} cases, seed ${FUZZ_SEED}`);
  const result: unknown = fc.assert(property as fc.IProperty<Ts>, { seed: FUZZ_SEED, numRuns, endOnFailure: true });
  if (result instanceof Promise) {
    return result.then(report);
  }
  report();
}

/** Text made of the characters that matter to a grammar, mixed with arbitrary ones. */
export function textOf(alphabet: readonly string[], maxLength = 40): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...alphabet) }, { weight: 1, arbitrary: fc.string({ maxLength: 3, unit: 'binary' }) }), { maxLength })
    .map((parts) => parts.join(''));
}
