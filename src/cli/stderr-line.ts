import { inertCommands } from '../report/inert-commands.js';
import { printable } from '../report/printable-text.js';

/** Writes `warden: MESSAGE` to stderr as exactly one line, whatever user text the message quotes, and never a workflow command. */
export function writeStderrLine(message: string): void {
  process.stderr.write(`warden: ${inertCommands(printable(message))}\n`);
}
