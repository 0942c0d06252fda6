/**
 * `npm run pack:check [-- --no-build]`: packs warden as a release would (`npm pack`, which builds
 * through `prepare`; --no-build packs the current dist/), installs the tarball into an empty project
 * offline from the npm cache, runs `npx @warden-scanner/warden --version` and scans of the bundled
 * example, and prints the tarball's size and the timings. Exit 0 when everything held, 1 otherwise.
 */
import { fileURLToPath } from 'node:url';
import { contentProblems, installAndRun, pack, scratch, type Timed } from './pack/pack-and-install.js';

// Compiled to dist/scripts/pack-check.js: the repository is two levels up.
const repo = fileURLToPath(new URL('../../', import.meta.url));
const kB = (bytes: number): string => `${(bytes / 1024).toFixed(0)} kB`;
const line = (label: string, run: Timed): string => `${label.padEnd(30)} ${run.ms.toFixed(0).padStart(6)} ms  exit ${run.status}\n`;

function main(): number {
  const build = !process.argv.includes('--no-build');
  const { dir, remove } = scratch();
  try {
    const started = performance.now();
    const packed = pack(repo, dir, build);
    const packMs = performance.now() - started;
    process.stdout.write(`tarball: ${packed.tarball.split('/').pop()}  ${kB(packed.size)} packed, ${kB(packed.unpackedSize)} unpacked, ${packed.files.length} files\n`);
    process.stdout.write(`npm pack${build ? ' (with the build)' : ''}: ${(packMs / 1000).toFixed(1)} s\n`);
    const problems = contentProblems(packed.files);
    const check = installAndRun(packed.tarball, dir);
    process.stdout.write(line(`npm install ${check.mode}`, check.install));
    process.stdout.write(line('npx … --version', check.version));
    process.stdout.write(line('npx … scan (plan, first)', check.scanPlan));
    process.stdout.write(line('npx … scan (.tf, grammar)', check.scanSource));
    process.stdout.write(line('.bin/warden --version', check.direct.version));
    process.stdout.write(line('.bin/warden scan (plan)', check.direct.scanPlan));
    process.stdout.write(`version: ${check.version.stdout.trim()}\n`);
    if (check.version.status !== 0) problems.push(`--version exited ${check.version.status}: ${check.version.stderr.trim()}`);
    // The example fails on purpose (exit 1); 2 or 3 mean the installed warden could not scan it.
    for (const [label, run] of [['example plan', check.scanPlan], ['.tf source', check.scanSource]] as const) {
      if (run.status !== 1) problems.push(`scan of the ${label} exited ${run.status}: ${run.stderr.trim().split('\n')[0]}`);
    }
    problems.push(...check.installScripts.map((pkg) => `installs a package that runs code on install: ${pkg}`));
    for (const problem of problems) process.stdout.write(`problem: ${problem}\n`);
    process.stdout.write(problems.length === 0 ? 'pack check: ok\n' : `pack check: ${problems.length} problem(s)\n`);
    return problems.length === 0 ? 0 : 1;
  } finally {
    remove();
  }
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`pack-check: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
