import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import type { ReportText } from './report-text.js';

/**
 * Characters encoded and written at a time: pieces of a report are gathered up to this size, and a
 * longer text is cut to it, so that no UTF-8 copy of a whole 100+ MB report is ever alive.
 */
const CHUNK = 1 << 20;

/**
 * Writes a report (one string or a reporter's pieces) whole or not at all: a temporary file beside
 * the target, then a rename. A target that exists and is not a regular file (`/dev/null`,
 * `/dev/stdout`, a named pipe) is written to directly: renaming over it would replace the device or
 * pipe with a file (as root, even /dev/null).
 */
export function writeOutputFile(path: string, content: string | ReportText): void {
  const existing = statSync(path, { throwIfNoEntry: false });
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    writeToFile(path, content);
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeToFile(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes a report to stdout as it is produced, in chunks. */
export function writeOutputStream(stream: NodeJS.WritableStream, content: ReportText): void {
  forEachChunk(content, (chunk) => stream.write(chunk));
}

function writeToFile(path: string, content: string | ReportText): void {
  const fd = openSync(path, 'w');
  try {
    forEachChunk(content, (chunk) => writeAll(fd, Buffer.from(chunk, 'utf8')));
  } finally {
    closeSync(fd);
  }
}

/** Calls `write` with pieces gathered into chunks of about CHUNK characters, never splitting a surrogate pair. */
function forEachChunk(content: string | ReportText, write: (chunk: string) => void): void {
  let pending = '';
  for (const piece of typeof content === 'string' ? [content] : content) {
    pending += piece;
    while (pending.length >= CHUNK) {
      const end = chunkEnd(pending);
      write(pending.slice(0, end));
      pending = pending.slice(end);
    }
  }
  if (pending !== '') write(pending);
}

/** writeSync may write less than asked (a full disk reports itself on the next call). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** CHUNK, or one less when that would split a surrogate pair (which would encode as two U+FFFD). */
function chunkEnd(text: string): number {
  const last = text.charCodeAt(CHUNK - 1);
  return last >= 0xd800 && last <= 0xdbff ? CHUNK - 1 : CHUNK;
}
