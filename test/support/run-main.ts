import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in-process through `main()` (what bin/warden.js calls) with stdout and stderr
 * captured: no dependency on a fresh build, and an exception escaping `main` fails the test instead
 * of printing a stack. Runs must not overlap (the streams are shared); `cwd` is entered for the run.
 */
export async function runMain(args: readonly string[], cwd?: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const previousCwd = process.cwd();
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    if (cwd) process.chdir(cwd);
    const code = await main([...args]);
    return { code, stdout, stderr };
  } finally {
    if (cwd) process.chdir(previousCwd);
    out.mockRestore();
    err.mockRestore();
  }
}

/**
 * stderr without the `note:` lines a run adds when it scans a plan away from its .tf sources (as
 * most fixture plans are): for tests about everything else on stderr.
 */
export function stderrBesidesNotes(stderr: string): string {
  return stderr.replace(/^warden: note: .*\n/gm, '');
}
