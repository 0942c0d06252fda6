/**
 * The performance budgets of DESIGN §7 that the benchmark checks, as plain functions of what it
 * measured, so every table row says PASS or OVER the same way.
 */

/** A small plan, end to end (a fresh `warden scan` process, start-up included). */
export const SMALL_PLAN_MS = 400;
/** A large plan with every built-in policy and all outputs: at most this many times `JSON.parse` on the same file. */
export const PARSE_RATIO = 2;
/** Plans from this many resources on are "large" for the ratio budget; below it start-up dominates (see SMALL_PLAN_MS). */
export const LARGE_PLAN_RESOURCES = 50_000;
/** 10× resources → at most 12× time: time per resource may grow by this factor. */
export const GROWTH_PER_RESOURCE = 1.2;
/** HCL source, end to end. */
export const HCL_MB_PER_S = 1;

const MB = 1024 * 1024;

/** Peak memory allowed for a scan of a file of this size: 4× the file + 100 MB. */
export function rssBudget(fileBytes: number): number {
  return 4 * fileBytes + 100 * MB;
}

export function verdict(ok: boolean): 'PASS' | 'OVER' {
  return ok ? 'PASS' : 'OVER';
}

/** Growth from one size to the next: the time factor against the budget for the resource factor. */
export function growthVerdict(resourceFactor: number, timeFactor: number): string {
  const allowed = GROWTH_PER_RESOURCE * resourceFactor;
  return `×${timeFactor.toFixed(2)} for ×${resourceFactor.toFixed(1)} resources (budget ≤ ×${allowed.toFixed(1)}) ${verdict(timeFactor <= allowed)}`;
}
