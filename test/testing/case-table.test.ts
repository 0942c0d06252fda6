import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ebsUnencrypted } from '../../policies/ebs-unencrypted.js';
import { readCaseTable, type TableCase } from '../../src/testing/case-table.js';
import { completePlan } from '../../src/testing/complete-plan.js';
import { runTableCase } from '../../src/testing/run-table-case.js';

const scratch = mkdtempSync(join(tmpdir(), 'warden-case-table-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;

async function tableOf(yaml: string): Promise<{ file: string; cases: TableCase[] }> {
  const file = join(scratch, `t${n++}.cases.yaml`);
  writeFileSync(file, yaml);
  const table = await readCaseTable(file, 'ebs-unencrypted');
  return table!;
}

async function run(yaml: string): Promise<Record<string, string[]>> {
  const table = await tableOf(yaml);
  const results = await runTableCase(ebsUnencrypted, table, table.cases[0]!);
  return Object.fromEntries(results.map((r) => [r.name, r.differences]));
}

const volume = (encrypted: boolean): string => `
    tf: |
      resource "aws_ebs_volume" "data" {
        availability_zone = "eu-west-1a"
        encrypted         = ${encrypted}
      }`;

describe('case tables', () => {
  it('names the file and the case when a row breaks the schema', async () => {
    const yaml = `cases:\n  - name: ok\n    expect: []\n    tf: "x"\n  - name: no-severity\n    expect: [ { address: aws_ebs_volume.data, verdict: fail } ]\n    tf: "x"\n`;
    await expect(tableOf(yaml)).rejects.toThrow(/t\d+\.cases\.yaml: cases\[1\] "no-severity": expect\[0\] must have required property 'severity'$/);
    await expect(tableOf('cases:\n  - name: x\n    expect: []\n')).rejects.toThrow(/cases\[0\] "x": must have required property 'tf'/);
    await expect(tableOf('policy: other\ncases:\n  - { name: x, expect: [], tf: "x" }\n')).rejects.toThrow(/the cases are for policy "other", not "ebs-unencrypted"/);
    await expect(tableOf('cases:\n  - { name: x, same: true, expect: [], tf: "x" }\n')).rejects.toThrow(/"x": same: true needs at least two forms/);
  });

  it('passes a pass expectation only on a pass record: an unrecognised resource does not pass', async () => {
    expect(await run(`cases:\n  - name: ok\n    expect: [ { address: aws_ebs_volume.data, verdict: pass } ]${volume(true)}\n`)).toEqual({ 'ok [tf]': [] });
    const typo = await run(`cases:\n  - name: typo\n    expect: [ { address: aws_ebs_volum.data, verdict: pass } ]\n    tf: |\n      resource "aws_ebs_volum" "data" {\n        encrypted = true\n      }\n`);
    expect(typo['typo [tf]']).toEqual(['missing: pass aws_ebs_volum.data (no pass record: the policy did not look at it, or did not pass it)']);
  });

  it('fails on an unexpected finding and on a missing one', async () => {
    const result = await run(`cases:\n  - name: wrong\n    expect: [ { address: aws_ebs_volume.data, verdict: pass } ]${volume(false)}\n`);
    expect(result['wrong [tf]']).toEqual([
      'missing: pass aws_ebs_volume.data (no pass record: the policy did not look at it, or did not pass it)',
      'unexpected: fail medium aws_ebs_volume.data: aws_ebs_volume.data is not encrypted at rest (encrypted is false)',
    ]);
  });

  it('with same: true, fails when the forms disagree even where the expectation is silent', async () => {
    const yaml = `cases:
  - name: differ
    same: true
    expect: []
${volume(true)}
    plan:
      resource_changes:
        - { address: aws_ebs_volume.other, change: { after: { encrypted: true } } }
`;
    const result = await run(yaml);
    expect(result['differ [tf]']).toEqual([]);
    expect(result['differ [plan]']).toEqual([]);
    expect(result['differ [same]']).toEqual(['tf has "aws_ebs_volume.data pass", plan does not', 'plan has "aws_ebs_volume.other pass", tf does not']);
  });

  it('reports a live object under its declared address, else under its ARN', async () => {
    const live = (address: string): string => `
    live:
      ec2:DescribeVolumes:
        - { ${address}VolumeId: vol-0a1, Encrypted: false, State: available }`;
    const fail = (address: string): string => `cases:\n  - name: live\n    expect: [ { address: ${address}, verdict: fail, severity: medium } ]${live(address.startsWith('aws_') ? `address: ${address}, ` : '')}\n`;
    expect(await run(fail('aws_ebs_volume.data'))).toEqual({ 'live [live]': [] });
    expect(await run(fail('"arn:aws:ec2:eu-west-1:111122223333:volume/vol-0a1"'))).toEqual({ 'live [live]': [] });
  });

  it('fails a form that the scan could not read rather than passing on what it read', async () => {
    const result = await run(`cases:\n  - name: broken\n    expect: []\n    tf: |\n      resource "aws_ebs_volume" "data" {\n`);
    expect(result['broken [tf]']![0]).toMatch(/^not fully readable: /);
  });

  it('completes a plan fragment into the document terraform show -json writes', () => {
    const plan = completePlan({ resource_changes: [{ address: 'module.a.aws_ebs_volume.data["x"]', change: { after: { encrypted: true } } }] });
    expect(plan).toMatchObject({
      format_version: '1.2',
      planned_values: { root_module: { resources: [], child_modules: [{ address: 'module.a', resources: [{ address: 'module.a.aws_ebs_volume.data["x"]', index: 'x', values: { encrypted: true } }] }] } },
      resource_changes: [{ module_address: 'module.a', mode: 'managed', type: 'aws_ebs_volume', name: 'data', index: 'x', change: { actions: ['create'], before: null, after_unknown: {} } }],
    });
    expect(plan['terraform_version']).toMatch(/^1\.\d+\.\d+$/);
  });
});
