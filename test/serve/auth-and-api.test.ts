import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../hostile/built-cli.js';
import { postJson, startServe, type ServeProcess } from './serve-process.js';

const sha = (token: string) => createHash('sha256').update(token).digest('hex');
const REQUEST = JSON.stringify({ resources: [{ type: 'aws_security_group', name: 'db', values: { ingress: [{ from_port: 5432, to_port: 5432, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }] } }] });

describe('warden serve: authentication, the API description and metrics', () => {
  let dir: string;
  let serve: ServeProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-serve-auth-'));
    writeFileSync(join(dir, 'tokens'), `# callers\nportal sha256:${sha('portal-secret-token')}\nci sha256:${sha('ci-secret-token')}\n`);
    copyFileSync(fileURLToPath(new URL('../../fixtures/live-estate/inventory.json', import.meta.url)), join(dir, 'estate.json'));
    serve = await startServe(['--token-file', 'tokens', '--audit-log', 'audit.jsonl', '--inventory', 'estate.json'], dir);
  }, 120_000);
  afterAll(async () => {
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 401 without a token or with an unknown one, and records the caller of a known one in the audit log', async () => {
    expect((await postJson(`${serve.url}/v1/evaluate`, REQUEST)).status).toBe(401);
    const wrong = await postJson(`${serve.url}/v1/evaluate`, REQUEST, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await fetch(`${serve.url}/v1/policies`)).status).toBe(401);
    const ok = await postJson(`${serve.url}/v1/evaluate`, REQUEST, { authorization: 'Bearer ci-secret-token' });
    expect(ok.status).toBe(200);
    expect(ok.json.decision).toBe('deny');
    // A deny is on disk before it is answered.
    const records = readFileSync(join(dir, 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const last = records.at(-1);
    expect(last).toMatchObject({ caller: 'ci', decision: 'deny', requestId: ok.json.requestId, inputDigest: sha(REQUEST), policySet: ok.json.policySet });
    expect(last.failing).toEqual(ok.json.report.findings.filter((f: any) => f.verdict === 'fail').map((f: any) => f.fingerprint));
    expect(readFileSync(join(dir, 'audit.jsonl'), 'utf8')).not.toContain('5432');
  });

  it('responds on every endpoint as /openapi.json describes', async () => {
    const doc = (await (await fetch(`${serve.url}/openapi.json`)).json()) as any;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(doc, 'openapi');
    const auth = { authorization: 'Bearer portal-secret-token' };
    const calls: [string, string, () => Promise<Response>][] = [
      ['/healthz', 'get', () => fetch(`${serve.url}/healthz`)],
      ['/readyz', 'get', () => fetch(`${serve.url}/readyz`)],
      ['/v1/policies', 'get', () => fetch(`${serve.url}/v1/policies`, { headers: auth })],
      ['/v1/policies', 'get', () => fetch(`${serve.url}/v1/policies`)],
      ['/v1/inventories', 'get', () => fetch(`${serve.url}/v1/inventories`, { headers: auth })],
      ['/v1/inventories', 'get', () => fetch(`${serve.url}/v1/inventories`)],
      ['/v1/evaluate', 'post', () => fetch(`${serve.url}/v1/evaluate`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"resources": [], "inventory": {"id": "estate"}}' })],
      ['/v1/evaluate', 'post', () => fetch(`${serve.url}/v1/evaluate`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: REQUEST })],
      ['/v1/evaluate', 'post', () => fetch(`${serve.url}/v1/evaluate`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"resources": 3}' })],
      ['/v1/run-task', 'post', () => fetch(`${serve.url}/v1/run-task`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })],
      ['/openapi.json', 'get', () => fetch(`${serve.url}/openapi.json`)],
    ];
    for (const [path, method, call] of calls) {
      const response = await call();
      const described = doc.paths[path][method].responses[String(response.status)];
      expect(described, `${method} ${path} ${response.status}`).toBeDefined();
      const [type, media] = Object.entries(described.content)[0] as [string, { schema: unknown }];
      expect(response.headers.get('content-type')).toContain(type);
      const pointer = `openapi#/paths/${path.replaceAll('/', '~1')}/${method}/responses/${response.status}/content/${type.replace('/', '~1')}/schema`;
      const body = type === 'application/json' ? await response.json() : await response.text();
      const valid = ajv.validate({ $ref: pointer }, body);
      expect(valid, `${method} ${path} ${response.status}: ${ajv.errorsText()}`).toBe(true);
      expect(media).toBeDefined();
    }
    const metrics = await fetch(`${serve.url}/metrics`, { headers: auth });
    expect(metrics.status).toBe(200);
    expect(doc.paths['/metrics'].get.responses['200'].content['text/plain']).toBeDefined();
  });

  it('exports requests, decisions, latency and evaluation errors as Prometheus text', async () => {
    await postJson(`${serve.url}/v1/evaluate`, '{"resources": [{}]}', { authorization: 'Bearer ci-secret-token' });
    const text = await (await fetch(`${serve.url}/metrics`, { headers: { authorization: 'Bearer ci-secret-token' } })).text();
    expect(text).toMatch(/^warden_decisions_total\{decision="deny"\} [1-9]/m);
    expect(text).toMatch(/^warden_http_requests_total\{route="\/v1\/evaluate",status="401"\} [1-9]/m);
    expect(text).toMatch(/^warden_evaluation_duration_seconds_count [1-9]/m);
    expect(text).toMatch(/^warden_evaluation_errors_total\{kind="input"\} [1-9]/m);
  });

  it('refuses to listen beyond loopback without tokens, in one line with exit 2', () => {
    const run = runBuiltCli(['serve', '--listen', '0.0.0.0:0'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('warden: --listen 0.0.0.0: a non-loopback address needs --token-file (callers must authenticate)');
  });

  it('refuses a token file holding a token rather than its hash', () => {
    writeFileSync(join(dir, 'plain-tokens'), 'portal portal-secret-token\n');
    const run = runBuiltCli(['serve', '--token-file', 'plain-tokens'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('warden: plain-tokens:1: expected "NAME sha256:<64 hex digits>"');
  });
});
