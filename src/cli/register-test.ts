import type { Command } from 'commander';
import { collectList } from './parse-flags.js';
import { addPolicySourceOptions } from './policy-flags.js';

/** `warden test [DIRS...]`: policies against their cases. */
export function registerTestCommand(program: Command, setExitCode: (code: number) => void): void {
  const test = program
    .command('test')
    .description('run policies against their cases (pass/fail/unknown examples) like a test runner')
    .argument('[dirs...]', 'policy folders to test (default: the built-in policies and those in warden.yaml)')
    .option('-c, --config <file>', 'config file (default: warden.yaml found upward from the working directory)')
    .option('--only <ids>', 'test only these policies (comma-separated, repeatable)', collectList);
  addPolicySourceOptions(test).action(async (dirs: string[], flags) => {
    const { testCommand } = await import('./test-command.js');
    setExitCode(await testCommand(dirs, flags));
  });
}
