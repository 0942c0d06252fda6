import { spawn } from 'node:child_process';
import type { RunWarden, WardenRun } from './check-corpus.js';

/** Runs the real CLI (`node bin/warden.js …`) as a child process, killed after `timeoutMs`. */
export function spawnWarden(binPath: string, timeoutMs = 60_000): RunWarden {
  return (args, cwd) =>
    new Promise<WardenRun>((resolve) => {
      const child = spawn(process.execPath, [binPath, ...args], {
        cwd,
        env: { ...process.env, NO_COLOR: '1', WARDEN_DEBUG: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
      const finish = (code: number | null, abnormal?: string): void => {
        clearTimeout(timer);
        resolve({
          code,
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
          ...(abnormal ? { abnormal } : {}),
        });
      };
      child.on('error', (error) => finish(null, `could not start: ${error.message}`));
      child.on('close', (code, signal) => {
        if (timedOut) finish(null, `no exit within ${timeoutMs} ms (hang?)`);
        else if (signal) finish(null, `killed by ${signal}`);
        else finish(code);
      });
    });
}
