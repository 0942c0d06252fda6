import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error.js';
import { policyFileKind } from '../rules/loading/policy-file-kind.js';
import { displayPath } from '../scan/display-path.js';

/** How the GitHub Action names its opt-in (action.yml); the error below tells the user exactly this. */
export const CODE_POLICY_OPT_IN = 'allow-code-policies: true';

/**
 * Stops a run that would import policy code it was not allowed to: in the GitHub Action, a
 * `warden.yaml` is part of the pull request, so its `policyDirs`/`policyPackages` must not run code
 * unless the workflow says so. Called before anything is imported: listing names runs nothing.
 * Declarative files are data and stay allowed. `configPath` names where the sources came from.
 */
export function refuseCodePolicies(dirs: readonly string[], packs: readonly { name: string }[], cwd: string, configPath?: string): void {
  const code = [...dirs.flatMap((dir) => codePolicyFiles(dir).map((file) => displayPath(file, cwd))), ...packs.map((pack) => `package ${pack.name}`)];
  if (code.length === 0) return;
  const shown = code.length > 3 ? `${code.slice(0, 3).join(', ')} and ${code.length - 3} more` : code.join(', ');
  const where = configPath ? displayPath(configPath, cwd) : 'the configuration';
  throw new ConfigError(
    `${where} names code policies (${shown}), which the Action runs only with the input ${CODE_POLICY_OPT_IN}; declarative *.policy.yaml|yml|json files need no opt-in`,
  );
}

/** The files of a policy folder that loadPolicyDir would import; anything but a folder counts, to err on the side of refusing. */
function codePolicyFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    // A missing or unreadable folder imports nothing; loading it reports the problem as it does without the opt-in.
    return [];
  }
  return names.filter((name) => policyFileKind(name) === 'code' && !statSync(join(dir, name), { throwIfNoEntry: false })?.isDirectory()).map((name) => join(dir, name));
}
