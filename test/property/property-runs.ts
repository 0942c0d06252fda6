import type { Parameters } from 'fast-check';

/** The seed CI runs with: a fixed one keeps `npm test` deterministic. */
const DEFAULT_SEED = 20261203;

/**
 * fast-check parameters for one property: `defaultRuns` runs, or WARDEN_FC_RUNS to explore more
 * locally; the fixed seed, or WARDEN_FC_SEED (a number, or `random`) to try others. A failure prints
 * its seed and shrink path; WARDEN_FC_SEED plus WARDEN_FC_PATH replays exactly that case.
 */
export function propertyParameters<T>(defaultRuns: number): Parameters<T> {
  const runs = Number(process.env['WARDEN_FC_RUNS']);
  const seedText = process.env['WARDEN_FC_SEED'];
  const seed = seedText === 'random' ? Date.now() : seedText ? Number(seedText) : DEFAULT_SEED;
  const path = process.env['WARDEN_FC_PATH'];
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
    seed,
    ...(path ? { path, endOnFailure: true } : {}),
  };
}

/** The test timeout for a property: vitest's 60 s per 100 runs, so that WARDEN_FC_RUNS=5000 is not cut short. */
export function propertyTimeout(): number {
  const runs = Number(process.env['WARDEN_FC_RUNS']);
  return 60_000 * Math.max(1, Number.isInteger(runs) && runs > 0 ? runs / 100 : 1);
}
