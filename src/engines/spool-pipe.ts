import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { constants } from 'node:buffer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { InputError } from './input-error.js';

/** Larger than any input warden can hold as text (V8's string limit): a pipe that goes on past it is refused. */
const MAX_BYTES = constants.MAX_STRING_LENGTH;

/**
 * Copies a named pipe (`warden scan <(terraform show -json tfplan)`, `/dev/stdin` fed by a pipe) into a
 * temporary file, so that the engines, which look at an input more than once (its head to tell a saved
 * inventory from a plan, then the whole), read a file. Returns the file and its clean-up.
 */
export async function spoolPipe(path: string, displayName: string): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'warden-pipe-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const target = join(dir, 'input.json');
  let bytes = 0;
  const capped = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > MAX_BYTES) done(new InputError(displayName, `too large to read (more than ${MAX_BYTES} bytes came through the pipe)`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(path), capped, createWriteStream(target));
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { path: target, cleanup };
}
