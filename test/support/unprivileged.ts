import { chmodSync } from 'node:fs';

/** The uid and gid of `nobody` on Debian and most Linux systems. */
const NOBODY = 65534;

/**
 * Runs `action` as a user file permissions apply to. CI runs as root, for whom chmod 000 stops
 * nothing; there the process's effective ids become nobody's for the duration (vitest runs each
 * test file in a process of its own, and a file's tests one after the other), and `readable`
 * folders are opened to others so that only the file under test stays out of reach.
 */
export async function asUnprivileged<T>(readable: readonly string[], action: () => Promise<T>): Promise<T> {
  if (process.geteuid?.() !== 0 || !process.seteuid || !process.setegid) return action();
  for (const dir of readable) chmodSync(dir, 0o755);
  process.setegid(NOBODY);
  process.seteuid(NOBODY);
  try {
    return await action();
  } finally {
    process.seteuid(0);
    process.setegid(0);
  }
}
