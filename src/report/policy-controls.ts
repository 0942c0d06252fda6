import type { PolicyMeta } from '../scan/scan-result.js';

/** `framework:control` for each control a policy maps to (the framework alone when it lists none), in the policy's order. */
export function controlIds(frameworks: PolicyMeta['frameworks']): string[] {
  return Object.entries(frameworks).flatMap(([framework, controls]) =>
    controls.length > 0 ? controls.map((control) => `${framework}:${control}`) : [framework],
  );
}

/** The run's policies by id, for formats that print a policy's title or controls beside each finding. */
export function policiesById(policies: readonly PolicyMeta[]): Map<string, PolicyMeta> {
  return new Map(policies.map((policy) => [policy.id, policy]));
}
