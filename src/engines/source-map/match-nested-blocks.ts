import type { Location } from '../../model/location.js';
import { isSensitive } from '../../model/sensitive.js';
import { isUnknown } from '../../model/unknown.js';
import { isValueObject, type Value, type ValueObject } from '../../model/value.js';

/**
 * Carries attribute locations from a source resource over to the same resource in a plan. Nested
 * blocks are lists in both, but Terraform stores set-typed blocks (a security group's `ingress`) in
 * its own order, so `ingress.0` in the plan may be the second block written. Elements are paired by
 * their content; a block that cannot be paired keeps only its parent's location.
 */
export function mapAttributeLocations(locations: Record<string, Location>, sourceValues: ValueObject, planValues: ValueObject): Record<string, Location> {
  const pairings = new Map<Value[], Map<number, number>>();
  const out: Record<string, Location> = {};
  for (const [path, location] of Object.entries(locations)) {
    const mapped = translate(path.split('.'), sourceValues, planValues, pairings);
    if (mapped !== undefined) out[mapped] = location;
  }
  return out;
}

function translate(steps: string[], source: Value | undefined, plan: Value | undefined, pairings: Map<Value[], Map<number, number>>): string | undefined {
  const out: string[] = [];
  let s = source;
  let p = plan;
  for (const step of steps) {
    if (Array.isArray(s) && /^\d+$/.test(step)) {
      if (!Array.isArray(p)) return undefined;
      let pairing = pairings.get(s);
      if (!pairing) {
        pairing = pairElements(s, p);
        pairings.set(s, pairing);
      }
      const index = pairing.get(Number(step));
      if (index === undefined) return undefined;
      out.push(String(index));
      s = s[Number(step)];
      p = p[index];
    } else {
      out.push(step);
      s = isValueObject(s) ? s[step] : undefined;
      p = isValueObject(p) ? p[step] : undefined;
    }
  }
  return out.join('.');
}

/** Source element index → plan element index, pairing the elements that agree on the most known values. */
function pairElements(source: Value[], plan: Value[]): Map<number, number> {
  const pairing = new Map<number, number>();
  if (!source.some(isValueObject)) {
    source.forEach((_, i) => {
      if (i < plan.length) pairing.set(i, i);
    });
    return pairing;
  }
  const candidates: { s: number; p: number; score: number }[] = [];
  source.forEach((sourceItem, s) => {
    plan.forEach((planItem, p) => {
      const score = agreement(sourceItem, planItem);
      if (score >= 0) candidates.push({ s, p, score });
    });
  });
  // Best agreement first; ties keep source order so identical blocks pair in order.
  candidates.sort((a, b) => b.score - a.score || a.s - b.s || a.p - b.p);
  const usedPlan = new Set<number>();
  for (const { s, p } of candidates) {
    if (pairing.has(s) || usedPlan.has(p)) continue;
    pairing.set(s, p);
    usedPlan.add(p);
  }
  return pairing;
}

/** How many known values two elements share; -1 when a value known on both sides differs. */
function agreement(source: Value, plan: Value): number {
  if (!isValueObject(source) || !isValueObject(plan)) return equalKnown(source, plan) === false ? -1 : 0;
  let score = 0;
  for (const key of Object.keys(source)) {
    const same = equalKnown(source[key], plan[key]);
    if (same === false) return -1;
    if (same === true) score++;
  }
  return score;
}

/** true / false when both sides are known, undefined when either is not. */
function equalKnown(a: Value | undefined, b: Value | undefined): boolean | undefined {
  if (a === undefined || b === undefined || isUnknown(a) || isUnknown(b) || isSensitive(a) || isSensitive(b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    let all: boolean | undefined = true;
    for (let i = 0; i < a.length; i++) {
      const same = equalKnown(a[i], b[i]);
      if (same === false) return false;
      if (same === undefined) all = undefined;
    }
    return all;
  }
  if (isValueObject(a) && isValueObject(b)) {
    let all: boolean | undefined = true;
    for (const key of Object.keys(a)) {
      const same = equalKnown(a[key], b[key]);
      if (same === false) return false;
      if (same === undefined) all = undefined;
    }
    return all;
  }
  if (a === null || b === null) return a === b ? true : undefined;
  return a === b;
}
