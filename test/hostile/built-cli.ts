import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(REPO, 'bin/warden.js');
// The last file `npm run build` writes: the code cache of the CLI bundle bin/warden.js runs.
const BUILT_CLI = join(REPO, 'dist/cli/warden.cjs.cache');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Child processes run the built CLI, as users do (`npm test` builds first). When the build is
 * missing or older than the sources (a lone `npx vitest run`), it is rebuilt once here.
 */
export function ensureBuilt(): void {
  const built = existsSync(BUILT_CLI) ? statSync(BUILT_CLI).mtimeMs : 0;
  if (built >= Math.max(newestSource(join(REPO, 'src')), newestSource(join(REPO, 'policies')))) return;
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: 'inherit' });
}

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size of the child, in MB (from its own resource usage at exit). */
  peakRssMb: number;
}

/** Records the child's peak RSS when it exits, into the file named by WARDEN_TEST_RSS_FILE. */
const RECORD_PEAK_RSS =
  'data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>writeFileSync(process.env.WARDEN_TEST_RSS_FILE,String(process.resourceUsage().maxRSS)))';

/** `node bin/warden.js ARGS` in `cwd`, with its peak memory. */
export function runBuiltCli(args: readonly string[], cwd: string): ChildRun {
  const rssFile = join(cwd, `.peak-rss-${process.pid}`);
  const child = spawnSync(process.execPath, ['--import', RECORD_PEAK_RSS, BIN, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, WARDEN_TEST_RSS_FILE: rssFile, NO_COLOR: '1' },
  });
  const peakRssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : NaN;
  rmSync(rssFile, { force: true });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr, peakRssMb };
}
