import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLinks, documents, formatProblems } from '../../scripts/docs/markdown-links.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** A throw-away repository holding `files`, with the project's repository URL in its package.json. */
function repoWith(files: Record<string, string>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'warden-links-'));
  const all = { 'package.json': JSON.stringify({ repository: { type: 'git', url: 'git+https://github.com/warden-scanner/warden.git' } }), ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('Markdown links', () => {
  it('every link in README.md, CHANGELOG.md and docs/ resolves', () => {
    expect(documents(REPO)).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'docs/releasing.md']));
    const problems = checkLinks(REPO);
    expect(problems, formatProblems(problems)).toEqual([]);
  });

  it('reports missing files and anchors, links outside the repository, and blob links to absent paths', () => {
    const repo = repoWith({
      'README.md': [
        '# Title',
        '## Install `warden`',
        '[ok](docs/a.md#a-heading) [ok](#install-warden) [ok](docs/) [ok](https://github.com/warden-scanner/warden/issues)',
        '[missing file](docs/nope.md) [missing anchor](docs/a.md#nope) [own missing anchor](#nope)',
        '[elsewhere](https://example.com/warden) [lookalike](https://github.com/warden-scanner/warden-evil/x)',
        '[blob ok](https://github.com/warden-scanner/warden/blob/main/docs/a.md#a-heading) [blob missing](https://github.com/warden-scanner/warden/blob/main/docs/gone.md)',
        '[out](../outside.md) ![img](docs/pic.png) `[code](not-a-link.md)`',
      ].join('\n'),
      'docs/a.md': '# A heading\n\n<a id="custom"></a>\n[back](../README.md#title) [custom](#custom)\n',
    });
    try {
      expect(checkLinks(repo.dir, ['README.md', 'docs/a.md']).map((p) => `${p.where} ${p.link}: ${p.problem}`)).toEqual([
        'README.md:4 docs/nope.md: no such file: docs/nope.md',
        'README.md:4 docs/a.md#nope: no heading for #nope in docs/a.md',
        'README.md:4 #nope: no heading for #nope in README.md',
        "README.md:5 https://example.com/warden: absolute link outside the project's repository (https://github.com/warden-scanner/warden)",
        "README.md:5 https://github.com/warden-scanner/warden-evil/x: absolute link outside the project's repository (https://github.com/warden-scanner/warden)",
        'README.md:6 https://github.com/warden-scanner/warden/blob/main/docs/gone.md: no such file: docs/gone.md',
        'README.md:7 ../outside.md: leaves the repository',
        'README.md:7 docs/pic.png: no such file: docs/pic.png',
      ]);
    } finally {
      repo.remove();
    }
  });

  it('links to the generated policy pages wait for docs/policies/, and are checked once it exists', () => {
    const readme = '[sg-open-ingress](docs/policies/sg-open-ingress.md)\n';
    const before = repoWith({ 'README.md': readme });
    const after = repoWith({ 'README.md': readme, 'docs/policies/other.md': '# other\n' });
    try {
      expect(checkLinks(before.dir)).toEqual([]);
      expect(checkLinks(after.dir).map((p) => p.problem)).toEqual(['no such file: docs/policies/sg-open-ingress.md']);
    } finally {
      before.remove();
      after.remove();
    }
  });
});
