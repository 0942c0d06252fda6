import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeHcp } from './fake-hcp.js';
import { startServe, type ServeProcess } from './serve-process.js';

const KEY = 'run-task-hmac-key-for-tests';
const TOKEN = 'run-access-token-abc';
const PLAN = readFileSync(fileURLToPath(new URL('../fixtures/plans/format-1.2-modules.json', import.meta.url)), 'utf8');

const sign = (body: string, key = KEY) => createHmac('sha512', key).update(body).digest('hex');

describe('warden serve: POST /v1/run-task against a fake HCP Terraform', () => {
  let dir: string;
  let hcp: FakeHcp;
  let elsewhere: FakeHcp;
  let serve: ServeProcess;
  const payload = (over: Record<string, unknown> = {}) => ({
    payload_version: 1,
    stage: 'post_plan',
    access_token: TOKEN,
    is_speculative: false,
    task_result_id: 'taskrs-1',
    task_result_enforcement_level: 'mandatory',
    task_result_callback_url: `${hcp.origin}/api/v2/task-results/taskrs-1/callback`,
    run_app_url: 'https://app.terraform.io/app/org/ws/runs/run-1',
    run_id: 'run-1',
    run_message: 'Triggered via UI',
    run_created_at: '2026-12-06T06:00:00.000Z',
    run_created_by: 'someone',
    workspace_id: 'ws-1',
    workspace_name: 'ws',
    organization_name: 'org',
    plan_json_api_url: `${hcp.origin}/api/v2/plans/plan-1/json-output`,
    ...over,
  });
  const send = async (body: string, signature: string | undefined) =>
    fetch(`${serve.url}/v1/run-task`, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-tfc-task-signature': signature } : {}) }, body });

  beforeAll(async () => {
    hcp = await new FakeHcp(TOKEN).start();
    elsewhere = await new FakeHcp(TOKEN).start();
    hcp.plans.set('plan-1', PLAN);
    hcp.plans.set('plan-big', PLAN + ' '.repeat(300_000));
    dir = mkdtempSync(join(tmpdir(), 'warden-serve-run-task-'));
    writeFileSync(join(dir, 'hmac.key'), `${KEY}\n`);
    serve = await startServe(['--run-task-hmac-key-file', 'hmac.key', '--hcp-origin', hcp.origin, '--max-plan-bytes', '200000', '--audit-log', 'audit.jsonl'], dir);
  }, 120_000);
  afterAll(async () => {
    await serve?.stop();
    await hcp?.stop();
    await elsewhere?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the verification request HCP Terraform sends when the run task is created', async () => {
    const body = JSON.stringify(payload({ access_token: 'verification-token', stage: 'test', plan_json_api_url: null }));
    const response = await send(body, sign(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'verified' });
  });

  it('refuses a missing or wrong signature with 401, before reading anything', async () => {
    const before = hcp.received.length;
    const body = JSON.stringify(payload());
    expect((await send(body, undefined)).status).toBe(401);
    expect((await send(body, sign(body, 'another key'))).status).toBe(401);
    expect((await send(body.replace('run-1', 'run-2'), sign(body))).status).toBe(401);
    expect(hcp.received.length).toBe(before);
  });

  it('answers 200 at once, reads the plan with the run token and PATCHes a failed result with per-finding outcomes', async () => {
    const from = hcp.received.length;
    const body = JSON.stringify(payload());
    const response = await send(body, sign(body));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'accepted', runId: 'run-1' });

    const callback = await hcp.callback(from);
    const fetched = hcp.received.slice(from).filter((r) => r.method === 'GET');
    expect(fetched.map((r) => [r.url, r.headers.authorization])).toEqual([
      ['/api/v2/plans/plan-1/json-output', `Bearer ${TOKEN}`],
      ['/archivist/plan-1', `Bearer ${TOKEN}`],
    ]);
    expect(callback.url).toBe('/api/v2/task-results/taskrs-1/callback');
    expect(callback.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(callback.headers['content-type']).toBe('application/vnd.api+json');
    const result = JSON.parse(callback.body);
    expect(result.data.type).toBe('task-results');
    expect(result.data.attributes).toMatchObject({ status: 'failed', url: 'https://app.terraform.io/app/org/ws/runs/run-1' });
    expect(result.data.attributes.message).toMatch(/^warden: denied \(/);
    const outcomes = result.data.relationships.outcomes.data;
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes[0]).toMatchObject({ type: 'task-result-outcomes', attributes: { tags: { Status: [{ label: expect.any(String), level: expect.any(String) }] } } });
    expect(outcomes.map((o: any) => o.attributes['outcome-id'])).toContainEqual(expect.stringMatching(/^sg-open-ingress-[0-9a-f]{16,}$/));

    const audit = readFileSync(join(dir, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(audit.at(-1)).toMatchObject({ caller: 'run-task:run-1', endpoint: 'run-task', decision: 'deny' });
  });

  it('never sends the run token to an origin that is not allow-listed, and fails the run saying why', async () => {
    const from = hcp.received.length;
    const body = JSON.stringify(payload({ plan_json_api_url: `${elsewhere.origin}/api/v2/plans/plan-1/json-output` }));
    expect((await send(body, sign(body))).status).toBe(200);
    const result = JSON.parse((await hcp.callback(from)).body);
    expect(result.data.attributes.status).toBe('failed');
    expect(result.data.attributes.message).toBe(`warden could not evaluate the run: plan_json_api_url ${elsewhere.origin} is not an allowed HCP Terraform origin (--hcp-origin)`);
    expect(elsewhere.received).toEqual([]);
  });

  it('fails the run when the plan JSON is larger than the cap', async () => {
    const from = hcp.received.length;
    const body = JSON.stringify(payload({ plan_json_api_url: `${hcp.origin}/api/v2/plans/plan-big/json-output` }));
    expect((await send(body, sign(body))).status).toBe(200);
    const result = JSON.parse((await hcp.callback(from)).body);
    expect(result.data.attributes).toEqual({ status: 'failed', message: 'warden could not evaluate the run: the plan JSON is larger than 200000 bytes: scan it with `warden scan`' });
  });
});
