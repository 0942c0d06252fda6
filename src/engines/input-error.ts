/**
 * A problem with one input that the user must fix (not a bug in warden). Its message is one line
 * that names the input and, where known, the line and column; the CLI prints it without a stack.
 */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly reason: string,
    readonly position?: { line: number; column?: number },
  ) {
    super(`${input}${position ? `:${position.line}${position.column ? `:${position.column}` : ''}` : ''}: ${reason}`);
    this.name = 'InputError';
  }
}

/** Turns an fs error into a one-line reason ("no such file", "permission denied" …). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
}
