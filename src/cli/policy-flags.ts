import type { Command } from 'commander';
import { collect } from './parse-flags.js';

/**
 * The flags that say where policies come from and which run, for every command that runs policies
 * (`scan`, `audit`, `policies`, `test`): defined once so they behave alike. Kept free of heavy
 * imports: main.ts loads it on every start.
 */
export interface PolicySourceFlags {
  policyDir?: string[];
  policyPackage?: string[];
}

export interface FrameworkFlags {
  framework?: string[];
}

/** `--policy-dir DIR` and `--policy-package NAME` (both repeatable). */
export function addPolicySourceOptions(command: Command): Command {
  return command
    .option('--policy-dir <dir>', 'also load the policies in DIR: .ts, .mts, .js, .mjs and *.policy.yaml|yml|json files (repeatable)', collect)
    .option('--policy-package <name>', 'also load a policy pack: an npm package (or a path to one) exporting an array of policies (repeatable)', collect);
}

/** `--framework NAME` (repeatable): cis, fsbp, pci, soc2, hipaa, or the start of a framework's name. */
export function addFrameworkOption(command: Command, what = 'run only the policies'): Command {
  return command.option('--framework <name>', `${what} mapped to this compliance framework: cis, fsbp, pci, soc2, hipaa, or a framework name (repeatable)`, collect);
}
