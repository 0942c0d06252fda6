import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/**
 * Characters encoded and written at a time. A report of a large plan is a string of 100+ MB: written
 * whole, its UTF-8 copy would be a second buffer of that size alive at the scan's memory peak.
 */
const CHUNK = 1 << 20;

/**
 * Writes a report whole or not at all: a temporary file beside the target, then a rename. A target
 * that exists and is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe) is written to
 * directly: renaming over it would replace the device or pipe with a file (as root, even /dev/null).
 */
export function writeOutputFile(path: string, content: string): void {
  const existing = statSync(path, { throwIfNoEntry: false });
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    writeInChunks(path, content);
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeInChunks(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function writeInChunks(path: string, content: string): void {
  const fd = openSync(path, 'w');
  try {
    for (let start = 0; start < content.length; ) {
      const end = chunkEnd(content, start);
      writeAll(fd, Buffer.from(content.slice(start, end), 'utf8'));
      start = end;
    }
  } finally {
    closeSync(fd);
  }
}

/** writeSync may write less than asked (a full disk reports itself on the next call). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** End of the chunk from `start`, moved back one when it would split a surrogate pair (which would encode as two U+FFFD). */
function chunkEnd(content: string, start: number): number {
  const end = Math.min(start + CHUNK, content.length);
  const last = content.charCodeAt(end - 1);
  return end < content.length && last >= 0xd800 && last <= 0xdbff ? end - 1 : end;
}
