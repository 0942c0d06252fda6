/**
 * A bug in warden (not a problem with the user's input) as one line for stderr and reports; the
 * stack goes to stderr only when WARDEN_DEBUG is set, so that a user can attach it to an issue.
 */
export function describeInternalError(error: unknown, what?: string): string {
  if (process.env['WARDEN_DEBUG']) process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return `internal error${what ? ` while reading ${what}` : ''}: ${message} (set WARDEN_DEBUG=1 for details)`;
}
