import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { casePath, caseText, expectedFor, type NetworkPolicyId } from '../../scripts/network-fixtures/case-files.js';
import { NETWORK_CASES, PUBLICLY_ACCESSIBLE_ONLY_CASES, type NetworkCase } from '../../scripts/network-fixtures/network-cases.js';
import { multitoolAvailable, validateWithMultitool } from '../report/sarif-multitool.js';
import { schemaErrors, validateSarif } from '../support/report-schemas.js';
import { readCaseTable } from '../../src/testing/case-table.js';
import { runMain, stderrBesidesNotes } from '../support/run-main.js';

const repo = new URL('../../', import.meta.url).pathname;
const POLICIES = 'db-internet-reachable,db-publicly-accessible';
const scratch = mkdtempSync(join(tmpdir(), 'warden-network-fixtures-'));

/** The generated plan of a case, written to a scratch folder as `terraform show -json` would. */
function planOf(c: NetworkCase, policy: NetworkPolicyId): string {
  const path = casePath(scratch, c, policy);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, caseText(c, policy));
  return path;
}

interface JsonFinding {
  ruleId: string;
  verdict: string;
  severity: string;
  message: string;
  reason?: string;
  resource: { address: string };
  evidence: { path: string; value: unknown }[];
  trace?: { label: string; resource?: { type: string; address: string }; location?: { file: string; startLine: number } }[];
}

async function scanJson(c: NetworkCase): Promise<JsonFinding[]> {
  const run = await runMain(['scan', planOf(c, 'db-internet-reachable'), '--format', 'json', '--only', POLICIES], repo);
  expect(stderrBesidesNotes(run.stderr)).toBe('');
  const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
  return findings.filter((f) => f.verdict === 'fail' || f.verdict === 'unknown');
}

const reported = (findings: JsonFinding[], ruleId: string, address: string): string =>
  findings.filter((f) => f.ruleId === ruleId && f.resource.address === address).map((f) => f.verdict).join(',') || 'none';

describe('network fixtures', () => {
  it('each have a row in the case table of its policy expecting what the generator says (the rows are compact forms of these plans)', async () => {
    const sets: [NetworkPolicyId, NetworkCase[]][] = [
      ['db-internet-reachable', NETWORK_CASES],
      ['db-publicly-accessible', [...NETWORK_CASES.filter((c) => c.alsoForPubliclyAccessible), ...PUBLICLY_ACCESSIBLE_ONLY_CASES]],
    ];
    for (const [policy, cases] of sets) {
      const table = await readCaseTable(join(repo, 'policies', `${policy}.cases.yaml`), policy);
      const folder = ['policies', policy, 'cases'].join('/');
      for (const c of cases) {
        const row = table?.cases.find((r) => r.name === c.name);
        const expected = expectedFor(c, policy);
        if (!row) {
          // Not converted: still a folder case.
          expect(existsSync(join(repo, folder, expected === 'none' ? 'pass' : expected, `${c.name}.json`)), `${policy} ${c.name}`).toBe(true);
          continue;
        }
        const onDatabase = row.expect.filter((e) => e.address === c.database && e.verdict !== 'pass').map((e) => e.verdict);
        expect(onDatabase, `${policy} ${c.name}`).toEqual(expected === 'none' ? [] : [expected]);
      }
    }
  });

  it('cover every way of breaking the path the issue lists, plus IPv4 and IPv6 exposure', () => {
    const names = NETWORK_CASES.map((c) => c.name);
    for (const name of [
      'no-internet-gateway', 'gateway-attached-to-another-vpc', 'route-only-via-nat-gateway', 'route-table-of-another-vpc',
      'main-route-table', 'explicit-association-overrides-main', 'nacl-denies-inbound', 'nacl-denies-ephemeral-outbound',
      'nacl-client-ranges-differ', 'sg-open-on-another-port', 'sg-source-is-security-group', 'not-publicly-accessible',
      'cidr-unknown-at-plan-time', 'reachable-ipv4', 'reachable-ipv6',
    ]) expect(names).toContain(name);
  });
});

describe('network fixtures through the CLI, in JSON', () => {
  for (const c of [...NETWORK_CASES]) {
    it(`${c.name}: db-internet-reachable ${c.reachable}, db-publicly-accessible ${c.publiclyAccessible}`, async () => {
      const findings = await scanJson(c);
      expect(reported(findings, 'db-internet-reachable', c.database)).toBe(c.reachable);
      expect(reported(findings, 'db-publicly-accessible', c.database)).toBe(c.publiclyAccessible);
      // At most one failing finding per database from the two policies (an unknown may sit beside it).
      expect(findings.filter((f) => f.resource.address === c.database && f.verdict === 'fail').length).toBeLessThanOrEqual(1);
      // A database known to be public always fails one of them.
      if (c.reachable === 'unknown') expect(c.publiclyAccessible).toBe('fail');
      for (const f of findings) expect(f.severity).toBe(f.ruleId === 'db-internet-reachable' ? 'critical' : 'medium');
    });
  }

  it('traces the witness path hop by hop, each hop pointing at its resource in the plan', async () => {
    const [finding] = await scanJson(NETWORK_CASES.find((c) => c.name === 'reachable-ipv4')!);
    const labels = finding!.trace!.map((s) => s.label);
    expect(labels).toEqual([
      'internet 32.0.0.0/3',
      'aws_internet_gateway.main',
      'aws_route_table.public',
      'route 0.0.0.0/0 → igw',
      'aws_subnet.db_a',
      'NACL inbound #100 allow tcp 5432',
      'NACL outbound #100 allow tcp 1024-65535',
      'SG aws_security_group.db 0.0.0.0/0',
      'aws_db_instance.main:5432',
    ]);
    for (const step of finding!.trace!.slice(1)) {
      expect(step.resource?.address).toMatch(/^aws_/);
      expect(step.location?.startLine).toBeGreaterThan(1);
    }
  });

  it('names the exact client range when the NACL directions overlap only in part', async () => {
    const [finding] = await scanJson(NETWORK_CASES.find((c) => c.name === 'nacl-client-ranges-overlap')!);
    expect(finding!.trace![0]!.label).toBe('internet 52.24.0.0/13');
    expect(finding!.trace!.find((s) => s.label.startsWith('NACL outbound'))!.label).toBe('NACL outbound #100 allow tcp 1024-65535');
  });

  it('reaches a dual-stack database over IPv6 while its IPv4 route goes to a NAT gateway', async () => {
    const [finding] = await scanJson(NETWORK_CASES.find((c) => c.name === 'reachable-ipv6')!);
    expect(finding!.message).toContain('IPv6 clients in 2800::/5');
    expect(finding!.trace!.map((s) => s.label)).toContain('route ::/0 → igw');
  });

  it('names the input that is known only after apply', async () => {
    const findings = await scanJson(NETWORK_CASES.find((c) => c.name === 'cidr-unknown-at-plan-time')!);
    const finding = findings.find((f) => f.ruleId === 'db-internet-reachable');
    expect(finding!.verdict).toBe('unknown');
    expect(finding!.reason).toBe('aws_vpc_security_group_ingress_rule.db_office.cidr_ipv4 is known only after apply');
  });

  it('fails a public database whose path is undecided, naming the unknown link in message and evidence', async () => {
    const findings = await scanJson(NETWORK_CASES.find((c) => c.name === 'cidr-unknown-at-plan-time')!);
    const latent = findings.find((f) => f.ruleId === 'db-publicly-accessible')!;
    expect(latent.verdict).toBe('fail');
    expect(latent.message).toContain('aws_vpc_security_group_ingress_rule.db_office.cidr_ipv4 is known only after apply');
    expect(latent.evidence).toContainEqual(expect.objectContaining({ path: 'network path', value: 'unknown' }));
  });

  it('says why a publicly accessible database is not reachable', async () => {
    const cases: [string, string][] = [
      ['no-internet-gateway', 'no internet gateway is attached to aws_vpc.main'],
      ['gateway-attached-to-another-vpc', 'no internet gateway is attached to aws_vpc.main'],
      ['route-only-via-nat-gateway', 'aws_route_table.private (explicit association) has no route to an internet gateway'],
      ['route-table-of-another-vpc', 'aws_default_route_table.main (main route table) has no route to an internet gateway'],
      ['nacl-denies-inbound', 'aws_network_acl.db denies inbound TCP 5432'],
      ['nacl-denies-ephemeral-outbound', 'allows no outbound reply to ports 1024-65535'],
      ['nacl-client-ranges-differ', 'no client passes both ways'],
      ['sg-source-is-security-group', 'no attached security group allows TCP 5432 from 0.0.0.0/0'],
    ];
    for (const [name, why] of cases) {
      const findings = await scanJson(NETWORK_CASES.find((c) => c.name === name)!);
      expect(findings[0]?.message, name).toContain(why);
    }
  });
});

describe('witness paths in SARIF', () => {
  const reachable = NETWORK_CASES.filter((c) => c.reachable === 'fail').map((c) => planOf(c, 'db-internet-reachable'));
  const sarifOf = async (): Promise<string> => (await runMain(['scan', ...reachable, '--format', 'sarif', '--only', POLICIES], repo)).stdout;

  it('become codeFlows that pass the SARIF 2.1.0 schema', async () => {
    const text = await sarifOf();
    const sarif = JSON.parse(text) as { runs: { results: { codeFlows?: { threadFlows: { locations: unknown[] }[] }[] }[] }[] };
    const results = sarif.runs.flatMap((r) => r.results);
    expect(results).toHaveLength(reachable.length);
    for (const result of results) expect(result.codeFlows?.[0]?.threadFlows[0]?.locations).toHaveLength(9);
    expect(validateSarif(sarif), schemaErrors(validateSarif, 3)).toBe(true);
  });

  it.skipIf(!multitoolAvailable())('pass the multitool with GitHub ingestion rules (Sarif;Gh)', async () => {
    const messages = await validateWithMultitool(await sarifOf());
    const problems = messages.filter((m) => m.level === 'error' || m.level === 'warning');
    expect(problems, JSON.stringify(problems, null, 1)).toEqual([]);
  });
});
