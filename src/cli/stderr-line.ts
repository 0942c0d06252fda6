/**
 * Line breaks, other control characters (a terminal escape in a file name or a plan value) and
 * bidirectional overrides, which would split a message or restyle the terminal.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Writes `warden: MESSAGE` to stderr as exactly one line, whatever user text the message quotes. */
export function writeStderrLine(message: string): void {
  const printable = message.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  process.stderr.write(`warden: ${printable}\n`);
}
