import { describe, expect, it } from 'vitest';
import { parseIgnoreDirective } from '../../src/engines/hcl/ignore-directive.js';
import { builtinPolicies } from '../../policies/index.js';
import { selectPolicies } from '../../src/rules/select-policies.js';
import { runScan } from '../../src/scan/run-scan.js';
import { REPO, sourceDir } from '../engines/hcl/hcl-helpers.js';
import { runMain } from '../support/run-main.js';

describe('warden:ignore comments', () => {
  it('read rule ids, an expiry date and a reason', () => {
    expect(parseIgnoreDirective('# warden:ignore sg-open-ingress')).toEqual({ rules: ['sg-open-ingress'] });
    expect(parseIgnoreDirective('// warden:ignore sg-open-ingress,required-tags until=2025-12-31 reason="shared \\"edge\\" host"')).toEqual({
      rules: ['sg-open-ingress', 'required-tags'],
      until: '2025-12-31',
      reason: 'shared "edge" host',
    });
    expect(parseIgnoreDirective('/* warden:ignore a, b reason=temporary */')).toEqual({ rules: ['a', 'b'], reason: 'temporary' });
    expect(parseIgnoreDirective('# see the warden:ignore docs')).toBeUndefined();
    expect(parseIgnoreDirective('# nothing here')).toBeUndefined();
  });

  it('reject malformed directives with a reason', () => {
    expect(parseIgnoreDirective('# warden:ignore')).toEqual({ error: expect.stringContaining('names no rule id') });
    expect(parseIgnoreDirective('# warden:ignore x until=2025-02-30')).toEqual({ error: 'until=2025-02-30 is not a date (YYYY-MM-DD)' });
    expect(parseIgnoreDirective('# warden:ignore x because=reasons')).toEqual({ error: expect.stringContaining('unexpected "because=reasons"') });
    expect(parseIgnoreDirective('# warden:ignore Not_A_Rule')).toEqual({ error: '"Not_A_Rule" is not a rule id' });
    expect(parseIgnoreDirective('# warden:ignore x reason="open')).toEqual({ error: 'unterminated quoted string' });
  });

  it('suppress on a block, on an attribute, not when expired or for another rule (fixtures/ignores)', async () => {
    const policies = selectPolicies(builtinPolicies, {}, { only: ['sg-open-ingress', 'required-tags'] });
    const result = await runScan({ paths: ['fixtures/ignores'], cwd: REPO, policies, config: {}, today: '2025-06-01' });
    expect(
      result.findings.map((f) => [f.verdict, f.ruleId, f.resource.address, f.location?.kind === 'source' ? f.location.startLine : 0, f.suppression?.by ?? '']),
    ).toEqual([
      // Block: the ignore above `resource "aws_security_group" "bastion"` covers its rule.
      ['suppressed', 'sg-open-ingress', 'aws_security_group.bastion', 10, 'fixtures/ignores/main.tf:2'],
      // Attribute: only the ignored cidr_blocks line; the RDP rule of the same group still fails.
      ['suppressed', 'sg-open-ingress', 'aws_security_group.web', 28, 'fixtures/ignores/main.tf:27'],
      ['fail', 'sg-open-ingress', 'aws_security_group.web', 35, ''],
      // Expired on 2024-01-31.
      ['fail', 'sg-open-ingress', 'aws_security_group.legacy', 53, ''],
      // The ignore names required-tags.
      ['fail', 'sg-open-ingress', 'aws_security_group.admin', 71, ''],
      ['suppressed', 'required-tags', 'aws_sqs_queue.events', 84, 'fixtures/ignores/main.tf:83'],
      // Malformed (until=someday): not honoured.
      ['fail', 'required-tags', 'aws_sqs_queue.jobs', 93, ''],
    ]);
    expect(result.findings[1]!.suppression).toEqual({
      kind: 'inline',
      reason: 'load test, closed after the sprint',
      until: '2099-12-31',
      by: 'fixtures/ignores/main.tf:27',
    });
    expect(result.warnings).toEqual([
      'fixtures/ignores/main.tf:92: warden:ignore until=someday is not a date (YYYY-MM-DD); the comment is not honoured',
      'fixtures/ignores/main.tf:45: warden:ignore sg-open-ingress expired on 2024-01-31 and no longer suppresses',
    ]);
  });

  it('stop suppressing the day after `until`', async () => {
    const web = (today: string) =>
      runScan({ paths: ['fixtures/ignores'], cwd: REPO, policies: selectPolicies(builtinPolicies, {}, { only: ['sg-open-ingress'] }), config: {}, today }).then(
        (r) => r.findings.find((f) => f.resource.address === 'aws_security_group.web' && f.location?.kind === 'source' && f.location.startLine === 28)!.verdict,
      );
    expect(await web('2099-12-31')).toBe('suppressed');
    expect(await web('2100-01-01')).toBe('fail');
  });

  it('work next to warden.yaml ignores, which match HCL addresses by glob', async () => {
    const policies = selectPolicies(builtinPolicies, {}, { only: ['sg-open-ingress'] });
    const config = { ignores: [{ rule: 'sg-open-ingress', resource: 'aws_security_group.adm*', reason: 'admin network' }] };
    const result = await runScan({ paths: ['fixtures/ignores'], cwd: REPO, policies, config, configPath: 'warden.yaml', today: '2025-06-01' });
    const admin = result.findings.find((f) => f.resource.address === 'aws_security_group.admin')!;
    expect(admin.verdict).toBe('suppressed');
    expect(admin.suppression).toEqual({ kind: 'config', reason: 'admin network', by: 'warden.yaml' });
  });

  it('show up as SARIF suppressions', async () => {
    const run = await runMain(['scan', 'fixtures/ignores', '--only', 'sg-open-ingress', '--format', 'sarif'], REPO);
    const results = (JSON.parse(run.stdout) as { runs: { results: { locations: { physicalLocation: { region: { startLine: number } } }[]; suppressions?: { kind: string; justification?: string }[] }[] }[] }).runs[0]!.results;
    const bastion = results.find((r) => r.locations[0]!.physicalLocation.region.startLine === 10)!;
    expect(bastion.suppressions).toEqual([expect.objectContaining({ kind: 'inSource', justification: 'bastion host, reachable from anywhere by design' })]);
    expect(results.find((r) => r.locations[0]!.physicalLocation.region.startLine === 35)!.suppressions).toBeUndefined();
  });

  it('warn with file and line when they name a rule id no policy has, even one not selected for this run', async () => {
    const { dir, cleanup } = sourceDir({
      'main.tf': [
        '# warden:ignore sg-open-ingres reason="typo"',
        'resource "aws_security_group" "web" {',
        '  # warden:ignore required-tags',
        '  ingress {',
        '    from_port   = 22',
        '    to_port     = 22',
        '    protocol    = "tcp"',
        '    cidr_blocks = ["0.0.0.0/0"]',
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    try {
      const run = await runMain(['scan', '.', '--only', 'sg-open-ingress', '-q'], dir);
      expect(run.stderr).toBe('warden: warning: main.tf:1: warden:ignore names sg-open-ingres, which is not the id of any policy (see warden policies); it suppresses nothing\n');
      expect(run.code).toBe(1);
    } finally {
      cleanup();
    }
  });
});
