import { describe, expect, it } from 'vitest';
import { runMain } from '../support/run-main.js';

const repo = new URL('../../', import.meta.url).pathname;
const CASES = 'policies/db-publicly-accessible/cases/fail';

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
  const inputs: [source: string, path: string][] = [
    ['plan, default VPC', `${CASES}/default-vpc.json`],
    ['HCL, default VPC', `${CASES}/default-vpc-source`],
    ['plan, subnet group managed elsewhere', `${CASES}/subnet-group-not-in-inventory.json`],
    ['HCL, subnet group managed elsewhere', `${CASES}/subnet-group-not-in-inventory-source`],
    ['plan, Aurora cluster managed elsewhere', `${CASES}/cluster-not-in-inventory.json`],
    ['HCL, Aurora cluster managed elsewhere', `${CASES}/cluster-not-in-inventory-source`],
    ['plan, Multi-AZ DB cluster in the default VPC', `${CASES}/multi-az-db-cluster.json`],
    ['HCL, Multi-AZ DB cluster in the default VPC', `${CASES}/multi-az-db-cluster-source`],
    ['live, network not collected', `${CASES}/live-network-not-collected.json`],
  ];
  for (const [source, path] of inputs) {
    it(source, async () => {
      const run = await runMain(['scan', path, '--format', 'json', '--only', 'db-internet-reachable,db-publicly-accessible'], repo);
      expect(run.code, run.stderr).toBe(1);
      const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
      const verdicts = findings.map((f) => `${f.ruleId} ${f.verdict} ${f.severity}`).sort();
      expect(verdicts).toEqual(['db-internet-reachable unknown critical', 'db-publicly-accessible fail medium']);
    });
  }
});
