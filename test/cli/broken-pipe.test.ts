import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../hostile/built-cli.js';

const BIN = fileURLToPath(new URL('../../bin/warden.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'warden-pipe-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeAll(() => {
  ensureBuilt();
  // Far more output than a pipe buffers (64 KB): thousands of untagged queues, one finding each.
  const queues = Array.from({ length: 3000 }, (_, i) => `resource "aws_sqs_queue" "q${i}" {\n  name = "q${i}"\n}\n`);
  writeFileSync(join(scratch, 'main.tf'), queues.join(''));
}, 120_000);

/** Runs the built CLI and closes its stdout after the first chunk, as `| head -1` does. */
function runClosingStdoutEarly(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('output piped into a reader that stops early (| head)', () => {
  for (const format of ['console', 'json']) {
    it(`ends quietly with the scan's exit code: ${format}`, async () => {
      const run = await runClosingStdoutEarly(['scan', '.', '--format', format, '--only', 'required-tags']);
      expect(run.stderr).not.toContain('EPIPE');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.code).toBe(1);
    }, 60_000);
  }
});
