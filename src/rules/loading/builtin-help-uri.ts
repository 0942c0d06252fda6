import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Policy } from '../policy.js';
import { wardenPackageRoot } from './warden-package.js';

/** Set by the GitHub Action bundle's build (an esbuild `define`): no package.json lies beside a bundle. */
declare const WARDEN_BUNDLED_REPOSITORY: string | undefined;

let cached: string | undefined;

/**
 * warden's repository as a browsable https URL, from package.json's `repository` (the one place it is
 * written): `git+https://github.com/o/r.git` and `github:o/r` both give `https://github.com/o/r`.
 */
export function repositoryUrl(): string | undefined {
  if (cached !== undefined) return cached || undefined;
  let field: unknown = typeof WARDEN_BUNDLED_REPOSITORY === 'string' ? WARDEN_BUNDLED_REPOSITORY : undefined;
  if (field === undefined) {
    try {
      field = (JSON.parse(readFileSync(join(wardenPackageRoot(), 'package.json'), 'utf8')) as { repository?: unknown }).repository;
    } catch {
      field = undefined;
    }
  }
  cached = browsableUrl(field) ?? '';
  return cached || undefined;
}

/** npm's `repository` (a string or `{ url }`) as an https URL without `git+` or `.git`. */
export function browsableUrl(field: unknown): string | undefined {
  const raw = typeof field === 'string' ? field : typeof field === 'object' && field !== null ? (field as { url?: unknown }).url : undefined;
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw.trim());
  const url = shorthand ? `https://github.com/${shorthand[1]}` : raw.trim().replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
  return /^https:\/\//.test(url) ? url : undefined;
}

/** Where a built-in policy's generated page lives (docs/policies/<id>.md, written by `npm run docs:policies`). */
export function builtinHelpUri(policyId: string): string | undefined {
  const repository = repositoryUrl();
  return repository ? `${repository}/blob/main/docs/policies/${policyId}.md` : undefined;
}

/** A built-in policy with its helpUri pointing at its page (a user policy without one gets none). */
export function withBuiltinHelpUri(policy: Policy): Policy {
  const helpUri = policy.helpUri ?? builtinHelpUri(policy.id);
  return helpUri ? { ...policy, helpUri } : policy;
}
