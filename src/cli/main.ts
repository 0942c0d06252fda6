import { Command, CommanderError, Option } from 'commander';
import { ConfigError } from '../config/load-config.js';
import { EXIT } from '../rules/exit-code.js';
import { toolInfo } from '../version.js';
import { collectList, collect } from './parse-flags.js';
import { UsageError } from './usage-error.js';

/** Runs the CLI and returns the exit code; never throws for a user mistake. */
export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command()
    .name('warden')
    .description('Policy-as-code compliance scanner for AWS: Terraform plans, Terraform source and live accounts.')
    .version(toolInfo().version, '-V, --version')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.startsWith('error:') ? `warden: ${text}` : text) });

  program
    .command('scan')
    .description('scan Terraform plan JSON files (terraform show -json PLANFILE)')
    .argument('<paths...>', 'plan JSON files')
    .addOption(new Option('-f, --format <format>', 'output format: console, json, sarif').default('console'))
    .option('-o, --output <file>', 'write the output to a file (default: stdout)')
    .option('--report <format=file>', 'also write FORMAT to FILE (repeatable)', collect)
    .option('--fail-on <severity>', 'lowest severity that fails the run: critical, high, medium, low, none (default: low)')
    .option('-c, --config <file>', 'config file (default: warden.yaml found upward from the working directory)')
    .option('--only <ids>', 'run only these policies (comma-separated, repeatable)', collectList)
    .option('--skip <ids>', 'skip these policies (comma-separated, repeatable)', collectList)
    .option('--unknown <mode>', 'unknown verdicts: warn (report only), fail (gate like failures), ignore (hide)')
    .option('--allow-incomplete', 'exit 0 rather than 3 when an input could not be read and nothing failed')
    .option('--include-passes', 'also report passing checks')
    .option('-q, --quiet', 'no console report (errors still go to stderr)')
    .action(async (paths: string[], flags) => {
      const { scanCommand } = await import('./scan-command.js');
      exitCode = await scanCommand(paths, flags);
    });

  program
    .command('policies')
    .description('list the available policies')
    .option('-f, --format <format>', 'console or json', 'console')
    .action(async (flags: { format?: string }) => {
      const { policiesCommand } = await import('./policies-command.js');
      exitCode = policiesCommand(flags);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`warden: ${error.message}\n`);
      return EXIT.error;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`warden: internal error: ${message.split('\n')[0]} (set WARDEN_DEBUG=1 for details)\n`);
    if (process.env['WARDEN_DEBUG']) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    return EXIT.error;
  }
}
