import { lstatSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import envPaths from 'env-paths';

/**
 * Where jiti keeps the policies it compiled. Whoever can write there chooses the code the next
 * import runs, so it is never jiti's default, a `jiti` folder in the shared temp dir that another
 * user or job can fill first. On a CI runner (several jobs, often one user) each run gets a fresh
 * folder of its own; elsewhere the user's cache folder, used only when it is a real folder, owned
 * by this user and closed to everyone else, else a folder of this run as well.
 */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return (runsInCi(env) ? undefined : userCacheDir()) ?? runCacheDir();
}

/** CI services set CI (GitHub Actions, GitLab, CircleCI …); Jenkins sets JENKINS_URL instead. */
function runsInCi(env: NodeJS.ProcessEnv): boolean {
  const set = (name: string): boolean => !['', '0', 'false'].includes((env[name] ?? '').toLowerCase());
  return set('CI') || set('GITHUB_ACTIONS') || set('JENKINS_URL');
}

function userCacheDir(): string | undefined {
  try {
    const dir = join(envPaths('warden', { suffix: '' }).cache, 'jiti');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return isPrivate(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** A real folder (not a link to one), this user's, that no one else may enter; where ownership is unknown (Windows), not trusted. */
function isPrivate(dir: string): boolean {
  const stats = lstatSync(dir);
  return stats.isDirectory() && process.getuid !== undefined && stats.uid === process.getuid() && (stats.mode & 0o077) === 0;
}

/** mkdtemp makes a new folder with mode 0700 under a name no one could have taken first; it goes when the process ends. */
function runCacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'warden-jiti-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
