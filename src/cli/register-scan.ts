import type { Command } from 'commander';
import { FORMATS } from '../report/reporter.js';
import { registerAuditCommand } from './audit-command.js';
import { addBaselineOptions } from './baseline-flags.js';
import { Option } from './commander.js';
import { collectList, collect } from './parse-flags.js';
import { addFrameworkOption, addPolicySourceOptions } from './policy-flags.js';
import { addSourceOptions } from './source-flags.js';

/** `warden scan` and `warden audit`, registered together: audit takes scan's output and gating options. */
export function registerScanAndAuditCommands(program: Command, setExitCode: (code: number) => void): void {
  const scan = program
    .command('scan')
    .description('scan Terraform plan JSON files (terraform show -json PLANFILE) and Terraform source directories')
    .argument('<paths...>', 'plan JSON files, directories of .tf files, or .tf files (read with their directory; findings of that file reported)')
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
    .option('--sg-report <file>', 'also write the security-group report to FILE: JSON for .json, Markdown for .md, else text')
    .action(async (paths: string[], flags) => {
      const { scanCommand } = await import('./scan-command.js');
      setExitCode(await scanCommand(paths, flags));
    });
  // Before audit is registered: audit copies scan's options, these included.
  addBaselineOptions(addFrameworkOption(addPolicySourceOptions(scan)));

  registerAuditCommand(program, setExitCode);
  // After audit is registered: these read Terraform source, which audit does not.
  addSourceOptions(scan);
}
