import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, postJson, startServe, type ServeProcess } from './serve-process.js';

const SLOW_POLICIES = fileURLToPath(new URL('./fixtures/slow-policy', import.meta.url));
const slow = JSON.stringify({ resources: [{ type: 'test_slow', name: 'a', values: {} }] });
const fast = JSON.stringify({ resources: [] });

describe('warden serve: limits', () => {
  let dir: string;
  let serve: ServeProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-serve-limits-'));
    serve = await startServe(['--policy-dir', SLOW_POLICIES, '--workers', '1', '--queue', '0', '--timeout', '1500'], dir);
  }, 120_000);
  afterAll(async () => {
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After beyond the concurrency bound, stays responsive, and stops an evaluation at the time limit', async () => {
    const held = postJson(`${serve.url}/v1/evaluate`, slow);
    let busy: Awaited<ReturnType<typeof postJson>> | undefined;
    // The held evaluation occupies the only slot once it is admitted; until then a fast one may pass.
    expect(
      await eventually(async () => {
        busy = await postJson(`${serve.url}/v1/evaluate`, fast);
        return busy.status === 503;
      }, 30),
    ).toBe(true);
    expect(busy!.headers.get('retry-after')).toBe('1');
    expect(busy!.json.error).toMatch(/^busy: 1 evaluations running or queued$/);
    // The event loop is not blocked by the evaluation on the worker.
    expect((await fetch(`${serve.url}/healthz`)).status).toBe(200);
    const stopped = await held;
    expect(stopped.status).toBe(503);
    expect(stopped.json).toEqual({ error: 'evaluation exceeded the time limit of 1500 ms' });
    // A new worker takes the stopped one's place.
    const after = await postJson(`${serve.url}/v1/evaluate`, fast);
    expect([after.status, after.json.decision]).toEqual([200, 'allow']);
  }, 30_000);
});

describe('warden serve: reload', () => {
  let dir: string;
  let serve: ServeProcess;
  const policies = async () => (await (await fetch(`${serve.url}/v1/policies`)).json()) as { failOn: string; policySet: string };
  const config = (failOn: string) => writeFileSync(join(dir, 'warden.yaml'), `failOn: ${failOn}\n`);
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-serve-reload-'));
    config('high');
    serve = await startServe(['--config', 'warden.yaml'], dir);
  }, 120_000);
  afterAll(async () => {
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reloads on SIGHUP, keeps the old set when the new config is bad, and reloads when the file changes', async () => {
    const first = await policies();
    expect(first.failOn).toBe('high');

    writeFileSync(join(dir, 'warden.yaml'), 'failOn: [not, a, severity\n');
    serve.child.kill('SIGHUP');
    expect(await eventually(async () => serve.stderr().includes('reload failed, keeping the policies in force'))).toBe(true);
    expect(serve.stderr()).toMatch(/warden\.yaml(:\d+:\d+)?: invalid YAML/);
    expect(await policies()).toEqual(first);
    const evaluated = await postJson(`${serve.url}/v1/evaluate`, fast);
    expect(evaluated.json.policySet).toBe(first.policySet);

    // The file change alone (no signal) reloads the set.
    config('critical');
    expect(await eventually(async () => (await policies()).failOn === 'critical')).toBe(true);
    expect((await policies()).policySet).not.toBe(first.policySet);
  }, 30_000);
});
