import { createRequire } from 'node:module';
import { ConfigError } from '../config/config-error.js';
import { FORMATS } from '../report/reporter.js';
import { EXIT } from '../rules/exit-code.js';
import { describeInternalError } from '../scan/internal-error.js';
import { toolInfo } from '../version.js';
import { registerAuditCommand } from './audit-command.js';
import { addBaselineOptions } from './baseline-flags.js';
import { collectList, collect } from './parse-flags.js';
import { addFrameworkOption, addPolicySourceOptions } from './policy-flags.js';
import { addSourceOptions } from './source-flags.js';
import { writeStderrLine } from './stderr-line.js';
import { UsageError } from './usage-error.js';

// commander is CommonJS: require() loads it without the ESM translator's export scan, ~10 ms of every
// start (DESIGN §7 start-up budget; `npm run bench:startup`).
const { Command, CommanderError, Option } = createRequire(import.meta.url)('commander') as typeof import('commander');

/** Runs the CLI and returns the exit code; never throws for a user mistake. */
export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name('warden')
    .description('Policy-as-code compliance scanner for AWS: Terraform plans, Terraform source and live accounts.')
    .version(toolInfo().version, '-V, --version')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.startsWith('error:') ? `warden: ${text}` : text) });

  const scan = program
    .command('scan')
    .description('scan Terraform plan JSON files (terraform show -json PLANFILE) and Terraform source directories')
    .argument('<paths...>', 'plan JSON files and directories of .tf files')
    .addOption(new Option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`).default('console'))
    .option('-o, --output <file>', 'write the output to a file (default: stdout)')
    .option('--report <format=file>', 'also write FORMAT to FILE (repeatable), e.g. junit=warden-junit.xml', collect)
    .option('--fail-on <severity>', 'lowest severity that fails the run: critical, high, medium, low, none (default: low)')
    .option('-c, --config <file>', 'config file (default: warden.yaml found upward from the working directory)')
    .option('--only <ids>', 'run only these policies (comma-separated, repeatable)', collectList)
    .option('--skip <ids>', 'skip these policies (comma-separated, repeatable)', collectList)
    .option('--unknown <mode>', 'unknown verdicts: warn (report only), fail (gate like failures), ignore (hide)')
    .option('--allow-incomplete', 'exit 0 rather than 3 when an input could not be read and nothing failed')
    .option('--include-passes', 'also report passing checks (junit always counts them)')
    .option('-q, --quiet', 'no console report (errors still go to stderr)')
    .action(async (paths: string[], flags) => {
      const { scanCommand } = await import('./scan-command.js');
      exitCode = await scanCommand(paths, flags);
    });
  // Before audit is registered: audit copies scan's options, these included.
  addBaselineOptions(addFrameworkOption(addPolicySourceOptions(scan)));

  registerAuditCommand(program, (code) => {
    exitCode = code;
  });
  // After audit is registered: these read Terraform source, which audit does not.
  addSourceOptions(scan);

  const policies = program
    .command('policies')
    .description('list the available policies (`warden policies show ID` for one in full)')
    .option('-f, --format <format>', 'console or json', 'console')
    .option('-c, --config <file>', 'config file (default: warden.yaml found upward from the working directory)');
  addFrameworkOption(addPolicySourceOptions(policies), 'list only the policies').action(async (flags) => {
    const { policiesCommand } = await import('./policies-command.js');
    exitCode = await policiesCommand(flags);
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
    exitCode = await policyShowCommand(id, { ...policies.opts(), ...flags });
  });

  const test = program
    .command('test')
    .description('run policies against their cases (pass/fail/unknown examples) like a test runner')
    .argument('[dirs...]', 'policy folders to test (default: the built-in policies and those in warden.yaml)')
    .option('-c, --config <file>', 'config file (default: warden.yaml found upward from the working directory)')
    .option('--only <ids>', 'test only these policies (comma-separated, repeatable)', collectList);
  addPolicySourceOptions(test).action(async (dirs: string[], flags) => {
    const { testCommand } = await import('./test-command.js');
    exitCode = await testCommand(dirs, flags);
  });

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
