import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSavedInventory } from '../../../src/engines/live/load-saved-inventory.js';
import { builtinPolicies } from '../../../policies/index.js';
import { runPolicies } from '../../../src/rules/runner.js';
import { apiPathOf } from '../../../src/engines/live/api-paths.js';

const ESTATE = new URL('../../../fixtures/live-estate/inventory.json', import.meta.url);

describe('live evidence speaks AWS', () => {
  it('names security group rules, NACL entries and top-level fields as the API returns them', () => {
    expect(apiPathOf('aws_security_group', 'ingress.2.cidr_blocks', {})).toBe('IpPermissions[2].IpRanges');
    expect(apiPathOf('aws_security_group', 'egress.0', {})).toBe('IpPermissionsEgress[0]');
    expect(apiPathOf('aws_db_instance', 'publicly_accessible', {})).toBe('PubliclyAccessible');
    expect(apiPathOf('aws_instance', 'tags', {})).toBe('Tags');
    // AWS lists egress entries first: the first inbound entry is Entries[2] here.
    const raw = { Entries: [{ Egress: true }, { Egress: true }, { Egress: false }, { Egress: false }] };
    expect(apiPathOf('aws_network_acl', 'ingress.1', raw)).toBe('Entries[3]');
    expect(apiPathOf('aws_network_acl', 'egress.1.cidr_block', raw)).toBe('Entries[1].CidrBlock');
    // A value warden derives has no API field: it keeps its name.
    expect(apiPathOf('aws_db_instance', 'client', {})).toBeUndefined();
    expect(apiPathOf('aws_security_group', 'ingress.0.description.x', {})).toBeUndefined();
  });

  it('in the findings of an audit: no Terraform attribute path and no provider default_tags', async () => {
    const saved = await loadSavedInventory(ESTATE.pathname, 'inventory.json');
    const configured = builtinPolicies.map((policy) => ({ policy, options: policy.options?.defaults ?? {} }));
    const findings = saved.inventories.flatMap((inventory) => runPolicies(inventory, configured as never, 'omit').findings);
    const paths = findings.flatMap((f) => f.evidence.map((e) => e.path));
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((p) => /(^|\.)(ingress|egress|cidr_blocks|publicly_accessible|tags)(\.|$)/.test(p))).toEqual([]);
    expect(paths).toContain('IpPermissions[0].IpRanges');
    expect(JSON.stringify(findings.map((f) => [f.message, f.evidence]))).not.toContain('default_tags');
    expect(readFileSync(ESTATE, 'utf8')).toContain('IpPermissions');
  });
});
