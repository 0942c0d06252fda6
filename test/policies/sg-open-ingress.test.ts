import { describe, expect, it } from 'vitest';
import { Inventory, Unknown, internetSource, isUnknown, type Resource, type ValueObject } from '../../src/api.js';
import { ConfigError } from '../../src/config/config-error.js';
import type { Finding } from '../../src/rules/finding.js';
import { runPolicies } from '../../src/rules/runner.js';
import { selectPolicies } from '../../src/rules/select-policies.js';
import { sgOpenIngress, type SgOpenIngressOptions } from '../../policies/sg-open-ingress.js';

/** The shared definition as the policy reads it. */
function isInternetCidr(cidr: string, prefix: number | null): boolean | undefined {
  const verdict = internetSource(cidr, prefix);
  return isUnknown(verdict) ? undefined : verdict.internet;
}

function group(address: string, ingress: ValueObject[]): Resource {
  return {
    type: 'aws_security_group', address, name: address.split('.').pop()!, mode: 'managed', modulePath: '',
    values: { ingress, egress: [] }, tags: undefined, source: 'plan', input: 'test.json', references: {}, raw: {},
  };
}

/** An inline rule; IPv6 blocks go to ipv6_cidr_blocks, as AWS requires. */
function rule(protocol: string, from: number, to: number, cidrs: string[]): ValueObject {
  const ipv6 = cidrs.filter((c) => c.includes(':'));
  const ipv4 = cidrs.filter((c) => !c.includes(':'));
  return { protocol, from_port: from, to_port: to, cidr_blocks: ipv4, ipv6_cidr_blocks: ipv6, prefix_list_ids: [], security_groups: [], self: false };
}

function scan(resources: Resource[], options: Partial<SgOpenIngressOptions> = {}): Finding[] {
  const [configured] = selectPolicies([sgOpenIngress], { policies: { 'sg-open-ingress': { options } } }, {});
  return runPolicies(new Inventory(resources, 'test.json'), [configured!], 'omit').findings;
}

describe('sg-open-ingress severity by port', () => {
  it.each([
    ['tcp', 22, 22, 'high'],
    ['udp', 3389, 3389, 'high'],
    ['tcp', 6379, 6379, 'high'],
    ['tcp', 5439, 5439, 'high'], // Redshift, whose reachability db-internet-reachable also models
    ['tcp', 8182, 8182, 'high'], // Neptune
    ['tcp', 5000, 6000, 'high'], // holds 5432 and 5984
    ['tcp', 8443, 8443, 'medium'],
    ['tcp', 80, 443, 'medium'], // more than the allow-listed ports
    ['tcp', 0, 65535, 'critical'],
    ['tcp', 1, 65535, 'critical'],
    ['-1', 0, 0, 'critical'],
    ['icmp', 8, -1, 'medium'],
  ])('%s from port %i to %i, open to 0.0.0.0/0, is %s', (protocol, from, to, severity) => {
    const findings = scan([group('aws_security_group.g', [rule(protocol, from, to, ['0.0.0.0/0'])])]);
    expect(findings.map((f) => [f.verdict, f.severity])).toEqual([['fail', severity]]);
  });

  it('reports nothing when every exposed port is allow-listed', () => {
    expect(scan([group('aws_security_group.g', [rule('tcp', 443, 443, ['0.0.0.0/0']), rule('udp', 80, 80, ['::/0'])])])).toEqual([]);
  });

  it('takes the port lists from the options', () => {
    const resources = [group('aws_security_group.g', [rule('tcp', 8443, 8443, ['0.0.0.0/0']), rule('tcp', 22, 22, ['0.0.0.0/0'])])];
    const findings = scan(resources, { allowPorts: [8443], adminPorts: [], databasePorts: [] });
    expect(findings.map((f) => [f.severity, f.message])).toEqual([['medium', 'aws_security_group.g allows tcp 22 (SSH) from 0.0.0.0/0']]);
  });

  it('reports one finding per rule, with a fingerprint that ignores rule order', () => {
    const a = rule('tcp', 22, 22, ['0.0.0.0/0']);
    const b = rule('tcp', 3306, 3306, ['0.0.0.0/0']);
    const first = scan([group('aws_security_group.g', [a, b])]);
    const swapped = scan([group('aws_security_group.g', [b, a])]);
    expect(first).toHaveLength(2);
    expect(new Set(first.map((f) => f.fingerprint))).toEqual(new Set(swapped.map((f) => f.fingerprint)));
  });
});

describe('sg-open-ingress options', () => {
  it('rejects option values of the wrong type with a one-line error naming the option', () => {
    const bad = (options: Record<string, unknown>): (() => unknown) => () =>
      selectPolicies([sgOpenIngress], { policies: { 'sg-open-ingress': { options } } }, {}, 'warden.yaml');
    expect(bad({ allowPorts: [80, 'https'] })).toThrow(ConfigError);
    expect(bad({ allowPorts: [80, 'https'] })).toThrow(/warden\.yaml: options of sg-open-ingress: allowPorts\.1 must be integer/);
    expect(bad({ adminPorts: [70000] })).toThrow(/adminPorts\.0 must be <= 65535/);
    expect(bad({ publicCidrMinPrefix: '8' })).toThrow(/publicCidrMinPrefix must be integer,null/);
    expect(bad({ allowedPorts: [80] })).toThrow(/unknown option "allowedPorts"/);
  });
});

describe('internet CIDRs', () => {
  it.each([
    ['0.0.0.0/0', null, true],
    ['::/0', null, true],
    ['1.0.0.0/8', null, false],
    ['1.0.0.0/8', 8, true],
    ['1.2.0.0/16', 8, false],
    ['10.0.0.0/8', 8, false],
    ['0.0.0.0/1', 8, true], // starts in 0.0.0.0/8 but holds public space
    ['224.0.0.0/3', 8, false], // multicast and reserved only
    ['2001:db8::/32', 32, false], // documentation range
    ['2a00::/12', 16, true],
  ] as const)('%s with publicCidrMinPrefix %s → %s', (cidr, prefix, internet) => {
    expect(isInternetCidr(cidr, prefix)).toBe(internet);
  });

  it('cannot judge a text that is not a CIDR AWS accepts', () => {
    expect(isUnknown(internetSource('not-a-cidr', 8))).toBe(true);
  });

  it('remembers verdicts per option: one CIDR asked under two options, repeatedly, keeps both answers', () => {
    const asked = [null, 8, null, 8, 7].map((prefix) => isInternetCidr('1.0.0.0/8', prefix));
    expect(asked).toEqual([false, true, false, true, false]);
    expect([isInternetCidr(' 0.0.0.0/0 ', null), isInternetCidr('0.0.0.0/0', 8)]).toEqual([true, true]);
  });
});

describe('sg-open-ingress with inline rules known only after apply', () => {
  const pending = (configured: string[] | undefined): Resource => {
    const resource = group('aws_security_group.g', []);
    resource.values['ingress'] = new Unknown('aws_security_group.g.ingress is known only after apply');
    if (configured) resource.configuredAttributes = configured;
    return resource;
  };

  it('is unknown when the configuration writes the inline rules (or the plan has no configuration)', () => {
    for (const configured of [['name', 'ingress'], undefined]) {
      const findings = scan([pending(configured)]);
      expect(findings.map((f) => [f.verdict, f.reason])).toEqual([['unknown', 'aws_security_group.g.ingress is known only after apply']]);
    }
  });

  it('has no inline rules to doubt when the configuration does not write them', () => {
    expect(scan([pending(['name', 'vpc_id'])])).toEqual([]);
  });
});

describe('sg-open-ingress fingerprints', () => {
  const unknownPorts = (cidr: string, description: string): ValueObject => ({
    ...rule('tcp', 0, 0, [cidr]), from_port: new Unknown('known after apply'), to_port: new Unknown('known after apply'), description,
  });
  const fingerprints = (ingress: ValueObject[]): string[] => scan([group('aws_security_group.g', ingress)]).map((f) => `${f.verdict} ${f.fingerprint}`).sort();

  it('keep unknown findings of inline rules when the ingress blocks are re-ordered', () => {
    const a = unknownPorts('0.0.0.0/0', 'a');
    const b = unknownPorts('0.0.0.0/0', 'b');
    const ssh = rule('tcp', 22, 22, ['::/0']);
    const before = fingerprints([a, b, ssh]);
    expect(before.filter((f) => f.startsWith('unknown'))).toHaveLength(2);
    expect(fingerprints([ssh, b, a])).toEqual(before);
  });

  it('tell apart inline rules that differ, and keep one finding for two that say the same', () => {
    expect(fingerprints([unknownPorts('0.0.0.0/0', 'a'), unknownPorts('0.0.0.0/0', 'a')])).toHaveLength(1);
    expect(new Set(fingerprints([unknownPorts('0.0.0.0/0', 'a'), unknownPorts('::/0', 'a')])).size).toBe(2);
  });
});
