import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { installProblems } from '../../scripts/docs/install-instructions.js';
import { PACKAGE_NAME } from '../../src/package-info.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string; repository: { url: string } };

describe('install instructions', () => {
  it('the package name in package.json is the one the code recognises', () => {
    expect(manifest.name).toBe(PACKAGE_NAME);
  });

  it('no document, example or action.yml installs an unscoped warden, and every pinned version is the current one', () => {
    expect(installProblems(REPO, manifest.version)).toEqual([]);
  });

  it('catches unscoped installs and stale pins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-install-docs-'));
    try {
      mkdirSync(join(dir, 'docs'));
      writeFileSync(
        join(dir, 'docs', 'ci.md'),
        [
          "sh 'npx warden scan plan.json'",
          '- run: npx --yes warden@1.0.0 test ci/policies',
          'npm install --save-dev warden',
          'npm i -D warden',
          'npx --yes @warden-scanner/warden@0.0.9 scan plan.json',
          'npx --yes @warden-scanner/warden@2.0.0 scan plan.json',
          'warden scan plan.json   # the command itself is fine',
          'npm install --save-dev @warden-scanner/warden',
        ].join('\n'),
      );
      expect(installProblems(dir, '2.0.0')).toEqual([
        { where: 'docs/ci.md:1', problem: `unscoped "npx warden": name ${PACKAGE_NAME}` },
        { where: 'docs/ci.md:2', problem: `unscoped "npx --yes warden@1.0.0": name ${PACKAGE_NAME}` },
        { where: 'docs/ci.md:3', problem: `unscoped "npm install --save-dev warden": name ${PACKAGE_NAME}` },
        { where: 'docs/ci.md:4', problem: `unscoped "npm i -D warden": name ${PACKAGE_NAME}` },
        { where: 'docs/ci.md:5', problem: 'pins @warden-scanner/warden@0.0.9, not the current version 2.0.0' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
