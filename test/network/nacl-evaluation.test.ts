import { describe, expect, it } from 'vitest';
import { Unknown } from '../../src/model/unknown.js';
import { AddressSet } from '../../src/network/address-set.js';
import { parseCidr } from '../../src/network/cidr.js';
import { naclInbound, naclOutboundEphemeral } from '../../src/network/nacl-evaluation.js';
import type { NaclRule } from '../../src/network/network-acls.js';
import { blocks, cidrs, resource } from './network-test-helpers.js';

const acl = resource('aws_network_acl', 'db');

function entry(ruleNumber: number, action: 'allow' | 'deny', protocol: string, from: number, to: number, cidr: string | Unknown, egress = false): NaclRule {
  return {
    origin: acl, path: `${egress ? 'egress' : 'ingress'}.${ruleNumber}`, egress, ruleNumber, action, protocol, fromPort: from, toPort: to,
    cidr: typeof cidr === 'string' ? { cidr: parseCidr(cidr)! } : { unknown: cidr, family: 'ipv4' }, presence: true,
  };
}

describe('NACL inbound', () => {
  it('takes entries in ascending rule number: the first match wins', () => {
    const rules = [entry(200, 'allow', 'tcp', 0, 65535, '0.0.0.0/0'), entry(100, 'deny', 'tcp', 5432, 5432, '52.0.0.0/8')];
    const reach = naclInbound(rules, [], 'ipv4', 5432);
    expect(reach.clients.definite.covers(cidrs('8.8.8.0/24'))).toBe(true);
    expect(reach.clients.possible.intersect(cidrs('52.0.0.0/8')).isEmpty()).toBe(true);
    // Another port is not denied by rule 100.
    expect(naclInbound(rules, [], 'ipv4', 22).clients.definite.covers(cidrs('52.0.0.0/8'))).toBe(true);
  });

  it('denies what no entry allows, and ignores entries of other protocols and families', () => {
    const rules = [entry(100, 'allow', 'udp', 5432, 5432, '0.0.0.0/0'), entry(110, 'allow', '-1', 0, 0, '::/0')];
    const reach = naclInbound(rules, [], 'ipv4', 5432);
    expect(reach.clients.possible.isEmpty()).toBe(true);
    expect(naclInbound(rules, [], 'ipv6', 5432).clients.definite.isAll()).toBe(true);
  });

  it('names the deciding entry of every allowed client', () => {
    const rules = [entry(100, 'allow', 'tcp', 5432, 5432, '52.0.0.0/8'), entry(110, 'allow', '-1', 0, 0, '0.0.0.0/0')];
    const reach = naclInbound(rules, [], 'ipv4', 5432);
    expect(reach.contributions.map((c) => [c.rule.ruleNumber, blocks(c.clients)[0]])).toEqual([[100, '52.0.0.0/8'], [110, '0.0.0.0/3']]);
  });

  it('keeps an Unknown CIDR apart: a possible deny removes the definite allow behind it, a possible allow only adds possibilities', () => {
    const why = new Unknown('aws_network_acl.db.ingress.0.cidr_block is known only after apply');
    const denyFirst = naclInbound([entry(90, 'deny', 'tcp', 5432, 5432, why), entry(100, 'allow', 'tcp', 5432, 5432, '0.0.0.0/0')], [], 'ipv4', 5432);
    expect(denyFirst.clients.definite.isEmpty()).toBe(true);
    expect(denyFirst.clients.possible.isAll()).toBe(true);
    expect(denyFirst.clients.doubts).toEqual([why]);
    const allowFirst = naclInbound([entry(90, 'allow', 'tcp', 5432, 5432, why), entry(100, 'allow', 'tcp', 5432, 5432, '0.0.0.0/0')], [], 'ipv4', 5432);
    expect(allowFirst.clients.definite.isAll()).toBe(true);
  });

  it('is wholly unknown when the entries themselves are', () => {
    const why = new Unknown('aws_network_acl.db.ingress is known only after apply');
    const reach = naclInbound([], [why], 'ipv4', 5432);
    expect([reach.clients.definite.isEmpty(), reach.clients.possible.isAll()]).toEqual([true, true]);
  });
});

describe('NACL outbound to an ephemeral port', () => {
  it('joins what each piece of the 1024-65535 range allows', () => {
    const rules = [
      entry(100, 'allow', 'tcp', 1024, 2000, '52.0.0.0/8', true),
      entry(110, 'deny', 'tcp', 1024, 65535, '52.0.0.0/8', true),
      entry(120, 'allow', 'tcp', 40000, 65535, '34.0.0.0/8', true),
    ];
    const reach = naclOutboundEphemeral(rules, [], 'ipv4');
    expect(blocks(reach.clients.definite)).toEqual(['34.0.0.0/8', '52.0.0.0/8']);
    expect(reach.contributions.find((c) => c.clients.covers(cidrs('34.0.0.0/8')))?.ports).toEqual([40000, 65535]);
  });

  it('allows no reply when only well-known ports are open', () => {
    const rules = [entry(100, 'allow', 'tcp', 443, 443, '0.0.0.0/0', true), entry(200, 'allow', 'tcp', 0, 1023, '0.0.0.0/0', true)];
    expect(naclOutboundEphemeral(rules, [], 'ipv4').clients.possible).toEqual(AddressSet.empty('ipv4'));
  });
});
