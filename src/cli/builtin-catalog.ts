import type { PolicyMeta } from '../scan/scan-result.js';
import { readCatalogFile } from './builtin-catalog-file.js';

/** The built-in policies' metadata, in listing order, computed from the policies themselves. */
export async function computeBuiltinCatalog(): Promise<PolicyMeta[]> {
  const [{ builtinPolicies }, { policyMeta }, { withBuiltinHelpUri }] = await Promise.all([
    import('../../policies/index.js'),
    import('../scan/policy-meta.js'),
    import('../rules/loading/builtin-help-uri.js'),
  ]);
  return builtinPolicies.map((policy) => policyMeta(withBuiltinHelpUri(policy)));
}

/** The catalog the build wrote; computed when there is none. */
export async function builtinCatalog(): Promise<PolicyMeta[]> {
  return readCatalogFile() ?? computeBuiltinCatalog();
}
