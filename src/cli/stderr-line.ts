import { printable } from '../report/printable-text.js';

/** Writes `warden: MESSAGE` to stderr as exactly one line, whatever user text the message quotes. */
export function writeStderrLine(message: string): void {
  process.stderr.write(`warden: ${printable(message)}\n`);
}
