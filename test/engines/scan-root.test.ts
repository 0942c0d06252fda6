import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutsideScanRoot, ScanRoot } from '../../src/engines/scan-root.js';

const top = realpathSync(mkdtempSync(join(tmpdir(), 'warden-scan-root-')));
afterAll(() => rmSync(top, { recursive: true, force: true }));
mkdirSync(join(top, 'work/repo/infra/prod'), { recursive: true });
writeFileSync(join(top, 'work/repo/infra/plan.json'), '{}');
writeFileSync(join(top, 'work/secret.txt'), 'secret');

describe('ScanRoot', () => {
  it('is the directory given (a file: its directory) when no work tree or workspace holds it', async () => {
    expect((await ScanRoot.of(join(top, 'work/repo/infra/prod'), {})).dir).toBe(join(top, 'work/repo/infra/prod'));
    expect((await ScanRoot.of(join(top, 'work/repo/infra/plan.json'), {})).dir).toBe(join(top, 'work/repo/infra'));
  });

  it('widens to GITHUB_WORKSPACE when the workspace holds the directory, and only then', async () => {
    const env = { GITHUB_WORKSPACE: join(top, 'work/repo') };
    expect((await ScanRoot.of(join(top, 'work/repo/infra/prod'), env)).dir).toBe(join(top, 'work/repo'));
    expect((await ScanRoot.of(join(top, 'work'), env)).dir).toBe(join(top, 'work'));
  });

  it('refuses a link out of the root by its real path, whichever way it is reached', async () => {
    const root = await ScanRoot.of(join(top, 'work/repo/infra'), {});
    symlinkSync('../../secret.txt', join(top, 'work/repo/infra/up.txt'));
    await expect(root.read(join(top, 'work/repo/infra/up.txt'))).rejects.toBeInstanceOf(OutsideScanRoot);
    await expect(root.read(join(top, 'work/repo/infra/prod/../../../secret.txt'))).rejects.toBeInstanceOf(OutsideScanRoot);
    // Named by the user (`--var-file`): read, but never to be quoted.
    expect(await root.read(join(top, 'work/repo/infra/up.txt'), true)).toMatchObject({ inRoot: false });
  });

  it('never counts the kernel pseudo-filesystems as inside, whatever the root', async () => {
    const root = await ScanRoot.of('/', {});
    expect(root.holds('/proc/self/environ')).toBe(false);
    expect(root.holds('/dev/zero')).toBe(false);
    expect(root.holds(join(top, 'work'))).toBe(true);
  });
});
