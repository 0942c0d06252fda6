import { error as errorAnnotation } from '@actions/core';
import { resolve } from 'node:path';
import { emitResult, reportRenderer } from '../cli/emit-result.js';
import { performScan } from '../cli/scan-command.js';
import { UsageError } from '../cli/usage-error.js';
import { ConfigError } from '../config/config-error.js';
import { wholeText } from '../report/report-text.js';
import { EXIT } from '../scan/exit-code.js';
import { readActionInputs } from './action-inputs.js';
import { actionScan } from './scan-arguments.js';
import { scanOutputs } from './scan-outputs.js';
import { writeStepOutputs } from './step-outputs.js';
import { appendStepSummary } from './step-summary.js';

/**
 * The GitHub Action: reads its inputs, runs the same scan as `warden scan`, writes the SARIF file,
 * annotations (stdout), the job summary and the step outputs, and returns the exit code the CLI
 * would (0/1/2/3, following `fail-on`). Inputs and the runner's files come from the environment.
 * A bad input is one `::error::` line and exit 2.
 */
export async function runAction(): Promise<number> {
  try {
    const inputs = readActionInputs();
    const workspace = resolve(process.env['GITHUB_WORKSPACE'] ?? process.cwd());
    const scan = actionScan(inputs, workspace);
    const { result, plan } = await performScan(scan.paths, scan.flags, workspace, { codePolicies: inputs.allowCodePolicies });
    const exitCode = await emitResult(result, plan, workspace);
    if (inputs.summary) await appendStepSummary(wholeText(await reportRenderer(result, plan, workspace)('markdown', true)));
    writeStepOutputs(scanOutputs(result, scan.sarifFile, exitCode));
    return exitCode;
  } catch (error) {
    errorAnnotation(`warden: ${describeFailure(error)}`);
    writeStepOutputs({ 'exit-code': String(EXIT.error) });
    return EXIT.error;
  }
}

function describeFailure(error: unknown): string {
  // The CLI's checks name their flag (`--fail-on: …`); the action's inputs carry the same names.
  if (error instanceof UsageError || error instanceof ConfigError) return error.message.replace(/^--/, '');
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${message.split('\n')[0]}`;
}
