import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/**
 * Writes a report whole or not at all: a temporary file beside the target, then a rename. A target
 * that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe) is written to
 * directly: renaming over it would replace the device or pipe with a file (as root, even /dev/null).
 */
export function writeOutputFile(path: string, content: string): void {
  const existing = statSync(path, { throwIfNoEntry: false });
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    writeFileSync(path, content);
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
