import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../hostile/built-cli.js';
import { postJson, startServe, type ServeProcess } from './serve-process.js';

const PLAN = fileURLToPath(new URL('../fixtures/plans/format-1.2-modules.json', import.meta.url));

const openSsh = (name = 'web') => ({
  type: 'aws_security_group',
  name,
  values: { name, tags: { Environment: 'dev', Owner: 'team' }, ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [] }] },
});

/** What the group guards: a portal asks for both, else the group would be unused (sg-unused). */
const guarded = (group = 'web') => ({
  type: 'aws_network_interface',
  name: group,
  values: { subnet_id: 'subnet-0a1b2c3d4e5f60718', tags: { Environment: 'dev', Owner: 'team' } },
  references: { security_groups: [`aws_security_group.${group}.id`, `aws_security_group.${group}`] },
});

/** What identifies a finding across the two paths (locations name the input, which differs). */
const identity = (f: any) => `${f.ruleId}|${f.verdict}|${f.severity}|${f.resource.address}|${f.fingerprint}|${f.message}`;

describe('warden serve: POST /v1/evaluate', () => {
  let dir: string;
  let serve: ServeProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-serve-'));
    copyFileSync(PLAN, join(dir, 'plan.json'));
    serve = await startServe(['--body-limit', '200000'], dir);
  }, 120_000);
  afterAll(async () => {
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the findings and fingerprints `warden scan` gives for the same plan, and denies as its exit code would', async () => {
    const scan = runBuiltCli(['scan', 'plan.json', '--format', 'json'], dir);
    const scanned = JSON.parse(scan.stdout);
    const { status, json } = await postJson(`${serve.url}/v1/evaluate`, readFileSync(PLAN, 'utf8'));
    expect(status).toBe(200);
    expect(scan.code).toBe(1);
    expect(json.decision).toBe('deny');
    expect(json.report.findings.length).toBeGreaterThan(0);
    expect(json.report.findings.map(identity)).toEqual(scanned.findings.map(identity));
    expect(json.report.summary).toEqual(scanned.summary);
  });

  it('decides on a resource request: the same resource in a request and in a plan gets the same fingerprint', async () => {
    const request = await postJson(`${serve.url}/v1/evaluate`, JSON.stringify({ resources: [openSsh(), guarded()] }));
    expect(request.status).toBe(200);
    expect(request.json.decision).toBe('deny');
    const failing = request.json.report.findings.filter((f: any) => f.verdict === 'fail');
    expect(failing.map((f: any) => [f.ruleId, f.severity, f.resource.address])).toEqual([['sg-open-ingress', 'high', 'aws_security_group.web']]);

    const values = openSsh().values;
    const plan = {
      format_version: '1.2',
      resource_changes: [{ address: 'aws_security_group.web', mode: 'managed', type: 'aws_security_group', name: 'web', change: { actions: ['create'], after: values, after_unknown: {} } }],
    };
    writeFileSync(join(dir, 'sg-plan.json'), JSON.stringify(plan));
    const scanned = JSON.parse(runBuiltCli(['scan', 'sg-plan.json', '--format', 'json'], dir).stdout);
    expect(failing.map((f: any) => f.fingerprint)).toEqual(scanned.findings.filter((f: any) => f.verdict === 'fail').map((f: any) => f.fingerprint));
  });

  it('allows a request that nothing fails', async () => {
    const sg = openSsh();
    sg.values.ingress[0]!.from_port = 443;
    sg.values.ingress[0]!.to_port = 443;
    const { status, json } = await postJson(`${serve.url}/v1/evaluate`, JSON.stringify({ resources: [sg, guarded()] }));
    expect(status).toBe(200);
    expect(json.decision).toBe('allow');
    expect(json.report.summary.byVerdict.fail).toBe(0);
  });

  it('treats a taggable resource sent without tags as untagged (a request that omits them is not allowed)', async () => {
    const { json } = await postJson(`${serve.url}/v1/evaluate`, JSON.stringify({ resources: [{ type: 'aws_vpc', name: 'main', values: { cidr_block: '10.0.0.0/16' } }] }));
    expect(json.decision).toBe('deny');
    expect(json.report.findings.map((f: any) => [f.ruleId, f.verdict])).toContainEqual(['required-tags', 'fail']);
    const later = await postJson(`${serve.url}/v1/evaluate`, JSON.stringify({ resources: [{ type: 'aws_vpc', name: 'main', values: { tags: { Owner: 'x' } }, unknown: ['tags'] }] }));
    const verdicts = later.json.report.findings.filter((f: any) => f.ruleId === 'required-tags').map((f: any) => f.verdict);
    expect(verdicts.length).toBeGreaterThan(0);
    expect(new Set(verdicts)).toEqual(new Set(['unknown']));
  });

  it('never shows a value marked sensitive', async () => {
    const sg = openSsh();
    (sg.values as Record<string, unknown>)['description'] = 'hunter2-secret';
    const body = JSON.stringify({ resources: [{ ...sg, sensitive: ['description', 'ingress'] }] });
    const response = await fetch(`${serve.url}/v1/evaluate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain('hunter2-secret');
  });

  it.each([
    ['malformed JSON', '{"format_version": "1.2", ', /^request:1:\d+: not valid JSON/],
    ['a state file', JSON.stringify({ version: 4, lineage: 'x', serial: 1, values: {} }), /^request: a Terraform state file, not a plan/],
    ['an unknown field in a request', JSON.stringify({ resources: [{ ...openSsh(), colour: 'red' }] }), /^request: not a valid resource request: resources\.0: unknown field "colour"$/],
    ['a resource listed twice', JSON.stringify({ resources: [openSsh(), openSsh()] }), /listed twice/],
    ['a request without values', JSON.stringify({ resources: [{ type: 'aws_vpc', name: 'a' }] }), /resources\.0: must have required property 'values'/],
  ])('answers 400 with one line for %s', async (_what, body, reason) => {
    const { status, json } = await postJson(`${serve.url}/v1/evaluate`, body);
    expect(status).toBe(400);
    expect(Object.keys(json)).toEqual(['error']);
    expect(json.error).toMatch(reason);
    expect(json.error).not.toContain('\n');
  });

  it('gives the same reason as `warden scan` for a malformed plan', async () => {
    writeFileSync(join(dir, 'request'), '{"format_version": "1.2", "resource_changes": [1,}');
    const scan = runBuiltCli(['scan', 'request'], dir);
    const { json } = await postJson(`${serve.url}/v1/evaluate`, '{"format_version": "1.2", "resource_changes": [1,}');
    expect(scan.stderr).toContain(json.error);
  });

  it('refuses a body over the limit (413) and a body that is not JSON (415), in one line', async () => {
    const big = await postJson(`${serve.url}/v1/evaluate`, JSON.stringify({ resources: [], pad: 'x'.repeat(300_000) }));
    expect(big.status).toBe(413);
    expect(big.json.error).toMatch(/larger than 200000 bytes: scan large plans with `warden scan`/);
    const text = await fetch(`${serve.url}/v1/evaluate`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(text.status).toBe(415);
    expect(Object.keys((await text.json()) as object)).toEqual(['error']);
  });

  it('answers 404 in one line for an unknown endpoint', async () => {
    const response = await fetch(`${serve.url}/v1/nothing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'no such endpoint: GET /v1/nothing' });
  });
});
