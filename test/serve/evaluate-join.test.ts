import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../hostile/built-cli.js';
import { postJson, startServe, type ServeProcess } from './serve-process.js';

// A saved audit of one account/region: a public subnet behind an internet gateway, the `orders-db`
// group open to the world on 5432, the private `ledger-db` group, and 24 findings of its own (6 of them IAM, 2 RDS IAM authentication).
const ESTATE = fileURLToPath(new URL('../../fixtures/live-estate/inventory.json', import.meta.url));
const ORDERS_DB_SG = 'sg-0d4e5f60718293a41';
const LEDGER_DB_SG = 'sg-0e5f60718293a4b52';

const database = (subnetGroup: string, group: string) => ({
  type: 'aws_db_instance',
  name: 'reports',
  values: {
    engine: 'postgres',
    instance_class: 'db.t3.micro',
    publicly_accessible: subnetGroup === 'public-db',
    db_subnet_group_name: subnetGroup,
    vpc_security_group_ids: [group],
    storage_encrypted: true,
    // Keeps the RDS operations policies quiet: these cases are about the network path.
    iam_database_authentication_enabled: true,
    deletion_protection: true,
    backup_retention_period: 7,
    tags: { Environment: 'prod', Owner: 'data' },
  },
});

const verdicts = (json: any): string[] => json.report.findings.map((f: any) => `${f.ruleId} ${f.verdict} ${f.resource.address}`);

describe('warden serve: a resource request joining an existing inventory', () => {
  let dir: string;
  let BASELINED = 0;
  let serve: ServeProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'warden-join-'));
    copyFileSync(ESTATE, join(dir, 'prod-eu.json'));
    serve = await startServe(['--inventory', 'prod-eu.json'], dir);
    // The estate's own findings, which a joining request must not be held to.
    const alone = JSON.parse(runBuiltCli(['scan', 'prod-eu.json', '--format', 'json'], dir).stdout) as { findings: { verdict: string }[] };
    BASELINED = alone.findings.filter((f) => f.verdict === 'fail' || f.verdict === 'unknown').length;
  }, 120_000);
  afterAll(async () => {
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const evaluate = (body: unknown) => postJson(`${serve.url}/v1/evaluate`, JSON.stringify(body));

  it('decides the network path through the estate: a database in its public subnets behind the open group is reachable', async () => {
    const alone = await evaluate({ resources: [database('public-db', ORDERS_DB_SG)] });
    // Without the estate the subnet group and the group are not known: the path cannot be decided.
    expect(verdicts(alone.json)).toContain('db-internet-reachable unknown aws_db_instance.reports');

    const joined = await evaluate({ resources: [database('public-db', ORDERS_DB_SG)], inventory: { id: 'prod-eu' } });
    expect(joined.status).toBe(200);
    expect(joined.json.decision).toBe('deny');
    // Its group also admits 5432 from an address range rather than the application tier's group.
    expect(verdicts(joined.json)).toEqual(['db-internet-reachable fail aws_db_instance.reports', 'db-tier-admits-cidr fail aws_db_instance.reports']);
    expect(joined.json.report.findings[0].message).toContain('igw-0e2b7d4c6a8f1b3d5');
    expect(joined.json.report.inputs[0].details.joins).toBe('prod-eu: 111122223333/eu-west-1, collected 2026-06-01T02:00:00.000Z');
  });

  it('allows a request that adds nothing failing: the estate\'s own findings are counted as baselined, not held against it', async () => {
    const { status, json } = await evaluate({ resources: [database('private-db', LEDGER_DB_SG)], inventory: { id: 'prod-eu' } });
    expect(status).toBe(200);
    expect(json.decision).toBe('allow');
    expect(json.report.findings.filter((f: any) => f.verdict !== 'pass')).toEqual([]);
    expect(json.report.summary.baselined).toBe(BASELINED);
  });

  it('denies a rule that opens an existing group to the world: a new finding on that group', async () => {
    const rule = {
      type: 'aws_vpc_security_group_ingress_rule',
      name: 'psql_world',
      values: { security_group_id: LEDGER_DB_SG, ip_protocol: 'tcp', from_port: 5432, to_port: 5432, cidr_ipv4: '0.0.0.0/0', tags: { Environment: 'prod', Owner: 'data' } },
    };
    const { json } = await evaluate({ resources: [rule], inventory: { id: 'prod-eu' } });
    expect(json.decision).toBe('deny');
    // The group is the estate's, the rule the request's: the finding is new, so it decides.
    // ledger, behind that group, now admits 5432 from a range too.
    expect(verdicts(json)).toEqual([
      `sg-open-ingress fail arn:aws:ec2:eu-west-1:111122223333:security-group/${LEDGER_DB_SG}`,
      'db-tier-admits-cidr fail arn:aws:rds:eu-west-1:111122223333:db:ledger',
    ]);
    expect(json.report.summary.baselined).toBe(BASELINED);
  });

  it('joins a saved inventory sent inline, selected by account and region', async () => {
    const document = JSON.parse(readFileSync(ESTATE, 'utf8'));
    const { json } = await evaluate({ resources: [database('public-db', ORDERS_DB_SG)], inventory: { document, account: '111122223333', region: 'eu-west-1' } });
    expect(json.decision).toBe('deny');
    expect(verdicts(json)).toEqual(['db-internet-reachable fail aws_db_instance.reports', 'db-tier-admits-cidr fail aws_db_instance.reports']);
    expect(json.report.inputs[0].details.joins).toMatch(/^inline: 111122223333\/eu-west-1/);
  });

  it('answers 400 with one line for an unknown id, an account/region it does not hold, or a broken inline document', async () => {
    const unknown = await evaluate({ resources: [], inventory: { id: 'prod-us' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toBe('request: inventory.id "prod-us": no saved inventory with this id (the service has prod-eu)');
    const elsewhere = await evaluate({ resources: [], inventory: { id: 'prod-eu', region: 'us-east-1' } });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json.error).toBe('request: inventory prod-eu: holds no account/region us-east-1; it holds 111122223333/eu-west-1');
    const broken = await evaluate({ resources: [], inventory: { document: { warden_inventory: 1, targets: 'x' } } });
    expect(broken.status).toBe(400);
    expect(broken.json.error).toMatch(/^request: inventory\.document: not a valid saved inventory: /);
    const both = await evaluate({ resources: [], inventory: { id: 'prod-eu', document: {} } });
    expect(both.status).toBe(400);
  });

  it('holds a request joining an estate whose audit had gaps as incomplete: denied, the gap named', async () => {
    const document = JSON.parse(readFileSync(ESTATE, 'utf8'));
    document.coverage = { gaps: [{ scope: 'service', target: '111122223333/eu-west-1', account: '111122223333', region: 'eu-west-1', service: 'rds', message: 'rds:DescribeDBInstances: AccessDenied' }] };
    const { json } = await evaluate({ resources: [database('private-db', LEDGER_DB_SG)], inventory: { document } });
    expect(json.decision).toBe('deny');
    expect(json.report.coverage.complete).toBe(false);
    expect(json.report.coverage.gaps[0].message).toContain('AccessDenied');
  });

  // 47 resources: the buckets' ACL, ownership, policy and logging settings and the account's S3 block are resources too.
  it('lists what requests may join at GET /v1/inventories', async () => {
    const response = await fetch(`${serve.url}/v1/inventories`);
    // 62 resources: 59 + the root's credential-report row, the account summary and the password policy.
    expect(await response.json()).toEqual({
      inventories: [{ id: 'prod-eu', source: 'api', collectedAt: '2026-06-01T02:00:00.000Z', targets: ['111122223333/eu-west-1'], resources: 74, gaps: 0 }],
    });
  });

  it('refuses to start on a saved inventory that does not read (exit 2, one line naming it)', () => {
    writeFileSync(join(dir, 'broken.json'), '{"warden_inventory": 1, ');
    const result = runBuiltCli(['serve', '--listen', '127.0.0.1:0', '--inventory', 'broken.json'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/--inventory broken\.json.*not valid JSON/);
  });
});
