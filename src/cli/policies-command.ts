import { loadConfig } from '../config/load-config.js';
import { EXIT } from '../scan/exit-code.js';
import type { FrameworkFlags, PolicySourceFlags } from './policy-flags.js';
import { policyListText } from './policy-list-text.js';
import { listPolicies, reportLoadProblems } from './policy-sources.js';

export interface PoliciesFlags extends PolicySourceFlags, FrameworkFlags {
  format?: string;
  config?: string;
}

/**
 * `warden policies`: id, severity and title of every available policy (built-in and loaded), or
 * JSON with --format json. With --framework, only the policies mapped to it, with their controls.
 */
export async function policiesCommand(flags: PoliciesFlags): Promise<number> {
  const cwd = process.cwd();
  const { config, path: configPath } = await loadConfig(flags.config, cwd);
  const load = await listPolicies({ flags, config, ...(configPath ? { configPath } : {}), cwd });
  reportLoadProblems(load.problems);
  process.stdout.write(policyListText(load.policies, flags.format, flags.framework ?? []));
  // A policy that does not load is a configuration error (DESIGN §8), listed or not.
  return load.problems.length > 0 ? EXIT.error : EXIT.ok;
}
