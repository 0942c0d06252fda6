import type { ConfiguredPolicy } from './runner.js';

/**
 * What a configured policy reads with its options: `readsTypes(options)` where the policy says, else its
 * `resourceTypes`; undefined when it declares neither (then everything must be read). Throws when
 * `readsTypes` throws or answers something other than a list of type names: a broken policy.
 */
export function typesReadWith({ policy, options }: ConfiguredPolicy): readonly string[] | undefined {
  if (!policy.readsTypes) return policy.resourceTypes;
  const types: unknown = policy.readsTypes(options);
  if (!Array.isArray(types) || types.some((type) => typeof type !== 'string' || type === '')) {
    throw new Error('readsTypes must answer a list of resource type names');
  }
  return types as string[];
}
