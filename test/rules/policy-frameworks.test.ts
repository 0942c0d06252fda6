import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../policies/index.js';
import { KNOWN_FRAMEWORKS, matchingFrameworks, policyInFrameworks } from '../../src/rules/frameworks.js';
import { policyProblems } from '../../src/rules/loading/validate-policy.js';
import { runMain } from '../support/run-main.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CANONICAL = ['CIS AWS Foundations Benchmark v3.0.0', 'AWS Foundational Security Best Practices', 'PCI DSS 4.0', 'SOC 2', 'HIPAA Security Rule'];

describe('compliance frameworks', () => {
  it('matches short names, names and prefixes, ignoring case and punctuation', () => {
    const frameworks = { 'CIS AWS Foundations Benchmark v3.0.0': ['5.2'], 'PCI DSS 4.0': ['1.3.1'], 'SOC 2': ['CC6.6'] };
    expect(matchingFrameworks(frameworks, 'cis')).toEqual(['CIS AWS Foundations Benchmark v3.0.0']);
    expect(matchingFrameworks(frameworks, 'CIS AWS Foundations Benchmark v3.0.0')).toEqual(['CIS AWS Foundations Benchmark v3.0.0']);
    expect(matchingFrameworks(frameworks, 'pci-dss-4.0')).toEqual(['PCI DSS 4.0']);
    expect(matchingFrameworks(frameworks, 'soc2')).toEqual(['SOC 2']);
    expect(matchingFrameworks(frameworks, 'hipaa')).toEqual([]);
    expect(matchingFrameworks(frameworks, '')).toEqual([]);
    expect(policyInFrameworks({ frameworks }, ['hipaa', 'pci'])).toBe(true);
    expect(policyInFrameworks({}, ['cis'])).toBe(false);
    expect(KNOWN_FRAMEWORKS.map((f) => f.aliases[0])).toEqual(['cis', 'fsbp', 'pci', 'soc2', 'hipaa']);
  });

  it('built-in policies are valid by the rules user policies are loaded with, and use the canonical framework names', () => {
    for (const policy of builtinPolicies) {
      expect(policyProblems(policy), policy.id).toEqual([]);
      for (const [name, controls] of Object.entries(policy.frameworks ?? {})) {
        expect(CANONICAL, `${policy.id}: ${name}`).toContain(name);
        expect(controls.length, `${policy.id}: ${name}`).toBeGreaterThan(0);
      }
    }
  });

  it('`warden policies --framework` lists the mapped policies with their controls', async () => {
    const run = await runMain(['policies', '--framework', 'fsbp'], ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^sg-open-ingress +high +Security group allows ingress from the internet +AWS Foundational Security Best Practices EC2\.18, EC2\.19$/m);
    expect(run.stdout).not.toContain('required-tags');
    const json = await runMain(['policies', '--framework', 'cis', '--format', 'json'], ROOT);
    const ids = (JSON.parse(json.stdout) as { policies: { id: string }[] }).policies.map((p) => p.id);
    expect(ids).toContain('sg-open-ingress');
    expect(ids).not.toContain('required-tags');
    const none = await runMain(['policies', '--framework', 'iso-27001'], ROOT);
    expect(none).toMatchObject({ code: 2, stderr: expect.stringContaining('--framework: no policy is mapped to "iso-27001"') });
  });

  it('`warden policies show` prints description, options with defaults, frameworks and an example', async () => {
    const run = await runMain(['policies', 'show', 'sg-open-ingress'], ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('sg-open-ingress — Security group allows ingress from the internet');
    expect(run.stdout).toMatch(/Options \(warden\.yaml: .*\)\n  allowPorts: integer\[\]\n      default: \[80,443\]/);
    expect(run.stdout).toContain('  publicCidrMinPrefix: integer | null\n      default: null');
    expect(run.stdout).toContain('Frameworks\n  CIS AWS Foundations Benchmark v3.0.0: 5.2, 5.3');
    // A failing case of the case table, in its .tf form.
    expect(run.stdout).toMatch(/Example\n  [a-z0-9-]+ \(policies\/sg-open-ingress\.cases\.yaml, tf form\)\n    resource "aws_security_group" /);
    expect(run.stdout).toMatch(/→ fail (critical|high|medium) aws_security_group\./);
    // A case with only a plan form shows only the failing resource's change, not a whole plan.
    const plan = await runMain(['policies', 'show', 'ebs-volume-unattached'], ROOT);
    const shown = plan.stdout.slice(plan.stdout.indexOf('Example'));
    expect(shown).toMatch(/^Example\n  volume-without-attachment \(policies\/ebs-volume-unattached\.cases\.yaml, plan form\)\n    \[\n      \{\n        "address": "aws_ebs_volume\.scratch",/);
    expect(shown.match(/"address":/g)).toHaveLength(1);
    expect(shown).not.toContain('format_version');
    // A source-folder case prints its .tf files rather than "none".
    const folder = await runMain(['policies', 'show', 'state-file-committed'], ROOT);
    expect(folder.stdout).toMatch(/Example\n  fail\/state-and-backup \(policies\/state-file-committed\/cases\/fail\/state-and-backup, tf form\)\n    # main\.tf\n/);
    expect(folder.stdout).toContain('→ fail high terraform.tfstate: ');

    const yaml = await runMain(['policies', 'show', 'lb-tls-min-version', '--policy-dir', 'examples/policies/yaml'], ROOT);
    expect(yaml.stdout).toContain('  fail/tls-1-0-default-policy (examples/policies/yaml/lb-tls-min-version.policy.yaml: examples[0])');
    expect(yaml.stdout).toContain('    {"port":443,"protocol":"HTTPS","ssl_policy":"ELBSecurityPolicy-2016-08"}');
    expect(yaml.stdout).toContain('  → fail high aws_lb_listener.https: aws_lb_listener.https uses ELBSecurityPolicy-2016-08, which allows TLS older than 1.2');

    const missing = await runMain(['policies', 'show', 'no-such-policy'], ROOT);
    expect(missing).toMatchObject({ code: 2, stderr: 'warden: no policy "no-such-policy" (see `warden policies`)\n' });
  });
});
