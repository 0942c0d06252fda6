import { setOutput } from '@actions/core';

/**
 * Sets the step outputs in the file named by `GITHUB_OUTPUT`; @actions/core writes each as
 * `name<<DELIMITER` / value / `DELIMITER` with a random delimiter it checks against the value, so
 * values may span lines. Outside a runner there is no file and nothing is written (core would fall
 * back to the deprecated `::set-output` command on stdout).
 */
export function writeStepOutputs(outputs: Record<string, string>): void {
  if (!process.env['GITHUB_OUTPUT']) return;
  for (const [name, value] of Object.entries(outputs)) setOutput(name, value);
}
