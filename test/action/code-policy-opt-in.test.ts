import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runAction } from '../../src/action/run-action.js';

/**
 * A pull request controls warden.yaml and the policy folders it names. The Action must not import
 * their code unless the workflow opts in with `allow-code-policies: true`: the marker file below is
 * written by the policy module the moment it is imported.
 */
let workspace: string;
let marker: string;
let stdout: string;

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'warden-code-opt-in-'));
  marker = join(workspace, 'policy-code-ran');
  mkdirSync(join(workspace, 'infra', 'policies'), { recursive: true });
  writeFileSync(join(workspace, 'infra', 'main.tf'), 'resource "aws_instance" "web" {\n  instance_type = "t2.micro"\n}\n');
  stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  rmSync(workspace, { recursive: true, force: true });
});

function writeCodePolicy(file: string): void {
  writeFileSync(
    file,
    [
      "import { writeFileSync } from 'node:fs';",
      "import { definePolicy } from 'warden';",
      `writeFileSync(${JSON.stringify(marker)}, 'imported');`,
      'export default definePolicy({',
      "  id: 'instance-is-flagged', title: 'Every instance is flagged', severity: 'high',",
      "  description: 'd', remediation: 'r', resourceTypes: ['aws_instance'],",
      '  check({ inventory, fail }) {',
      "    for (const instance of inventory.ofType('aws_instance')) fail({ resource: instance, message: `${instance.address} flagged` });",
      '  },',
      '});',
      '',
    ].join('\n'),
  );
}

const DECLARATIVE = [
  'id: instance-type-allowed',
  'title: EC2 instance type is not on the approved list',
  'severity: low',
  'description: d',
  'remediation: r',
  'resourceTypes: [aws_instance]',
  'failWhen:',
  '  not:',
  '    path: $.values.instance_type',
  '    in: [m6i.large]',
  'message: "{{address}} uses instance type {{values.instance_type}}"',
  '',
].join('\n');

function action(inputs: Record<string, string>): Promise<number> {
  const env: NodeJS.ProcessEnv = { GITHUB_WORKSPACE: workspace, 'INPUT_WORKING-DIRECTORY': 'infra', INPUT_SUMMARY: 'false', 'INPUT_SARIF-FILE': join(workspace, 'out.sarif') };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  // Outside a runner: no GITHUB_OUTPUT or GITHUB_STEP_SUMMARY from the machine running the tests.
  for (const [name, value] of Object.entries({ ...env, GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '' })) vi.stubEnv(name, value);
  return runAction();
}

describe('the Action and code policies named by warden.yaml', () => {
  it('refuses a policy folder with code in it, naming the option, and imports none of it', async () => {
    writeFileSync(join(workspace, 'infra', 'warden.yaml'), 'policyDirs: [policies]\n');
    writeCodePolicy(join(workspace, 'infra', 'policies', 'flag-instances.ts'));
    expect(await action({})).toBe(2);
    expect(stdout).toBe(
      '::error::warden: infra/warden.yaml names code policies (infra/policies/flag-instances.ts), which the Action runs only with the input allow-code-policies: true; declarative *.policy.yaml|yml|json files need no opt-in\n',
    );
    expect(existsSync(marker)).toBe(false);
  });

  it('refuses a policy package before resolving or importing it', async () => {
    mkdirSync(join(workspace, 'infra', 'pack'));
    writeFileSync(join(workspace, 'infra', 'pack', 'package.json'), '{"name":"pack","main":"index.ts"}');
    writeCodePolicy(join(workspace, 'infra', 'pack', 'index.ts'));
    writeFileSync(join(workspace, 'infra', 'warden.yaml'), 'policyPackages: [./pack]\n');
    expect(await action({ 'allow-code-policies': 'false' })).toBe(2);
    expect(stdout).toMatch(/^::error::warden: infra\/warden\.yaml names code policies \(package \.\/pack\), .*allow-code-policies: true/);
    expect(existsSync(marker)).toBe(false);
  });

  it('imports them when the workflow opts in', async () => {
    writeFileSync(join(workspace, 'infra', 'warden.yaml'), 'policyDirs: [policies]\nonly: [instance-is-flagged]\n');
    writeCodePolicy(join(workspace, 'infra', 'policies', 'flag-instances.ts'));
    expect(await action({ 'allow-code-policies': 'true' })).toBe(1);
    expect(existsSync(marker)).toBe(true);
    expect(stdout).toMatch(/^::error file=infra\/main\.tf,line=1\b.*::aws_instance\.web flagged/m);
  });

  it('loads declarative policies without the opt-in; test files beside them are not policies', async () => {
    writeFileSync(join(workspace, 'infra', 'warden.yaml'), 'policyDirs: [policies]\nonly: [instance-type-allowed]\n');
    writeFileSync(join(workspace, 'infra', 'policies', 'instance-type-allowed.policy.yaml'), DECLARATIVE);
    writeFileSync(join(workspace, 'infra', 'policies', 'helpers.test.ts'), `throw new Error('a test file is never imported');\n`);
    expect(await action({})).toBe(1);
    expect(stdout).toMatch(/^::notice file=infra\/main\.tf,line=2\b.*::aws_instance\.web uses instance type t2\.micro/m);
  });
});
