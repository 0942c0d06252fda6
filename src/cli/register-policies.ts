import type { Command } from 'commander';
import { addFrameworkOption, addPolicySourceOptions } from './policy-flags.js';

/** `warden policies` and `warden policies show ID`. */
export function registerPoliciesCommand(program: Command, setExitCode: (code: number) => void): void {
  const policies = program
    .command('policies')
    .description('list the available policies (`warden policies show ID` for one in full)')
    .option('-f, --format <format>', 'console or json', 'console')
    .option('-c, --config <file>', 'config file (default: warden.yaml found upward from the working directory)');
  addFrameworkOption(addPolicySourceOptions(policies), 'list only the policies').action(async (flags) => {
    const { policiesCommand } = await import('./policies-command.js');
    setExitCode(await policiesCommand(flags));
  });
  const show = policies
    .command('show')
    .description('describe one policy: description, options with defaults, frameworks, an example')
    .argument('<id>', 'policy id')
    .option('-f, --format <format>', 'console or json')
    .option('-c, --config <file>', 'config file (default: warden.yaml found upward from the working directory)');
  addPolicySourceOptions(show).action(async (id: string, flags) => {
    const { policyShowCommand } = await import('./policy-show-command.js');
    // Options given before `show` belong to `policies`.
    setExitCode(await policyShowCommand(id, { ...policies.opts(), ...flags }));
  });
}
