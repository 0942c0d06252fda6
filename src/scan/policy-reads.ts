import { typesReadBy } from '../engines/live/collection-scope.js';
import type { ConfiguredPolicy } from '../rules/runner.js';
import { globToRegExp } from '../rules/suppressions.js';
import { typesReadWith } from '../rules/types-read.js';
import type { CoverageGap } from './scan-result.js';

/** What a live audit must read for the selected policies, as the collector asks it. */
export interface PolicyReads {
  /** Undefined: a policy did not say what it reads, so everything is read. */
  readsType?: (type: string) => boolean;
  readsAttribute?: (type: string, attribute: string) => boolean;
  /** A policy whose `readsTypes` threw or answered no list: broken (exit 2); everything is read meanwhile. */
  gaps: CoverageGap[];
}

/**
 * The selected policies' reads with their options (`readsTypes`, else `resourceTypes`). An entry is a
 * type or glob read whole, or `type.attribute`: that type is read, and of its per-item calls only those
 * filling an attribute some policy reads.
 */
export function policyReads(policies: readonly ConfiguredPolicy[]): PolicyReads {
  const gaps: CoverageGap[] = [];
  const lists = policies.map((configured) => {
    try {
      return typesReadWith(configured);
    } catch (error) {
      const message = `policy ${configured.policy.id} is broken: its readsTypes failed: ${error instanceof Error ? error.message : String(error)}`;
      gaps.push({ scope: 'policy', target: configured.policy.id, policyId: configured.policy.id, message });
      return undefined;
    }
  });
  const entries = typesReadBy(lists);
  if (!entries) return { gaps };
  const whole = entries.filter((entry) => !entry.includes('.')).map(globToRegExp);
  const parts = entries
    .filter((entry) => entry.includes('.'))
    .map((entry) => ({ type: globToRegExp(entry.slice(0, entry.indexOf('.'))), attribute: entry.slice(entry.indexOf('.') + 1) }));
  const readWhole = (type: string): boolean => whole.some((pattern) => pattern.test(type));
  return {
    readsType: (type) => readWhole(type) || parts.some((part) => part.type.test(type)),
    readsAttribute: (type, attribute) => readWhole(type) || parts.some((part) => part.type.test(type) && part.attribute === attribute),
    gaps,
  };
}
