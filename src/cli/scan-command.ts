import { resolve } from 'node:path';
import { builtinPolicies } from '../../policies/index.js';
import { loadConfig } from '../config/load-config.js';
import { loadReporter, type Format } from '../report/reporter.js';
import { writeOutputFile } from '../report/write-output.js';
import { exitCodeFor } from '../rules/exit-code.js';
import { selectPolicies } from '../rules/select-policies.js';
import { runScan } from '../scan/run-scan.js';
import { parseFailOn, parseFormat, parseReport, parseUnknownMode } from './parse-flags.js';
import { shouldColor } from './terminal.js';

export interface ScanFlags {
  format: string;
  output?: string;
  report?: string[];
  failOn?: string;
  config?: string;
  only?: string[];
  skip?: string[];
  unknown?: string;
  allowIncomplete?: boolean;
  includePasses?: boolean;
  quiet?: boolean;
}

/** `warden scan PATH…`: returns the exit code. */
export async function scanCommand(paths: string[], flags: ScanFlags): Promise<number> {
  const cwd = process.cwd();
  const format = parseFormat(flags.format);
  const reports = (flags.report ?? []).map(parseReport);
  const { config, path: configPath } = loadConfig(flags.config, cwd);
  const failOn = flags.failOn ? parseFailOn(flags.failOn) : (config.failOn ?? 'low');
  const unknownMode = flags.unknown ? parseUnknownMode(flags.unknown) : (config.unknown ?? 'warn');
  const allowIncomplete = flags.allowIncomplete ?? config.allowIncomplete ?? false;
  const policies = selectPolicies(builtinPolicies, config, { only: flags.only, skip: flags.skip }, configPath);

  const result = await runScan({
    paths,
    cwd,
    policies,
    config,
    ...(configPath ? { configPath } : {}),
    includePasses: flags.includePasses ?? false,
    unknownMode,
  });

  for (const input of result.inputs) if (input.error) process.stderr.write(`warden: ${input.error}\n`);
  for (const gap of result.coverage.gaps) if (gap.scope !== 'input') process.stderr.write(`warden: ${gap.message}\n`);
  for (const warning of result.warnings) process.stderr.write(`warden: warning: ${warning}\n`);

  const render = async (which: Format, toFile: boolean): Promise<string> =>
    (await loadReporter(which))(result, { color: !toFile && shouldColor(process.stdout), cwd });
  for (const report of reports) writeOutputFile(resolve(cwd, report.file), await render(report.format, true));
  if (flags.output) writeOutputFile(resolve(cwd, flags.output), await render(format, true));
  else if (!(flags.quiet && format === 'console')) process.stdout.write(await render(format, false));

  return exitCodeFor(result, { failOn, unknown: unknownMode, allowIncomplete });
}
