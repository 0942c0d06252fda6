import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findConfig } from '../../src/config/find-config.js';

// On a runner, /home/runner/work and /tmp hold other checkouts: a warden.yaml there may name policy code to run.
describe('warden.yaml discovery stops at the work tree', () => {
  let top: string;
  beforeEach(() => {
    top = realpathSync(mkdtempSync(join(tmpdir(), 'warden-find-config-')));
  });
  afterEach(() => rmSync(top, { recursive: true, force: true }));

  const dir = (path: string): string => {
    mkdirSync(join(top, path), { recursive: true });
    return join(top, path);
  };
  const NO_WORKSPACE = {};

  it('finds the config of the git work tree from a folder below it', () => {
    dir('repo/.git');
    writeFileSync(join(top, 'repo/warden.yaml'), '{}\n');
    expect(findConfig(dir('repo/infra/prod'), NO_WORKSPACE)).toBe(join(top, 'repo/warden.yaml'));
  });

  it('never climbs above the git work-tree root (a `.git` file of a worktree counts too)', () => {
    writeFileSync(join(top, 'warden.yaml'), 'policyDirs: [evil]\n');
    dir('repo');
    writeFileSync(join(top, 'repo/.git'), 'gitdir: /elsewhere\n');
    expect(findConfig(dir('repo/infra'), NO_WORKSPACE)).toBeUndefined();
    expect(findConfig(join(top, 'repo'), NO_WORKSPACE)).toBeUndefined();
  });

  it('outside any work tree or workspace, only the working directory itself is searched', () => {
    writeFileSync(join(top, 'warden.yaml'), '{}\n');
    expect(findConfig(dir('loose'), NO_WORKSPACE)).toBeUndefined();
    expect(findConfig(top, NO_WORKSPACE)).toBe(join(top, 'warden.yaml'));
  });

  it('climbs up to GITHUB_WORKSPACE when it holds the working directory, and not beyond it', () => {
    writeFileSync(join(top, 'warden.yaml'), '{}\n');
    dir('work/repo/infra');
    writeFileSync(join(top, 'work/repo/warden.yaml'), '{}\n');
    expect(findConfig(join(top, 'work/repo/infra'), { GITHUB_WORKSPACE: join(top, 'work/repo') })).toBe(join(top, 'work/repo/warden.yaml'));
    rmSync(join(top, 'work/repo/warden.yaml'));
    expect(findConfig(join(top, 'work/repo/infra'), { GITHUB_WORKSPACE: join(top, 'work/repo') })).toBeUndefined();
  });

  it('a GITHUB_WORKSPACE that does not hold the working directory widens nothing', () => {
    writeFileSync(join(top, 'warden.yaml'), '{}\n');
    expect(findConfig(dir('elsewhere/infra'), { GITHUB_WORKSPACE: top.slice(0, top.lastIndexOf('/')) + '/other' })).toBeUndefined();
  });
});
