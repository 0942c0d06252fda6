import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { addFlags, sgReportSection } from '../../src/inventory/build-sg-report.js';
import type { SgReportDocument, SgReportInput } from '../../src/inventory/sg-report.js';
import type { Inventory } from '../../src/model/inventory.js';
import { INVENTORY_CSV_HEADER, inventoryCsv } from '../../src/report/inventory/inventory-csv.js';
import { renderSgReport } from '../../src/report/inventory/sg-report-text.js';
import { selectPolicies } from '../../src/rules/select-policies.js';
import { runScan } from '../../src/scan/run-scan.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { REPO } from '../engines/hcl/hcl-helpers.js';
import { inventoriesOf } from './inventory-fixtures.js';

const TF = 'test/fixtures/inventory/sg-estate';
const LIVE = 'test/fixtures/inventory/sg-estate/live-inventory.json';
const SG_POLICIES = ['sg-unused', 'sg-egress-open', 'sg-rule-redundant', 'sg-stale-reference', 'sg-open-ingress', 'default-sg-restricts-all'];
const GROUPS = ['alb', 'web', 'app', 'db', 'bastion', 'legacy'];
const ATTACHED: Record<string, string[]> = {
  alb: ['aws_lb'],
  web: ['aws_instance'],
  app: ['aws_instance'],
  db: ['aws_db_instance'],
  bastion: ['aws_instance'],
  legacy: [],
};
/** Live, a load balancer and a database are seen through the interfaces AWS made for them. */
const ATTACHED_LIVE: Record<string, string[]> = {
  alb: ['aws_network_interface', 'aws_network_interface'],
  web: ['aws_instance', 'aws_network_interface'],
  app: ['aws_instance', 'aws_network_interface'],
  db: ['aws_db_instance', 'aws_network_interface'],
  bastion: ['aws_instance', 'aws_network_interface'],
  legacy: [],
};
const SCHEMA = JSON.parse(readFileSync(new URL('../../schemas/warden-sg-report.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true }).compile(SCHEMA);

/** Scans one path with the security-group policies, describing each inventory for the report as `--sg-report` does. */
async function audit(path: string): Promise<{ result: ScanResult; report: SgReportDocument }> {
  const sections: SgReportInput[] = [];
  const policies = selectPolicies(builtinPolicies, {}, { only: SG_POLICIES });
  const result = await runScan({ paths: [path], cwd: REPO, policies, config: {}, onInventory: (inventory: Inventory) => sections.push(sgReportSection(inventory)) });
  addFlags(sections, result.findings);
  return { result, report: { schemaVersion: '1', tool: { name: 'warden', version: '0.0.0-test' }, inputs: sections } };
}

/** `rule verdict group-name` of every finding that is not a pass, by the group's Name. */
function findingsByName(result: ScanResult, report: SgReportDocument): string[] {
  const names = new Map(report.inputs.flatMap((i) => i.groups.map((g) => [g.address, g.name ?? g.id] as const)));
  return result.findings.filter((f) => f.verdict !== 'pass').map((f) => `${f.ruleId} ${f.verdict} ${names.get(f.resource.address) ?? f.resource.address}`).sort();
}

describe('the security-group audit estate (three tiers, bastion, one unused group, one open database egress, one stale reference)', () => {
  it('live: exactly the three faults, nothing on the well-designed groups', async () => {
    const { result, report } = await audit(LIVE);
    expect(result.coverage.complete).toBe(true);
    expect(findingsByName(result, report)).toEqual(['sg-egress-open fail db', 'sg-stale-reference fail app', 'sg-unused fail legacy']);
  });

  it('.tf: the same faults, except that a stale reference cannot be seen in Terraform (unknown, never a pass or a fail)', async () => {
    const { result, report } = await audit(TF);
    expect(findingsByName(result, report)).toEqual(['sg-egress-open fail db', 'sg-stale-reference unknown app', 'sg-unused fail legacy']);
  });

  for (const [label, path, attached] of [['live', LIVE, ATTACHED_LIVE], ['.tf', TF, ATTACHED]] as const) {
    it(`${label}: the report lists every group with its attachments, and its flags are exactly the findings on it`, async () => {
      const { result, report } = await audit(path);
      const groups = report.inputs.flatMap((i) => i.groups);
      for (const name of GROUPS) {
        const group = groups.find((g) => g.name === name);
        expect(group, name).toBeDefined();
        expect(group!.attachedTo.map((r) => r.type).sort(), name).toEqual([...attached[name]!].sort());
      }
      // The default group is listed too, marked as such.
      expect(groups.filter((g) => g.isDefault)).toHaveLength(1);
      // Agreement both ways: every finding on a group is a flag of it, every flag is a finding.
      const findings = result.findings.filter((f) => f.verdict !== 'pass');
      const flags = groups.flatMap((g) => g.flags.map((f) => f.fingerprint));
      expect(flags.sort()).toEqual(findings.map((f) => f.fingerprint).sort());
      for (const group of groups) {
        const own = findings.filter((f) => f.resource.address === group.address || f.message.includes(group.address));
        expect(group.flags.map((f) => f.ruleId).sort(), group.address).toEqual(own.map((f) => f.ruleId).sort());
      }
      const flagged = groups.filter((g) => g.flags.length > 0).map((g) => g.name).sort();
      expect(flagged).toEqual(['app', 'db', 'legacy']);
    });
  }

  it('the report describes rules in plain words and the internet reach through the network model', async () => {
    const { report } = await audit(LIVE);
    const group = (name: string) => report.inputs[0]!.groups.find((g) => g.name === name)!;
    expect(group('db').rules.map((r) => r.text)).toEqual(['tcp 5432 from sg-0c4c4c4c4c4c4c4c4 (app)', 'all traffic to 0.0.0.0/0']);
    expect(group('alb').internet.admits).toEqual(['tcp 443 from 0.0.0.0/0']);
    expect(group('alb').internet.reach.map((r) => r.status)).toEqual(['reachable', 'reachable']);
    expect(group('db').internet.reach).toEqual([expect.objectContaining({ status: 'not-reachable', detail: 'not publicly accessible' })]);
    expect(group('bastion').internet.admits).toEqual([]);
    const tf = (await audit(TF)).report.inputs[0]!.groups.find((g) => g.name === 'web')!;
    expect(tf.rules.map((r) => r.text)).toContain('tcp 8080 from aws_security_group.alb (alb)');
  });

  it('JSON validates against schemas/warden-sg-report.schema.json; Markdown and text name every group', async () => {
    for (const path of [LIVE, TF]) {
      const { report } = await audit(path);
      const parsed = JSON.parse(renderSgReport(report, 'json'));
      expect(validate(parsed), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(validate({ ...parsed, inputs: [{ ...parsed.inputs[0], groups: [{ name: 'x' }] }] })).toBe(false);
      for (const format of ['markdown', 'console'] as const) {
        const text = renderSgReport(report, format);
        for (const name of GROUPS) expect(text, `${format} ${name}`).toContain(`${name} `);
      }
    }
  });

  it('the network inventory lists every group with its attachments; its CSV has the fixed header and one row per resource', async () => {
    for (const path of [LIVE, TF]) {
      const inputs = await inventoriesOf(path);
      const groups = inputs.flatMap((i) => i.items.filter((item) => item.kind === 'security-group'));
      expect(groups.map((g) => g.name).filter((n) => n !== null && GROUPS.includes(n)).sort()).toEqual([...GROUPS].sort());
      expect(groups.find((g) => g.name === 'legacy')!.attachedTo).toEqual([]);
      expect(groups.find((g) => g.name === 'db')!.attachedTo!.map((r) => r.type)).toContain('aws_db_instance');
      const lines = inventoryCsv({ schemaVersion: '1', tool: { name: 'warden', version: '0.0.0-test' }, inputs, errors: [] }).trimEnd().split('\n');
      expect(lines[0]).toBe(INVENTORY_CSV_HEADER.join(','));
      expect(lines).toHaveLength(1 + inputs.reduce((n, input) => n + input.items.length, 0));
    }
  });
});
