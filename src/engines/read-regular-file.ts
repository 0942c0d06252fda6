import { readFile, stat } from 'node:fs/promises';
import { specialFileKind } from './input-error.js';

/**
 * Reads a file that must be a regular file. A named pipe, socket or device is refused before it is
 * opened (the error says which): a pipe blocks until someone writes to it and /dev/zero never ends,
 * whether it is named as an input, a `--var-file` or found inside `.terraform/`.
 */
export async function readRegularFile(path: string): Promise<Buffer> {
  const special = specialFileKind(await stat(path));
  if (special) throw new Error(`${special}, not a file`);
  return readFile(path);
}
