import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import type { ReportText } from './report-text.js';

/**
 * Bytes written at a time: pieces of a report are encoded into one buffer of this size, which is
 * written when full, so that no UTF-8 copy of a whole 100+ MB report (nor a joined copy of its
 * pieces) is ever made.
 */
const CHUNK = 1 << 20;
/** UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 for 2). */
const MAX_BYTES_PER_UNIT = 3;

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

/** Writes a report to stdout as it is produced, in chunks (copied: the stream may hold on to them). */
export function writeOutputStream(stream: NodeJS.WritableStream, content: ReportText): void {
  forEachChunk(content, (bytes) => stream.write(Buffer.from(bytes)));
}

function writeToFile(path: string, content: string | ReportText): void {
  const fd = openSync(path, 'w');
  try {
    forEachChunk(content, (bytes) => writeAll(fd, bytes));
  } finally {
    closeSync(fd);
  }
}

/**
 * Encodes the pieces into one reused buffer and calls `write` with it each time it fills. A piece
 * too long for the buffer is encoded a part at a time, never splitting a surrogate pair (which
 * would encode as two U+FFFD).
 */
function forEachChunk(content: string | ReportText, write: (bytes: Buffer) => void): void {
  const buffer = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  const flush = (): void => {
    if (used > 0) write(buffer.subarray(0, used));
    used = 0;
  };
  for (const piece of typeof content === 'string' ? [content] : content) {
    if (piece.length * MAX_BYTES_PER_UNIT > CHUNK - used) flush();
    for (let start = 0; start < piece.length; ) {
      const end = partEnd(piece, start, Math.floor((CHUNK - used) / MAX_BYTES_PER_UNIT));
      used += buffer.write(end - start === piece.length ? piece : piece.slice(start, end), used);
      start = end;
      if (start < piece.length) flush();
    }
  }
  flush();
}

/** writeSync may write less than asked (a full disk reports itself on the next call). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** The end of a part of at most `units` code units from `start`, moved back one when it would split a surrogate pair. */
function partEnd(text: string, start: number, units: number): number {
  const end = Math.min(start + units, text.length);
  const last = text.charCodeAt(end - 1);
  return end < text.length && last >= 0xd800 && last <= 0xdbff ? end - 1 : end;
}
