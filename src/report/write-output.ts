import { randomBytes } from 'node:crypto';
import { closeSync, constants, fchmodSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import type { ReportText } from './report-text.js';

/** Created only if nothing (not even a dangling link) has the name, and never through a link: a planted link cannot redirect the write. */
const EXCLUSIVE_NO_FOLLOW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/**
 * Bytes written at a time: pieces of a report are encoded into one buffer of this size, which is
 * written when full, so that no UTF-8 copy of a whole 100+ MB report (nor a joined copy of its
 * pieces) is ever made.
 */
const CHUNK = 1 << 20;
const encoder = new TextEncoder();

/**
 * Writes a report (one string or a reporter's pieces) whole or not at all: a temporary file beside
 * the target, then a rename. The output often lands in a checkout the pull request controls, so the
 * temporary file has a random name and is opened exclusively without following links (mode 0600
 * until written, then the mode a new file or the replaced one has), and the rename replaces a link
 * at the target, never the file it points to. A target that is a named pipe or a device
 * (`/dev/null`, `/dev/stdout` → `/proc/self/fd/1`) is written to directly: renaming over it would
 * replace the device or pipe with a file (as root, even /dev/null).
 */
export function writeOutputFile(path: string, content: string | ReportText): void {
  const existing = lstatSync(path, { throwIfNoEntry: false });
  const linked = existing?.isSymbolicLink() ? statSync(path, { throwIfNoEntry: false }) : undefined;
  if (linked ? isStreamLike(linked) : existing && !existing.isFile() && !existing.isDirectory() && !existing.isSymbolicLink()) {
    writeToFile(path, content);
    return;
  }
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  let fd: number | undefined;
  let created = false;
  try {
    fd = openSync(temporary, EXCLUSIVE_NO_FOLLOW, 0o600);
    created = true;
    writeAllChunks(fd, content);
    fchmodSync(fd, existing?.isFile() ? existing.mode & 0o777 : 0o666 & ~process.umask());
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    // Only a file this call created is removed: whatever else had the name is left alone.
    if (created) rmSync(temporary, { force: true });
    throw error;
  }
}

/** What a link may lead to and still be written through: a pipe, socket or character device (`/dev/stdout`, a terminal, /dev/null); never a disk or a file. */
function isStreamLike(info: Stats): boolean {
  return info.isFIFO() || info.isCharacterDevice() || info.isSocket();
}

/** Writes a report to stdout as it is produced, in chunks (copied: the stream may hold on to them). */
export function writeOutputStream(stream: NodeJS.WritableStream, content: ReportText): void {
  forEachChunk(content, (bytes) => stream.write(Buffer.from(bytes)));
}

function writeToFile(path: string, content: string | ReportText): void {
  const fd = openSync(path, 'w');
  try {
    writeAllChunks(fd, content);
  } finally {
    closeSync(fd);
  }
}

function writeAllChunks(fd: number, content: string | ReportText): void {
  forEachChunk(content, (bytes) => writeAll(fd, bytes));
}

/**
 * Pieces shorter than this are gathered into one string before they are encoded: most pieces are a
 * line (a JUnit report has 100k+), and one Buffer#write per line costs more than the concatenation.
 */
const GATHER = 1 << 14;

/**
 * Encodes the pieces into one reused buffer and calls `write` with it each time it is full. A piece
 * goes in whole or, when it does not fit, as much of it as fits (TextEncoder#encodeInto says how
 * many units it read, and never splits a surrogate pair), the rest after the write: every write but
 * the last is a full chunk, however the pieces fall.
 */
function forEachChunk(content: string | ReportText, write: (bytes: Buffer) => void): void {
  const buffer = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  const flush = (): void => {
    if (used > 0) write(buffer.subarray(0, used));
    used = 0;
  };
  const encode = (text: string): void => {
    const { read, written } = encoder.encodeInto(text, buffer.subarray(used));
    used += written;
    for (let start = read; start < text.length; ) {
      flush();
      const part = encoder.encodeInto(text.slice(start), buffer);
      used = part.written;
      start += part.read;
    }
  };
  let gathered = '';
  for (const piece of typeof content === 'string' ? [content] : content) {
    if (piece.length < GATHER) {
      gathered += piece;
      if (gathered.length < GATHER) continue;
      encode(gathered);
    } else {
      // In order: what was gathered, then the long piece.
      if (gathered !== '') encode(gathered);
      encode(piece);
    }
    gathered = '';
  }
  if (gathered !== '') encode(gathered);
  flush();
}

/** writeSync may write less than asked (a full disk reports itself on the next call). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}
