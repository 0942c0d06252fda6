import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inventoryTree } from '../../src/report/inventory/inventory-tree.js';
import { inventoriesOf, THREE_TIER } from '../inventory/inventory-fixtures.js';
import { builtinPolicies } from '../../policies/index.js';
import { addFlags, sgReportSection } from '../../src/inventory/build-sg-report.js';
import type { SgReportInput } from '../../src/inventory/sg-report.js';
import { renderSgReport } from '../../src/report/inventory/sg-report-text.js';
import { selectPolicies } from '../../src/rules/select-policies.js';
import { runScan } from '../../src/scan/run-scan.js';
import { REPO } from '../engines/hcl/hcl-helpers.js';

const DOC = readFileSync(new URL('../../docs/inventory.md', import.meta.url), 'utf8');

describe('docs/inventory.md', () => {
  it('shows the console tree warden prints for the three-tier fixture today', async () => {
    const tree = inventoryTree({ schemaVersion: '1', tool: { name: 'warden', version: 'test' }, inputs: await inventoriesOf(THREE_TIER), errors: [] });
    const shown = /## Console \(the default\)[\s\S]*?```text\n([\s\S]*?)```/.exec(DOC)?.[1];
    expect(shown).toBe(tree);
  });

  it('shows the security-group report warden writes for the audit estate today', async () => {
    const sections: SgReportInput[] = [];
    const policies = selectPolicies(builtinPolicies, {}, { only: ['sg-unused', 'sg-egress-open', 'sg-rule-redundant', 'sg-stale-reference', 'sg-open-ingress', 'default-sg-restricts-all'] });
    const result = await runScan({ paths: ['test/fixtures/inventory/sg-estate'], cwd: REPO, policies, config: {}, onInventory: (inventory) => sections.push(sgReportSection(inventory)) });
    addFlags(sections, result.findings);
    const text = renderSgReport({ schemaVersion: '1', tool: { name: 'warden', version: 'test' }, inputs: sections }, 'console');
    const shown = /## The security-group report[\s\S]*?```text\n([\s\S]*?)```/.exec(DOC)?.[1];
    expect(shown).toBe(text);
  });
});
