import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { consoleReport } from '../../src/report/console/console-report.js';
import { wholeText } from '../../src/report/report-text.js';
import { selectPolicies } from '../../src/rules/select-policies.js';
import { runScan } from '../../src/scan/run-scan.js';
import type { ScanResult } from '../../src/scan/scan-result.js';
import { CONTEXT } from './report-fixtures.js';

const ESTATE = fileURLToPath(new URL('../../fixtures/live-estate/inventory.json', import.meta.url));
const plain = (result: ScanResult): string => stripVTControlCharacters(wholeText(consoleReport(result, CONTEXT)));

describe('console report of a live audit', async () => {
  const result = await runScan({ paths: [ESTATE], cwd: process.cwd(), policies: selectPolicies(builtinPolicies, {}, {}), config: {} });
  const text = plain(result);

  it('names each resource by Name tag and id, shows its ARN once, and names neighbours by id', () => {
    const arn = 'arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0d4e5f60718293a41';
    expect(text).toContain(`  orders-db (sg-0d4e5f60718293a41) (aws_security_group)\n  ${arn}\n    HIGH        sg-open-ingress\n      orders-db (sg-0d4e5f60718293a41) allows tcp 5432`);
    // Three times per finding before: heading, head line, message. Now once per resource.
    expect(text.split(arn).length - 1).toBe(1);
    expect(text).toContain('orders accepts TCP 5432 from the internet (IPv4 clients in 32.0.0.0/3) through\n      igw-0e2b7d4c6a8f1b3d5 and subnet-0a1e3c5b7d9f2a4c6.');
    expect(text).toContain('evidence: IpPermissions[0].IpRanges = "0.0.0.0/0" (the internet)');
  });

  it('sums up an audit of several accounts and regions per account × region, with the top failing policies', () => {
    // The same estate read as a second region: what an audit of two regions reports.
    const other = result.findings.map((f) => ({ ...f, resource: { ...f.resource, input: '111122223333/us-east-1' } }));
    const twoRegions = plain({ ...result, findings: [...result.findings, ...other.filter((f) => f.ruleId === 'required-tags')] });
    expect(twoRegions).toContain(
      [
        'By account and region',
        '  111122223333/eu-west-1  3 critical · 9 high · 7 medium · 10 low',
        '  111122223333/us-east-1  4 low',
        'Top failing policies (5 of 18)',
        '  required-tags             low       8 findings on 4 resources',
        '  public-ip-by-default      low       3 findings on 3 resources',
        '  sg-open-ingress           critical  3 findings on 3 resources',
      ].join('\n'),
    );
    expect(text).not.toContain('By account and region');
  });
});
