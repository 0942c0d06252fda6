import type { SavedInventory } from '../engines/live/load-saved-inventory.js';
import type { GateOptions } from '../scan/exit-code.js';
import type { EvaluationSettings } from '../scan/finish-scan.js';
import type { PolicyMeta } from '../scan/scan-result.js';

/** Where the service's policies and config come from: the `warden serve` flags that name them. */
export interface PolicySource {
  config?: string;
  policyDir?: string[];
  policyPackage?: string[];
  /** Saved inventories requests may join (`--inventory FILE`, repeatable). */
  inventories?: string[];
  cwd: string;
}

/** One loaded, ready-to-evaluate set of policies with the gate its config sets. */
export interface PolicySet {
  settings: EvaluationSettings;
  gate: GateOptions;
  policies: PolicyMeta[];
  /** The saved inventories requests may join, by id (the file name without `.json`). */
  inventories: ReadonlyMap<string, SavedInventory>;
  /** sha256 of the policies (ids, severities, options), config and saved inventories: the audit log records which set decided. */
  digest: string;
  /** Files whose change triggers a reload (the config file, policy folders and saved inventories). */
  watch: string[];
}

/**
 * Loads a PolicySet; it throws (a one-line message) when the config is bad or a policy does not load:
 * the service refuses to start, or keeps the old set on reload, rather than decide with a partial set.
 * The CLI supplies it as a module (its URL), because evaluation workers must load it themselves:
 * functions cannot cross to a worker thread.
 */
export interface PolicySetModule {
  loadPolicySet(source: PolicySource): Promise<PolicySet>;
}
