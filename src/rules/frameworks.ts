import type { Policy } from './policy.js';

/**
 * The compliance frameworks the built-in policies are mapped to, with the short names users type
 * (`--framework fsbp`). A policy's `frameworks` keys are the full names (with version where the
 * framework is versioned); any other key a user policy uses works too, matched by name.
 */
export const KNOWN_FRAMEWORKS = [
  { name: 'CIS AWS Foundations Benchmark', aliases: ['cis', 'cis-aws'] },
  { name: 'AWS Foundational Security Best Practices', aliases: ['fsbp', 'aws-fsbp'] },
  { name: 'PCI DSS', aliases: ['pci', 'pci-dss'] },
  { name: 'SOC 2', aliases: ['soc2', 'soc-2'] },
  { name: 'HIPAA Security Rule', aliases: ['hipaa'] },
] as const;

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The framework keys of `frameworks` that `wanted` names: an alias of a known framework, or the
 * start of a key ignoring case, spaces and punctuation (`"CIS AWS"`, `pci-dss-4.0`, `hipaa`).
 */
export function matchingFrameworks(frameworks: Readonly<Record<string, readonly string[]>> | undefined, wanted: string): string[] {
  const target = normalise(wanted);
  if (target === '') return [];
  const known = KNOWN_FRAMEWORKS.find((f) => f.aliases.some((a) => normalise(a) === target));
  const prefix = known ? normalise(known.name) : target;
  return Object.keys(frameworks ?? {}).filter((key) => normalise(key).startsWith(prefix));
}

/** True when the policy is mapped to any of the named frameworks. */
export function policyInFrameworks(policy: Pick<Policy, 'frameworks'>, wanted: readonly string[]): boolean {
  return wanted.some((name) => matchingFrameworks(policy.frameworks, name).length > 0);
}
