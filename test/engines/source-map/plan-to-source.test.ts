import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../../policies/index.js';
import { loadInput } from '../../../src/engines/load-input.js';
import { mapAttributeLocations } from '../../../src/engines/source-map/match-nested-blocks.js';
import type { SourceLocation } from '../../../src/model/location.js';
import type { Finding } from '../../../src/rules/finding.js';
import { selectPolicies } from '../../../src/rules/select-policies.js';
import { runScan } from '../../../src/scan/run-scan.js';
import { byAddress, fixture, lineOf, REPO, sourceDir } from '../hcl/hcl-helpers.js';

const policies = selectPolicies(builtinPolicies, {}, {});
const scan = (...paths: string[]) => runScan({ paths, cwd: REPO, policies, config: {}, today: '2025-06-01' });
const where = (f: Finding): string => (f.location?.kind === 'source' ? `${f.location.file}:${f.location.startLine}` : 'none');
const key = (f: Finding): string => `${f.ruleId} ${f.verdict} ${f.resource.address} ${f.fingerprint}`;

describe('plan findings point at the .tf source', () => {
  it('a plan of fixtures/modules-repo gives every finding the same file and line as the HCL scan', async () => {
    const result = await scan('fixtures/modules-repo', 'fixtures/modules-repo/plan.json');
    const hcl = result.findings.filter((f) => f.resource.input === 'fixtures/modules-repo');
    const plan = result.findings.filter((f) => f.resource.input === 'fixtures/modules-repo/plan.json');
    expect(hcl.length).toBeGreaterThanOrEqual(6);
    expect(new Map(plan.map((f) => [key(f), where(f)]))).toEqual(new Map(hcl.map((f) => [key(f), where(f)])));
    expect(plan.every((f) => /\.tf:\d+$/.test(where(f)))).toBe(true);
    expect(result.inputs[1]!.details).toMatchObject({ sourceRoot: 'fixtures/modules-repo', mappedToSource: '8/8' });
    // The inline ignore in main.tf applies to the plan's findings as well.
    expect(plan.filter((f) => f.verdict === 'suppressed').map((f) => f.resource.address)).toEqual(['aws_subnet.private[0]', 'aws_subnet.private[1]']);
  });

  it('maps two modules that both define aws_security_group.this to their own files', async () => {
    const loaded = await loadInput(fixture('modules-repo/plan.json'), 'fixtures/modules-repo/plan.json', { cwd: REPO });
    const resources = loaded.inventory.resources;
    expect(lineOf(byAddress(resources, 'module.web.aws_security_group.this'))).toBe('fixtures/modules-repo/modules/web-sg/main.tf:13');
    expect(lineOf(byAddress(resources, 'module.db["reports"].aws_security_group.this'))).toBe('fixtures/modules-repo/modules/db-sg/main.tf:17');
    expect(lineOf(byAddress(resources, 'module.db["reports"].aws_security_group.this'), 'tags')).toBe('fixtures/modules-repo/modules/db-sg/main.tf:21');
  });

  it('keeps plan-file lines when a module call has another source in the plan than in the tree', async () => {
    const { dir, cleanup } = sourceDir({});
    try {
      const plan = JSON.parse(readFileSync(fixture('modules-repo/plan.json'), 'utf8')) as { configuration: { root_module: { module_calls: Record<string, { source: string }> } } };
      plan.configuration.root_module.module_calls['web']!.source = './modules/other';
      writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
      const loaded = await loadInput(join(dir, 'plan.json'), 'plan.json', { cwd: REPO, sourceRoot: fixture('modules-repo') });
      expect(lineOf(byAddress(loaded.inventory.resources, 'module.web.aws_security_group.this'))).toMatch(/^plan\.json:\d+$/);
      expect(lineOf(byAddress(loaded.inventory.resources, 'aws_vpc.main'))).toBe('fixtures/modules-repo/main.tf:21');
      expect(loaded.warnings).toEqual([
        'sources of plan.json: module.web: the plan calls "./modules/other", the sources "./modules/web-sg"; those resources keep plan-file locations',
      ]);
    } finally {
      cleanup();
    }
  });

  it('without sources beside it (or --source-root), a plan keeps its own lines', async () => {
    const loaded = await loadInput(join(REPO, 'test/fixtures/plans/format-1.2-modules.json'), 'format-1.2-modules.json', { cwd: join(REPO, 'test/fixtures') });
    expect(loaded.details['sourceRoot']).toBeUndefined();
    expect(loaded.inventory.resources.every((r) => r.location?.kind === 'source' && r.location.file === 'format-1.2-modules.json')).toBe(true);
  });
});

describe('nested blocks of a plan are paired with the source blocks by content', () => {
  const at = (line: number): SourceLocation => ({ kind: 'source', file: 'main.tf', startLine: line, endLine: line });
  it('follows Terraform reordering set elements', () => {
    const source = { ingress: [{ from_port: 22, cidr_blocks: ['0.0.0.0/0'] }, { from_port: 443, cidr_blocks: ['0.0.0.0/0'] }] };
    const plan = { ingress: [{ from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] }, { from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] }] };
    const mapped = mapAttributeLocations({ ingress: at(3), 'ingress.0': at(3), 'ingress.0.cidr_blocks': at(6), 'ingress.1': at(9), 'ingress.1.cidr_blocks': at(12) }, source, plan);
    expect(mapped).toEqual({ ingress: at(3), 'ingress.1': at(3), 'ingress.1.cidr_blocks': at(6), 'ingress.0': at(9), 'ingress.0.cidr_blocks': at(12) });
  });
});
