/**
 * `npm run release:check [-- --tag vX.Y.Z]`: what must hold before a release is tagged, checked
 * together (docs/releasing.md): the version (package.json = package-lock.json, and the tag when
 * given), its CHANGELOG.md entry, the committed GitHub Action bundle is what the sources build now,
 * every Markdown link resolves, and the documents pin this version of the scoped package only.
 * One line per problem; exit 0 when there is none, 1 otherwise.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installProblems } from './docs/install-instructions.js';
import { checkLinks } from './docs/markdown-links.js';
import { changelogProblems } from './release/changelog.js';

// Compiled to dist/scripts/release-check.js: the repository is two levels up.
const repo = fileURLToPath(new URL('../../', import.meta.url));
const json = (file: string): { version?: string; packages?: Record<string, { version?: string }> } => JSON.parse(readFileSync(join(repo, file), 'utf8'));

function versionProblems(tag: string | undefined): string[] {
  const version = json('package.json').version ?? '';
  const lock = json('package-lock.json');
  const problems: string[] = [];
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) problems.push(`package.json: version "${version}" is not X.Y.Z`);
  if (lock.version !== version || lock.packages?.['']?.version !== version) problems.push(`package-lock.json: version ${lock.version} differs from package.json's ${version} (run npm install)`);
  if (tag !== undefined && tag !== `v${version}`) problems.push(`tag ${tag} does not name version ${version} (expected v${version})`);
  return problems;
}

/** The committed action/dist/index.mjs against a fresh build of the sources. */
function bundleProblems(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'warden-release-'));
  try {
    const fresh = join(dir, 'index.mjs');
    execFileSync(process.execPath, [join(repo, 'scripts', 'build-action.mjs'), fresh], { stdio: ['ignore', 'ignore', 'inherit'] });
    return readFileSync(fresh).equals(readFileSync(join(repo, 'action', 'dist', 'index.mjs'))) ? [] : ['action/dist/index.mjs differs from a fresh build: run npm run build:action and commit it'];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): number {
  const tagIndex = process.argv.indexOf('--tag');
  const tag = tagIndex >= 0 ? process.argv[tagIndex + 1] : undefined;
  const version = json('package.json').version ?? '';
  const problems = [
    ...versionProblems(tag),
    ...changelogProblems(readFileSync(join(repo, 'CHANGELOG.md'), 'utf8'), version).map((problem) => `CHANGELOG.md: ${problem}`),
    ...bundleProblems(),
    ...checkLinks(repo).map((p) => `${p.where}: ${p.link}: ${p.problem}`),
    ...installProblems(repo, version).map((p) => `${p.where}: ${p.problem}`),
  ];
  for (const problem of problems) process.stdout.write(`${problem}\n`);
  process.stdout.write(problems.length === 0 ? `release check: ${version} ok\n` : `release check: ${problems.length} problem(s)\n`);
  return problems.length === 0 ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`release-check: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
