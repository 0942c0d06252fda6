import { afterAll, describe, expect, it } from 'vitest';
import { scanAndCheck } from '../property/scan-check.js';
import { hostileScratch, QUIET_RESOURCES, QUIET_TF } from './hostile-scratch.js';

const scratch = hostileScratch('deep');
afterAll(() => scratch.cleanup());

const DEPTH = 100_000;
const nested = (open: string, inner: string, close: string, depth = DEPTH): string => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

describe('JSON nested 100,000 levels deep (JSON.parse copes; recursive walks would not)', () => {
  const plans: [string, string][] = [
    ['in configuration', `{"format_version":"1.2","configuration":{"root_module":${nested('{"a":', '1', '}')}},"resource_changes":[]}`],
    ['as resource_changes', `{"format_version":"1.2","resource_changes":${nested('[', '', ']')}}`],
    ['as child modules of planned_values', `{"format_version":"1.2","planned_values":{"root_module":${nested('{"child_modules":[', '{}', ']}')}}}`],
    ['in the values of a resource', `{"format_version":"1.2","resource_changes":[{"address":"aws_vpc.a","mode":"managed","type":"aws_vpc","name":"a","change":{"actions":["create"],"after":{"tags":${nested('[', '', ']')}}}}]}`],
  ];
  for (const [where, text] of plans) {
    it(`a plan nested ${where}: scanned or refused in one line, reports valid`, async () => {
      scratch.write('deep.json', text);
      const { stderr } = await scanAndCheck(scratch.dir, ['deep.json']);
      expect(stderr.length).toBeLessThanOrEqual(1);
    });
  }

  it('in the values of a resource marked unknown: refused in one line naming the file', async () => {
    const deep = nested('[', '', ']');
    scratch.write('deep-values.json', `{"format_version":"1.2","resource_changes":[{"address":"aws_vpc.a","mode":"managed","type":"aws_vpc","name":"a","change":{"actions":["create"],"after":{"tags":${deep}},"after_unknown":{"tags":${deep}}}}]}`);
    const { code, stderr } = await scanAndCheck(scratch.dir, ['deep-values.json']);
    expect(stderr).toEqual(['warden: deep-values.json: values nested too deeply to read (far deeper than any Terraform plan)']);
    expect(code).toBe(2);
  });

  it('in a saved inventory response', async () => {
    scratch.write('deep-inventory.json', JSON.stringify({ warden_inventory: 1, source: 'api', targets: [{ account: '111122223333', region: 'eu-west-1', responses: { 'ec2:DescribeVpcs': [{ Vpcs: ['@deep@'] }] } }] }).replace('"@deep@"', nested('[', '', ']')));
    const { stderr } = await scanAndCheck(scratch.dir, ['deep-inventory.json']);
    expect(stderr.length).toBeLessThanOrEqual(1);
  });
});

describe('deeply nested HCL expressions', () => {
  const deepExpressions: [string, string][] = [
    ['parentheses', nested('(', '1', ')')],
    ['tuples', nested('[', '1', ']')],
    ['objects', nested('{ a = ', '1', ' }', 5_000)],
    ['a chain of 20,000 additions', Array(20_000).fill('1').join(' + ')],
  ];
  for (const [what, expression] of deepExpressions) {
    it(`${what}: a one-line problem for that file; the other files are read`, async () => {
      scratch.write(`hcl-${what}/main.tf`, QUIET_TF);
      scratch.write(`hcl-${what}/deep.tf`, `locals {\n  deep = ${expression}\n}\n`);
      const { code, stderr, report } = await scanAndCheck(scratch.dir, [`hcl-${what}`]);
      expect(stderr).toEqual([`warden: hcl-${what}/deep.tf:1:1: expressions nested too deeply to read`]);
      expect(report.inputs[0]).toMatchObject({ status: 'scanned', resources: QUIET_RESOURCES });
      expect(code).toBe(3);
    });
  }

  it('hundreds of levels are still read and evaluated', async () => {
    scratch.write('hcl-hundreds/main.tf', `resource "aws_vpc" "main" {\n  cidr_block = ${nested('(', '"10.0.0.0/16"', ')', 500)}\n  tags = { Environment = ${nested('[', '"prod"', ']', 200)}${'[0]'.repeat(200)}, Owner = "net" }\n}\n` + QUIET_TF.slice(QUIET_TF.indexOf('resource "aws_flow_log"')));
    const { code, stderr, report } = await scanAndCheck(scratch.dir, ['hcl-hundreds', '--include-passes']);
    expect(stderr).toEqual([]);
    expect([...new Set(report.findings.filter((f) => f.ruleId === 'required-tags').map((f) => f.verdict))]).toEqual(['pass']);
    expect(code).toBe(0);
  });
});
