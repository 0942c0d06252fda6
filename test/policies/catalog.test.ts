import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { withBuiltinHelpUri } from '../../src/rules/loading/builtin-help-uri.js';
import { policyMeta } from '../../src/scan/policy-meta.js';
import { runMain } from '../support/run-main.js';

const BUILT_CATALOG = fileURLToPath(new URL('../../dist/policies/catalog.json', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the built-in policy catalog', () => {
  // `npm test` builds first: a build that skipped the catalog step, or a stale one, fails here.
  it.skipIf(!existsSync(BUILT_CATALOG))('the build writes what the policies themselves say, in listing order', () => {
    const built: unknown = JSON.parse(readFileSync(BUILT_CATALOG, 'utf8'));
    expect(built).toEqual(builtinPolicies.map((policy) => policyMeta(withBuiltinHelpUri(policy))));
  });

  it('`warden policies` lists the same built-ins whether or not user policies are loaded', async () => {
    const builtinsOnly = await runMain(['policies', '--format', 'json'], ROOT);
    // An empty policy folder takes the path that loads every policy module.
    const emptyDir = mkdtempSync(join(tmpdir(), 'warden-policies-'));
    const withUserDir = await runMain(['policies', '--format', 'json', '--policy-dir', emptyDir], ROOT).finally(() => rmSync(emptyDir, { recursive: true }));
    expect(builtinsOnly.code).toBe(0);
    expect(withUserDir.stderr).toBe('');
    expect(JSON.parse(withUserDir.stdout)).toEqual(JSON.parse(builtinsOnly.stdout));
    expect(JSON.parse(builtinsOnly.stdout).map((p: { id: string; source: string }) => `${p.id} ${p.source}`)).toEqual(builtinPolicies.map((p) => `${p.id} built-in`));
  });
});
