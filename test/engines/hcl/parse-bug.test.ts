import { afterAll, describe, expect, it, vi } from 'vitest';
import { hostileScratch, QUIET_RESOURCES, QUIET_TF } from '../../hostile/hostile-scratch.js';
import { runMain } from '../../support/run-main.js';

/** A bug in the HCL parser (not a syntax error) on one file, simulated for any file named `bug.tf`. */
vi.mock('../../../src/engines/hcl/syntax/parse-file.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/engines/hcl/syntax/parse-file.js')>();
  return {
    parseHclFile: async (path: string, text: string) => {
      if (path.endsWith('bug.tf')) throw new TypeError('parser bug');
      return actual.parseHclFile(path, text);
    },
  };
});

const scratch = hostileScratch('parse-bug');
afterAll(() => scratch.cleanup());

describe('a parser bug while a source tree is read', () => {
  it('is an internal error of that input, without unhandled rejections from the modules read alongside (vitest fails the run on those)', async () => {
    // Several module directories: they are read together, and every one of them sees the failure.
    scratch.write('tree/main.tf', QUIET_TF);
    scratch.write('tree/bug.tf', QUIET_TF);
    scratch.write('tree/other/main.tf', QUIET_TF);
    scratch.write('tree/third/main.tf', QUIET_TF);
    scratch.write('plain/main.tf', QUIET_TF);
    const run = await runMain(['scan', 'tree', 'plain', '--format', 'json'], scratch.dir);
    expect(run.stderr).toBe('warden: internal error while reading tree: parser bug (set WARDEN_DEBUG=1 for details)\n');
    expect(JSON.parse(run.stdout).inputs[1]).toMatchObject({ path: 'plain', status: 'scanned', resources: QUIET_RESOURCES });
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
});
