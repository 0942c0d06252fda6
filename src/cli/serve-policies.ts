import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { ConfigError } from '../config/config-error.js';
import { describeFsError } from '../engines/input-error.js';
import { savedInventoryFromText, type SavedInventory } from '../engines/live/load-saved-inventory.js';
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
  const { inventories, digests } = await savedInventories(source.inventories ?? [], cwd);
  const digest = createHash('sha256').update(JSON.stringify({ identity, config, inventories: digests })).digest('hex');
  const configDir = configPath ? dirname(resolve(cwd, configPath)) : cwd;
  return {
    settings: { policies, config, ...(configPath ? { configPath } : {}), unknownMode: gate.unknown },
    gate,
    inventories,
    policies: policies.map(({ policy, severityOverride }) => policyMeta(policy, severityOverride)),
    digest,
    watch: [
      ...(configPath ? [resolve(cwd, configPath)] : []),
      ...(config.policyDirs ?? []).map((d) => resolve(configDir, d)),
      ...(source.policyDir ?? []).map((d) => resolve(cwd, d)),
      ...(source.inventories ?? []).map((f) => resolve(cwd, f)),
    ],
  };
}

/**
 * The saved inventories requests may join, by id: the file name without `.json`. A file that does
 * not read, or two with the same id, stop the start (or the reload): a request naming an id must
 * never join a different estate than the operator gave.
 */
async function savedInventories(files: readonly string[], cwd: string): Promise<{ inventories: Map<string, SavedInventory>; digests: Record<string, string> }> {
  const inventories = new Map<string, SavedInventory>();
  const digests: Record<string, string> = {};
  for (const file of files) {
    const id = basename(file).replace(/\.json$/i, '');
    if (!/^[A-Za-z0-9._-]{1,128}$/.test(id)) throw new ConfigError(`--inventory ${file}: the file name must be letters, digits, '.', '_' or '-' (it becomes the id requests name)`);
    if (inventories.has(id)) throw new ConfigError(`--inventory ${file}: a second saved inventory with id "${id}"`);
    let text: string;
    try {
      text = await readFile(resolve(cwd, file), 'utf8');
    } catch (error) {
      throw new ConfigError(`--inventory ${file}: ${describeFsError(error)}`);
    }
    try {
      inventories.set(id, savedInventoryFromText(text, `--inventory ${file}`));
    } catch (error) {
      throw new ConfigError(error instanceof Error ? error.message : String(error));
    }
    digests[id] = createHash('sha256').update(text).digest('hex');
  }
  return { inventories, digests };
}
