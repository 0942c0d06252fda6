import type { PolicyMeta } from '../src/scan/scan-result.js';
import { readCatalogFile } from './catalog-file.js';

/** The built-in policies' metadata, in listing order, computed from the policies themselves. */
export async function computeBuiltinCatalog(): Promise<PolicyMeta[]> {
  const [{ builtinPolicies }, { policyMeta }] = await Promise.all([import('./index.js'), import('../src/scan/policy-meta.js')]);
  return builtinPolicies.map((policy) => policyMeta(policy));
}

/** The catalog the build wrote; computed when there is none. */
export async function builtinCatalog(): Promise<PolicyMeta[]> {
  return readCatalogFile() ?? computeBuiltinCatalog();
}
