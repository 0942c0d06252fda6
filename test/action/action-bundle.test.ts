import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../engines/hcl/hcl-helpers.js';
import { runMain } from '../support/run-main.js';
import { parseStepOutputs } from '../support/step-output-file.js';

/**
 * Runs the committed bundle (action.yml's `main`; .ci/run checks it matches the sources) as the
 * runner does: inputs as INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. The bundle
 * is copied alone to a folder outside the repository first, so that nothing beside it can help.
 */
let dir: string;
let bundle: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-action-'));
  bundle = join(dir, 'index.mjs');
  copyFileSync(join(REPO, 'action', 'dist', 'index.mjs'), bundle);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

function runAction(inputs: Record<string, string>, workspace = REPO): ActionRun {
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary.md');
  writeFileSync(outputFile, '');
  // An earlier step's summary: the action must add to it, not replace it.
  writeFileSync(summaryFile, '# earlier step\n');
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(INPUT_|GITHUB_)/.test(name)));
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const run = spawnSync(process.execPath, [bundle], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...env, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, NO_COLOR: '1' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, outputs: parseStepOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') };
}

const modulesRepo = { 'working-directory': 'fixtures/modules-repo' };

describe('the bundled GitHub Action', () => {
  it('annotates findings at their source files and lines, writes SARIF, outputs and the job summary; fail-on low fails', () => {
    const sarif = join(dir, 'warden.sarif');
    const run = runAction({ ...modulesRepo, plan: 'plan.json', 'fail-on': 'low', 'sarif-file': sarif });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=fixtures\/modules-repo\/modules\/web-sg\/main\.tf,line=25\b.*::.*tcp 22/));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=fixtures\/modules-repo\/modules\/db-sg\/main\.tf,line=34\b.*::.*tcp 5432/));
    expect(run.outputs).toMatchObject({ high: '2', low: '2', critical: '0', failed: '5', unknown: '3', suppressed: '2', baselined: '0', 'exit-code': '1', 'sarif-file': sarif });
    expect((JSON.parse(readFileSync(sarif, 'utf8')) as { version: string }).version).toBe('2.1.0');
    expect(run.summary.startsWith('# earlier step\n')).toBe(true);
    expect(run.summary).toContain('sg-open-ingress');
  });

  it('passes with fail-on none, and prints the console report when annotations are off', () => {
    const run = runAction({ ...modulesRepo, path: '.', 'fail-on': 'none', annotations: 'false', summary: 'false', 'sarif-file': join(dir, 'none.sarif') });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('::error');
    expect(run.stdout).toContain('modules/web-sg/main.tf:25');
    expect(run.outputs['exit-code']).toBe('0');
    expect(run.summary).toBe('# earlier step\n');
  });

  it('reports and gates only findings that are not in the baseline', async () => {
    const baseline = join(dir, 'baseline.json');
    expect((await runMain(['scan', 'fixtures/modules-repo/plan.json', '--write-baseline', baseline, '--quiet'], REPO)).code).toBe(0);
    const run = runAction({ ...modulesRepo, plan: 'plan.json', baseline, 'sarif-file': join(dir, 'baselined.sarif') });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/^::(error|warning|notice) file=/m);
    // The 4 failing findings and sg-unused's 3 unknowns on the module groups.
    expect(run.outputs).toMatchObject({ failed: '0', baselined: '8', 'exit-code': '0' });
  });

  it('stops with one ::error:: line and exit 2 on a missing path or a bad input', () => {
    const missing = runAction({ ...modulesRepo, path: 'no-such-dir' });
    expect(missing).toMatchObject({ code: 2, stdout: '::error::warden: path: no-such-dir does not exist (in fixtures/modules-repo)\n', stderr: '' });
    expect(missing.outputs['exit-code']).toBe('2');
    const failOn = runAction({ ...modulesRepo, 'fail-on': 'sometimes' });
    expect(failOn).toMatchObject({ code: 2, stdout: '::error::warden: fail-on: "sometimes" is not one of critical, high, medium, low, none\n' });
  });

  it('names the line and column of a syntax error in a plan (the JSON error locator is in the bundle)', () => {
    const workspace = join(dir, 'bad-plan-repo');
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, 'plan.json'), '{"format_version":"1.2",\n  "resource_changes": [1,]}\n');
    const run = runAction({ plan: 'plan.json', summary: 'false' }, workspace);
    expect(run).toMatchObject({ code: 2, stderr: 'warden: plan.json:2:26: not valid JSON: trailing comma before "]"\n' });
  });

  it('loads a TypeScript policy that imports warden, named by warden.yaml, without any node_modules, when allow-code-policies is true', () => {
    const workspace = join(dir, 'repo');
    mkdirSync(join(workspace, 'infra', 'policies'), { recursive: true });
    writeFileSync(join(workspace, 'infra', 'main.tf'), 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n');
    writeFileSync(join(workspace, 'infra', 'warden.yaml'), 'policyDirs: [policies]\nonly: [queue-has-dlq]\n');
    writeFileSync(
      join(workspace, 'infra', 'policies', 'queue-has-dlq.ts'),
      [
        "import { definePolicy } from 'warden';",
        'export default definePolicy({',
        "  id: 'queue-has-dlq', title: 'Queue without a dead-letter queue', severity: 'medium',",
        "  description: 'd', remediation: 'r', resourceTypes: ['aws_sqs_queue'],",
        '  check({ inventory, fail }) {',
        "    for (const queue of inventory.ofType('aws_sqs_queue')) fail({ resource: queue, message: `${queue.address} has no redrive policy` });",
        '  },',
        '});',
        '',
      ].join('\n'),
    );
    const run = runAction({ 'working-directory': 'infra', summary: 'false', 'allow-code-policies': 'true' }, workspace);
    expect(run.stderr).toBe('');
    expect(run.outputs).toMatchObject({ medium: '1', failed: '1', 'exit-code': '1', 'sarif-file': 'infra/warden.sarif' });
    expect(run.stdout).toMatch(/^::warning file=infra\/main\.tf,line=1\b.*::.*aws_sqs_queue\.jobs has no redrive policy/m);
  });

  it('without allow-code-policies, stops before importing a code policy that warden.yaml names', () => {
    const workspace = join(dir, 'pr-repo');
    const marker = join(dir, 'pr-policy-ran');
    mkdirSync(join(workspace, 'policies'), { recursive: true });
    writeFileSync(join(workspace, 'main.tf'), 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n');
    writeFileSync(join(workspace, 'warden.yaml'), 'policyDirs: [policies]\n');
    // A pull request's policy that would act the moment it is imported.
    writeFileSync(join(workspace, 'policies', 'steal.ts'), `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport default [];\n`);
    const run = runAction({ summary: 'false' }, workspace);
    expect(run).toMatchObject({ code: 2, stderr: '' });
    expect(run.stdout).toMatch(/^::error::warden: warden\.yaml names code policies \(policies\/steal\.ts\), which the Action runs only with the input allow-code-policies: true/);
    expect(run.outputs['exit-code']).toBe('2');
    expect(existsSync(marker)).toBe(false);
  });
});
