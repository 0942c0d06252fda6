import { packageInfo } from '../../package-info.js';
import type { Policy } from '../policy.js';

/** Where a built-in policy's generated page lives (docs/policies/<id>.md, written by `npm run docs:policies`), under package.json's repository. */
export function builtinHelpUri(policyId: string): string | undefined {
  const repository = packageInfo().repositoryUrl;
  return /^https:\/\//.test(repository) ? `${repository}/blob/main/docs/policies/${policyId}.md` : undefined;
}

/** A built-in policy with its helpUri pointing at its page (a user policy without one gets none). */
export function withBuiltinHelpUri(policy: Policy): Policy {
  const helpUri = policy.helpUri ?? builtinHelpUri(policy.id);
  return helpUri ? { ...policy, helpUri } : policy;
}
