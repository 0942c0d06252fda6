import type { WardenConfig } from '../config/config.js';
import { ConfigError } from '../config/config-error.js';
import type { Policy } from './policy.js';
import { PolicyOptionsError, resolvePolicyOptions } from './policy-options.js';
import type { ConfiguredPolicy } from './runner.js';

export interface Selection {
  only?: readonly string[];
  skip?: readonly string[];
}

/**
 * The policies a run evaluates: enabled in config, narrowed by --only/--skip, with options
 * validated against each policy's schema and severity overrides applied. Unknown ids are errors:
 * a typo in `--skip` must not silently keep a policy running.
 */
export function selectPolicies(all: readonly Policy[], config: WardenConfig, selection: Selection, configPath = 'warden.yaml'): ConfiguredPolicy[] {
  const ids = new Set(all.map((p) => p.id));
  const check = (list: readonly string[] | undefined, where: string): void => {
    for (const id of list ?? []) if (!ids.has(id)) throw new ConfigError(`${where}: unknown policy id "${id}" (see \`warden policies\`)`);
  };
  const only = selection.only?.length ? selection.only : config.only;
  const skip = [...(config.skip ?? []), ...(selection.skip ?? [])];
  check(selection.only, '--only');
  check(selection.skip, '--skip');
  check(config.only, `${configPath}: only`);
  check(config.skip, `${configPath}: skip`);
  for (const id of Object.keys(config.policies ?? {})) {
    if (!ids.has(id)) throw new ConfigError(`${configPath}: policies: unknown policy id "${id}" (see \`warden policies\`)`);
  }
  const out: ConfiguredPolicy[] = [];
  for (const policy of all) {
    const settings = config.policies?.[policy.id];
    if (only?.length && !only.includes(policy.id)) continue;
    if (skip.includes(policy.id)) continue;
    if (settings?.enabled === false && !selection.only?.includes(policy.id)) continue;
    let options: unknown;
    try {
      options = resolvePolicyOptions(policy, settings?.options, configPath);
    } catch (error) {
      if (error instanceof PolicyOptionsError) throw new ConfigError(error.message);
      throw error;
    }
    out.push({ policy, options, ...(settings?.severity ? { severityOverride: settings.severity } : {}) });
  }
  return out;
}
