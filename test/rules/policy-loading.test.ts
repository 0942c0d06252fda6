import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain, stderrBesidesNotes } from '../support/run-main.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const at = (path: string): string => join(ROOT, path);
const PLAN = at('test/fixtures/policies/mixed-plan.json');
const scratch = mkdtempSync(join(tmpdir(), 'warden-policies-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface JsonReport {
  findings: { ruleId: string; verdict: string; severity: string; resource: { address: string }; evidence: { path: string; value: unknown }[] }[];
  coverage: { complete: boolean; gaps: { scope: string; target: string; policyId?: string; message: string }[] };
  policies: { id: string }[];
}
interface SarifLog {
  runs: { tool: { driver: { rules: { id: string; properties: { tags: string[] } }[] } }; results: { ruleId: string; locations?: unknown[] }[] }[];
}

/** Scans the mixed plan with extra flags; returns the JSON report (stdout) and the SARIF written beside it. */
async function scan(flags: string[], cwd = ROOT) {
  const sarifFile = join(scratch, `out-${Math.random().toString(36).slice(2)}.sarif`);
  const run = await runMain(['scan', PLAN, '--skip', 'required-tags', '-f', 'json', '--report', `sarif=${sarifFile}`, ...flags], cwd);
  const json = JSON.parse(run.stdout) as JsonReport;
  const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as SarifLog;
  return { ...run, json, sarif };
}

const failing = (json: JsonReport): string[] => json.findings.filter((f) => f.verdict === 'fail').map((f) => `${f.ruleId} ${f.resource.address}`).sort();
const sarifResults = (sarif: SarifLog): string[] => sarif.runs.flatMap((r) => r.results.map((x) => x.ruleId)).sort();

describe('user policies next to the built-ins', () => {
  it('loads a TypeScript policy dir and a JavaScript policy pack by path: findings in JSON and SARIF', async () => {
    const { code, stderr, json, sarif } = await scan(['--policy-dir', 'examples/policies/typescript', '--policy-package', './test/fixtures/policy-pack']);
    expect(stderrBesidesNotes(stderr)).toBe('');
    expect(code).toBe(1);
    expect(failing(json)).toEqual([
      'ec2-imdsv2-required aws_instance.app',
      'imdsv2-required aws_instance.app',
      'lb-tls-min-version aws_lb_listener.https',
      'sg-open-ingress aws_security_group.ssh',
    ]);
    // public-ip-by-default: the instance's subnet is not in the plan (unknown).
    expect(sarifResults(sarif)).toEqual(['ec2-imdsv2-required', 'imdsv2-required', 'lb-tls-min-version', 'public-ip-by-default', 'sg-open-ingress']);
    const rules = sarif.runs[0]!.tool.driver.rules.map((r) => r.id);
    expect(rules).toEqual(expect.arrayContaining(['sg-open-ingress', 'lb-tls-min-version', 'ec2-imdsv2-required']));
    expect(json.coverage).toMatchObject({ complete: true, gaps: [] });
  });

  it('loads a YAML policy: same finding, evidence and SARIF result as the TypeScript one', async () => {
    const { code, stderr, json, sarif } = await scan(['--policy-dir', 'examples/policies/yaml']);
    expect(stderrBesidesNotes(stderr)).toBe('');
    expect(code).toBe(1);
    expect(failing(json)).toEqual(['imdsv2-required aws_instance.app', 'lb-tls-min-version aws_lb_listener.https', 'sg-open-ingress aws_security_group.ssh']);
    const tls = json.findings.find((f) => f.ruleId === 'lb-tls-min-version')!;
    expect(tls).toMatchObject({ severity: 'high', evidence: [{ path: 'ssl_policy', value: 'ELBSecurityPolicy-2016-08' }] });
    expect(sarifResults(sarif)).toEqual(['imdsv2-required', 'lb-tls-min-version', 'public-ip-by-default', 'sg-open-ingress']);
  });

  it('loads a policy pack by package name from the working directory, and policy dirs from warden.yaml', async () => {
    const project = join(scratch, 'project');
    cpSync(at('test/fixtures/policy-pack'), join(project, 'node_modules/warden-pack-fixture'), { recursive: true });
    cpSync(at('examples/policies/yaml'), join(project, 'ci/policies'), { recursive: true });
    mkdirSync(join(project, 'ci'), { recursive: true });
    writeFileSync(join(project, 'ci/warden.yaml'), 'policyDirs: [policies]\n');
    // No node_modules/warden here: `import … from 'warden'` in the pack resolves to the running copy.
    const { code, stderr, json } = await scan(['--policy-package', 'warden-pack-fixture', '--config', 'ci/warden.yaml'], project);
    expect(stderrBesidesNotes(stderr)).toBe('');
    expect(code).toBe(1);
    expect(failing(json)).toEqual([
      'ec2-imdsv2-required aws_instance.app',
      'imdsv2-required aws_instance.app',
      'lb-tls-min-version aws_lb_listener.https',
      'sg-open-ingress aws_security_group.ssh',
    ]);
    const missing = await runMain(['scan', PLAN, '--policy-package', 'no-such-pack', '-q'], project);
    expect(missing.stderr).toBe(`warden: policy not loaded: package no-such-pack: cannot be found from ${project} (install it with npm install, or give a path to the package folder)\n`);
    expect(missing.code).toBe(2);
  });

  it('selects policies by compliance framework', async () => {
    const { json } = await scan(['--policy-dir', 'examples/policies/typescript', '--framework', 'fsbp']);
    expect(json.policies.map((p) => p.id)).toContain('sg-open-ingress');
    expect(json.policies.map((p) => p.id)).not.toContain('lb-tls-min-version');
    const none = await runMain(['scan', PLAN, '--framework', 'no-such-framework']);
    expect(none).toMatchObject({ code: 2, stderr: expect.stringContaining('--framework: no selected policy is mapped to "no-such-framework"') });
  });
});

describe('broken policies', () => {
  const BROKEN = 'test/fixtures/policies/broken';

  it('a policy that does not load is a configuration error: one line each naming file, policy id and problem, exit 2 before any input is read, whatever --allow-incomplete says', async () => {
    const broken = await runMain(['scan', PLAN, '--policy-dir', BROKEN, '-f', 'json', '--allow-incomplete']);
    expect(broken.stdout).toBe('');
    expect(broken.code).toBe(2);
    expect(broken.stderr.trim().split('\n').sort()).toEqual([
      `warden: policy not loaded: ${BROKEN}/bad-condition.policy.yaml:10: policy bad-condition: /failWhen/any/0/matchs: unknown key "matchs" (a condition is all, any, not, or path with one operator: exists, equals, in, matches, gt, gte, lt, lte)`,
      `warden: policy not loaded: ${BROKEN}/bad-metadata.mjs: policy bad-metadata: severity must be one of critical, high, medium, low, info`,
      `warden: policy not loaded: ${BROKEN}/duplicate-of-builtin.ts: policy sg-open-ingress: duplicate policy id: already defined by the built-in policy (this one is not loaded; give it another id)`,
      `warden: policy not loaded: ${BROKEN}/no-export.ts: exports no policy (export default definePolicy({ … }), a named policy, or an array of policies)`,
      `warden: policy not loaded: ${BROKEN}/syntax-error.ts:6:3: syntax error: Unexpected token, expected ","`,
    ]);
    const dir = join(scratch, 'one-syntax-error');
    mkdirSync(dir, { recursive: true });
    cpSync(at(`${BROKEN}/syntax-error.ts`), join(dir, 'syntax-error.ts'));
    const one = await runMain(['scan', PLAN, '--policy-dir', dir, '--allow-incomplete', '-q']);
    expect(one).toMatchObject({ code: 2, stderr: `warden: policy not loaded: ${dir}/syntax-error.ts:6:3: syntax error: Unexpected token, expected ","\n` });
  });

  it('a missing --policy-dir, a missing policyDirs entry and a policy package not found are configuration errors (exit 2)', async () => {
    const missingDir = await runMain(['scan', PLAN, '--policy-dir', join(scratch, 'nowhere'), '--allow-incomplete', '-q']);
    expect(missingDir).toMatchObject({ code: 2, stderr: `warden: policy not loaded: ${join(scratch, 'nowhere')}: no such policy directory\n` });
    const project = join(scratch, 'config-dirs');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'warden.yaml'), 'allowIncomplete: true\npolicyDirs: [ci/policies]\n');
    const configured = await runMain(['scan', PLAN, '-q'], project);
    expect(configured).toMatchObject({ code: 2, stderr: 'warden: policy not loaded: ci/policies: no such policy directory\n' });
    writeFileSync(join(project, 'warden.yaml'), 'allowIncomplete: true\npolicyPackages: [no-such-pack]\n');
    const pack = await runMain(['scan', PLAN, '-q'], project);
    expect(pack.code).toBe(2);
    expect(pack.stderr).toContain(`warden: policy not loaded: package no-such-pack: cannot be found from ${project}`);
  });

  it('a throwing check is a broken policy: exit 2 naming the policy, even with --allow-incomplete; the others still report', async () => {
    const dir = join(scratch, 'throwing');
    mkdirSync(dir, { recursive: true });
    cpSync(at(`${BROKEN}/throws.ts`), join(dir, 'throws.ts'));
    const run = await runMain(['scan', PLAN, '--policy-dir', dir, '--skip', 'required-tags', '-f', 'json', '--allow-incomplete']);
    expect(run.code).toBe(2);
    const json = JSON.parse(run.stdout) as JsonReport;
    expect(failing(json)).toEqual(['imdsv2-required aws_instance.app', 'sg-open-ingress aws_security_group.ssh']);
    expect(json.coverage.gaps).toEqual([expect.objectContaining({ scope: 'policy', policyId: 'throws', message: expect.stringContaining('throws.ts') })]);
    expect(stderrBesidesNotes(run.stderr)).toBe(`warden: policy throws is broken: its check threw (${PLAN.slice(ROOT.length)}): Cannot read properties of undefined (reading 'values') (${dir}/throws.ts)\n`);
  });

  it('warden policies lists what loaded and exits 2 for what did not', async () => {
    const run = await runMain(['policies', '--policy-dir', BROKEN]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('instance-type-allowed');
    expect(run.stderr).toContain(`warden: policy not loaded: ${BROKEN}/syntax-error.ts:6:3: syntax error`);
  });

  it('names the resource a throwing check fails on', async () => {
    const dir = join(scratch, 'throws-on-one');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'lb-check.mjs'), [
      "export default { id: 'lb-check', title: 't', severity: 'low', description: 'd', remediation: 'r',",
      "  check({ inventory }) { for (const r of inventory.resources) if (r.type === 'aws_lb_listener') r.values.nothing.here; } };",
    ].join('\n'));
    const run = await runMain(['scan', PLAN, '--policy-dir', dir, '--only', 'lb-check', '-q']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('warden: policy lb-check is broken: its check threw on aws_lb_listener.https (');
  });

  it('options that fail their own schema are a load problem', async () => {
    const dir = join(scratch, 'bad-options');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'opts.mjs'), [
      "export const p = { id: 'bad-defaults', title: 't', severity: 'low', description: 'd', remediation: 'r',",
      "  options: { schema: { type: 'object', properties: { ports: { type: 'array', items: { type: 'integer' } } } }, defaults: { ports: ['22'] } },",
      '  check() {} };',
    ].join('\n'));
    const run = await runMain(['scan', PLAN, '--policy-dir', dir, '-q']);
    expect(run).toMatchObject({ code: 2, stderr: `warden: policy not loaded: ${dir}/opts.mjs: policy bad-defaults: options.defaults.ports.0 must be integer (per options.schema)\n` });
  });

  it('names both files when two policies share an id', async () => {
    const dir = join(scratch, 'duplicates');
    mkdirSync(dir, { recursive: true });
    cpSync(at('examples/policies/yaml/lb-tls-min-version.policy.yaml'), join(dir, 'a.policy.yaml'));
    cpSync(at('examples/policies/yaml/lb-tls-min-version.policy.yaml'), join(dir, 'b.policy.yaml'));
    const run = await runMain(['scan', PLAN, '--policy-dir', dir, '-q']);
    expect(run.stderr.trim()).toBe(
      `warden: policy not loaded: ${dir}/b.policy.yaml: policy lb-tls-min-version: duplicate policy id: already defined by ${dir}/a.policy.yaml (this one is not loaded; give it another id)`,
    );
    expect(run.code).toBe(2);
  });
});
