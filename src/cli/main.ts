import type { Command } from 'commander';
import { ConfigError } from '../config/config-error.js';
import { EXIT } from '../scan/exit-code.js';
import { describeInternalError } from '../scan/internal-error.js';
import { versionLine } from '../package-info.js';
import { Command as CommanderCommand, CommanderError } from './commander.js';
import { endQuietlyOnBrokenPipe } from './broken-pipe.js';
import { writeStderrLine } from './stderr-line.js';
import { UsageError } from './usage-error.js';

type Register = (program: Command, setExitCode: (code: number) => void) => void;

/** The commands, in help order, each group's definition in its own module. */
const COMMAND_GROUPS: { names: readonly string[]; load: () => Promise<Register> }[] = [
  { names: ['scan', 'audit'], load: async () => (await import('./register-scan.js')).registerScanAndAuditCommands },
  { names: ['policies'], load: async () => (await import('./register-policies.js')).registerPoliciesCommand },
  { names: ['test'], load: async () => (await import('./register-test.js')).registerTestCommand },
  { names: ['serve', 'audit-log'], load: async () => (await import('./register-serve.js')).registerServeCommands },
  { names: ['inventory'], load: async () => (await import('./register-inventory.js')).registerInventoryCommand },
  { names: ['merge'], load: async () => (await import('./register-merge.js')).registerMergeCommand },
];

/** Runs the CLI and returns the exit code; never throws for a user mistake. */
export async function main(argv: string[]): Promise<number> {
  endQuietlyOnBrokenPipe(process.stdout);
  endQuietlyOnBrokenPipe(process.stderr);
  let exitCode: number = EXIT.ok;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  const program = new CommanderCommand()
    .name('warden')
    .description('Policy-as-code compliance scanner for AWS: Terraform plans, Terraform source and live accounts.')
    .version(versionLine(), '-V, --version')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.startsWith('error:') ? `warden: ${text}` : text) });
  // Only the named command's definition (and what it imports) is loaded: a start-up cost of every run
  // (DESIGN §7). Help, --version and an unknown command need them all.
  const named = COMMAND_GROUPS.filter((group) => group.names.includes(argv[0] ?? ''));
  for (const group of named.length > 0 ? named : COMMAND_GROUPS) (await group.load())(program, setExitCode);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    if (error instanceof UsageError || error instanceof ConfigError) {
      writeStderrLine(error.message);
      return EXIT.error;
    }
    writeStderrLine(describeInternalError(error));
    return EXIT.error;
  }
}
