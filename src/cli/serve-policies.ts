import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { policyMeta } from '../scan/policy-meta.js';
import type { PolicySet, PolicySource } from '../serve/policy-set.js';
import { policiesForRun } from './policies-for-run.js';

/**
 * The policy set `warden serve` evaluates with: loaded as `warden scan` loads its policies (config,
 * built-ins, policy folders and packs), by the server and by each evaluation worker (this module's
 * URL is handed to them). A policy that does not load stops the start or the reload: the service
 * must not decide with part of its policies.
 */
export async function loadPolicySet(source: PolicySource): Promise<PolicySet> {
  const { cwd } = source;
  const { config, path: configPath } = await loadConfig(source.config, cwd);
  const flags = { ...(source.policyDir ? { policyDir: source.policyDir } : {}), ...(source.policyPackage ? { policyPackage: source.policyPackage } : {}) };
  // A policy that does not load is a ConfigError here, as it is for `warden scan`.
  const { policies } = await policiesForRun(flags, config, configPath, cwd);
  const gate = { failOn: config.failOn ?? 'low', unknown: config.unknown ?? 'warn', allowIncomplete: false } as const;
  const identity = policies.map(({ policy, severityOverride, options }) => ({ id: policy.id, severity: severityOverride ?? policy.severity, options }));
  const digest = createHash('sha256').update(JSON.stringify({ identity, config })).digest('hex');
  const configDir = configPath ? dirname(resolve(cwd, configPath)) : cwd;
  return {
    settings: { policies, config, ...(configPath ? { configPath } : {}), unknownMode: gate.unknown },
    gate,
    policies: policies.map(({ policy, severityOverride }) => policyMeta(policy, severityOverride)),
    digest,
    watch: [
      ...(configPath ? [resolve(cwd, configPath)] : []),
      ...(config.policyDirs ?? []).map((d) => resolve(configDir, d)),
      ...(source.policyDir ?? []).map((d) => resolve(cwd, d)),
    ],
  };
}
