import { constants } from 'node:buffer';
import type { Stats } from 'node:fs';

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

const TOO_LARGE = `too large to read (a file must hold fewer than ${constants.MAX_STRING_LENGTH} characters, about 512 MB)`;

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
    case 'ERR_FS_FILE_TOO_LARGE':
    case 'ERR_STRING_TOO_LONG':
      return TOO_LARGE;
    default:
      // fs/promises readFile with an encoding reports V8's string limit as a bare RangeError.
      if (error instanceof RangeError && error.message === 'Invalid string length') return TOO_LARGE;
      return error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
}

/**
 * What a path is when it is neither a file nor a directory, else undefined. Such paths are refused
 * before they are opened: reading a named pipe blocks until another process writes to it, and a
 * device such as /dev/zero never ends.
 */
export function specialFileKind(info: Stats): string | undefined {
  if (info.isFile() || info.isDirectory()) return undefined;
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}
