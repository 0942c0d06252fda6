import { describe, expect, it } from 'vitest';
import { sourceDir } from '../engines/hcl/hcl-helpers.js';
import { schemaErrors, validateReport } from '../support/report-schemas.js';
import { runMain } from '../support/run-main.js';

const NOT_AWS = 'resource "null_resource" "x" {}\nresource "random_id" "y" {\n  byte_length = 4\n}\n';
const EMPTY_PLAN = JSON.stringify({ format_version: '1.2', terraform_version: '1.9.5', planned_values: { root_module: {} } });

describe('inputs with no AWS resource', () => {
  it('say "0 AWS resources recognised in …" instead of "No findings.", and the summary says what ran on what', async () => {
    const { dir, cleanup } = sourceDir({ 'infra/main.tf': NOT_AWS, 'plan.json': EMPTY_PLAN });
    try {
      const run = await runMain(['scan', 'infra', 'plan.json'], dir);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain('No findings.');
      expect(run.stdout).toContain('0 AWS resources recognised in infra: nothing for the AWS policies to check\n');
      expect(run.stdout).toContain('0 AWS resources recognised in plan.json: nothing for the AWS policies to check\n');
      expect(run.stdout).toMatch(/· \d+ policies ran on 2 resources · 2 inputs scanned\n$/);

      const markdown = await runMain(['scan', 'infra', '-f', 'markdown'], dir);
      expect(markdown.stdout).toContain('0 AWS resources recognised in infra: nothing for the AWS policies to check.');
      expect(markdown.stdout).toMatch(/· \d+ policies ran on 2 resources\n/);
    } finally {
      cleanup();
    }
  });

  it('the JSON report counts policies and resources in its summary, and AWS resources per input (schema-valid)', async () => {
    const { dir, cleanup } = sourceDir({ 'main.tf': `${NOT_AWS}resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n` });
    try {
      const run = await runMain(['scan', '.', '-f', 'json', '--only', 'required-tags'], dir);
      const report = JSON.parse(run.stdout);
      expect(validateReport(report), schemaErrors(validateReport)).toBe(true);
      expect(report.summary).toMatchObject({ policiesRun: 1, resources: 3 });
      expect(report.inputs[0]).toMatchObject({ resources: 3, awsResources: 1 });
    } finally {
      cleanup();
    }
  });
});
