import { describe, expect, it } from 'vitest';
import type { CaseForm } from '../../src/testing/case-table.js';
import { caseFormFile } from '../support/case-form-file.js';
import { runMain } from '../support/run-main.js';

const repo = new URL('../../', import.meta.url).pathname;

interface JsonFinding {
  ruleId: string;
  verdict: string;
  severity: string;
  resource: { address: string };
}

/**
 * A database known to be publicly accessible whose path from the internet cannot be decided must end
 * in a red gate with the default `--fail-on`, whatever source it came from.
 */
describe('a public database with an undecided network path fails the default gate', () => {
  // Cases of db-publicly-accessible.cases.yaml, each written as the file a user would scan.
  const inputs: [source: string, [caseName: string, form: CaseForm]][] = [
    ['plan, default VPC', ['default-vpc', 'plan']],
    ['HCL, default VPC', ['default-vpc', 'tf']],
    ['plan, subnet group managed elsewhere', ['subnet-group-not-in-inventory', 'plan']],
    ['HCL, subnet group managed elsewhere', ['subnet-group-not-in-inventory', 'tf']],
    ['plan, Aurora cluster managed elsewhere', ['cluster-not-in-inventory', 'plan']],
    ['HCL, Aurora cluster managed elsewhere', ['cluster-not-in-inventory', 'tf']],
    ['plan, Multi-AZ DB cluster in the default VPC', ['multi-az-db-cluster', 'plan']],
    ['HCL, Multi-AZ DB cluster in the default VPC', ['multi-az-db-cluster', 'tf']],
    ['live, network not collected', ['live-network-not-collected', 'live']],
  ];
  for (const [source, input] of inputs) {
    it(source, async () => {
      const path = await caseFormFile('db-publicly-accessible', ...input);
      const run = await runMain(['scan', path, '--format', 'json', '--only', 'db-internet-reachable,db-publicly-accessible'], repo);
      expect(run.code, run.stderr).toBe(1);
      const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
      const verdicts = findings.map((f) => `${f.ruleId} ${f.verdict} ${f.severity}`).sort();
      expect(verdicts).toEqual(['db-internet-reachable unknown critical', 'db-publicly-accessible fail medium']);
    });
  }
});
