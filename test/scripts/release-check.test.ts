import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changelogProblems } from '../../scripts/release/changelog.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('the changelog a release needs', () => {
  it('CHANGELOG.md has a section for the current version', () => {
    expect(changelogProblems(readFileSync(new URL('../../CHANGELOG.md', import.meta.url), 'utf8'), version)).toEqual([]);
  });

  it('refuses a version without a section, or with an empty one', () => {
    const text = '# Changelog\n\n## Unreleased\n\n- a change\n\n## 1.2.0\n\n## 1.1.0\n\n- older\n';
    expect(changelogProblems(text, '1.3.0')).toEqual(['no "## 1.3.0" section']);
    expect(changelogProblems(text, '1.2.0')).toEqual(['the "## 1.2.0" section is empty']);
    expect(changelogProblems(text, '1.1.0')).toEqual([]);
    // 1.1.0 must not be found inside 1.1.01 or in prose.
    expect(changelogProblems('## 1.1.01\n\n- x\n\nsee 1.1.0\n', '1.1.0')).toEqual(['no "## 1.1.0" section']);
  });
});
