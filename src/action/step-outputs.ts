import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * Step outputs in the runner's file-command syntax, `name<<DELIMITER` / value / `DELIMITER`, which
 * carries any value, newlines included. The delimiter is random and checked against the value, so
 * a value can never end the entry early.
 */
export function formatStepOutputs(outputs: Record<string, string>, delimiter: () => string = () => `warden_${randomUUID()}`): string {
  return Object.entries(outputs)
    .map(([name, value]) => {
      let end = delimiter();
      while (value.includes(end) || name.includes(end)) end = delimiter();
      return `${name}<<${end}${EOL}${value}${EOL}${end}${EOL}`;
    })
    .join('');
}

/** Appends the outputs to the file named by `GITHUB_OUTPUT`; outside a runner there is none, and nothing is written. */
export function writeStepOutputs(env: NodeJS.ProcessEnv, outputs: Record<string, string>): void {
  const file = env['GITHUB_OUTPUT'];
  if (file) appendFileSync(file, formatStepOutputs(outputs));
}
