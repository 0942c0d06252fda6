// Build step (`npm run build`): records the commit the build is made from in dist/cli/build-commit.txt,
// which `warden --version` prints after the version (bin/warden.js, src/package-info.ts). A commit
// with uncommitted changes on top is marked "+dirty". Outside a git work tree (a release tarball, a
// download of the sources) there is no commit to name: the file is removed and the version stands alone.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, 'dist', 'cli', 'build-commit.txt');

const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

let commit;
try {
  // Only this checkout's own repository: a tarball unpacked inside some other work tree is not it.
  if (resolve(git('rev-parse', '--show-toplevel')) === root) {
    commit = git('rev-parse', '--short=12', 'HEAD');
    if (git('status', '--porcelain', '--untracked-files=no') !== '') commit += '+dirty';
  }
} catch {
  // No git, or not a work tree.
}
rmSync(file, { force: true });
if (commit) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${commit}\n`);
}
