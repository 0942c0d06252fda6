import { NETWORK_ACL_TYPES, definePolicy, isUnknown, networkOf, type Family, type NaclRule, type Resource, type Unknown } from '../src/api.js';

export interface NaclAdminPortsOpenOptions {
  /** Remote administration ports that must not be open to the whole internet. */
  adminPorts: number[];
}

const FAMILIES: readonly { family: Family; source: string }[] = [
  { family: 'ipv4', source: '0.0.0.0/0' },
  { family: 'ipv6', source: '::/0' },
];

export const naclAdminPortsOpen = definePolicy<NaclAdminPortsOpenOptions>({
  id: 'nacl-admin-ports-open',
  title: 'Network ACL allows remote administration from the internet',
  severity: 'high',
  description:
    'A network ACL inbound entry allows TCP to a remote administration port (22 and 3389 by default; protocol all or a ' +
    'port range covering one counts) from 0.0.0.0/0 or ::/0. Entries are read as AWS applies them: ascending rule ' +
    'number, first match wins, so an earlier deny for that port and source makes the ACL pass. All Terraform shapes ' +
    'are checked (aws_network_acl inline ingress, aws_network_acl_rule, aws_default_network_acl), and in live accounts ' +
    'every ACL DescribeNetworkAcls lists, default ones included. The verdict is about the ACL itself, whichever subnets ' +
    'it guards. An aws_network_acl_rule of an ACL outside the input (a VPC\'s default ACL by its id) that allows such ' +
    'traffic is unknown, since an earlier entry there may deny it. At plan time an entry whose rule number, source, protocol, ports or ACL is known only after apply, or an ' +
    'ingress list known only after apply, is unknown when it could be such an allow. Unlike Security Hub EC2.21, which ' +
    'also counts UDP, only TCP (and protocol all) is reported, since SSH and RDP need TCP. The allow-all default ACL AWS ' +
    'gives a VPC this configuration creates is not an ACL in the input and is not reported here (db-internet-reachable ' +
    'accounts for it on a path).',
  remediation:
    'Remove the allow entry for 0.0.0.0/0 or ::/0 on the administration port, narrow it to the networks that need it, ' +
    'or add a deny entry for that port and source with a lower rule number. Reach instances through AWS Systems Manager ' +
    'Session Manager, a VPN or a bastion instead.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['5.1'],
    'AWS Foundational Security Best Practices': ['EC2.21'],
    'PCI DSS 4.0': ['1.3.1', '1.4.2'],
  },
  tags: ['network', 'network-acl', 'internet-exposure'],
  resourceTypes: [...NETWORK_ACL_TYPES, 'aws_network_acl_rule'],
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { adminPorts: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 65535 }, uniqueItems: true, minItems: 1 } },
    },
    defaults: { adminPorts: [22, 3389] },
  },
  messages: {
    adminPortOpen: '{{acl}} allows TCP {{ports}} from {{source}} ({{entry}}, {{rule}})',
    adminPortUnknown: 'cannot tell whether {{acl}} allows TCP {{ports}} from the internet',
    outsideAclAllows: '{{entry}} allows TCP {{ports}} from {{source}} ({{rule}}) in a network ACL that is not in the input',
    noAdminPortOpen: '{{acl}} admits none of TCP {{ports}} from 0.0.0.0/0 or ::/0',
  },
  check(context) {
    const { inventory, options } = context;
    const network = networkOf(inventory);
    for (const acl of inventory.ofType(...NETWORK_ACL_TYPES)) {
      // One finding per deciding entry (it may open several ports); one unknown per doubt.
      const open = new Map<NaclRule, { ports: number[]; source: string }>();
      const doubts = new Map<string, { ports: number[]; why: Unknown }>();
      for (const port of options.adminPorts) {
        for (const { family, source } of FAMILIES) {
          const entry = network.aclWholeInternetEntry(acl, family, port);
          if (entry === undefined) continue;
          if (isUnknown(entry)) {
            const doubt = doubts.get(entry.reason) ?? { ports: [], why: entry };
            if (!doubt.ports.includes(port)) doubt.ports.push(port);
            doubts.set(entry.reason, doubt);
            continue;
          }
          const found = open.get(entry) ?? { ports: [], source };
          if (!found.ports.includes(port)) found.ports.push(port);
          open.set(entry, found);
        }
      }
      for (const [entry, { ports, source }] of open) {
        const where = entryLabel(entry);
        context.fail({
          ...target(acl, entry),
          element: `ingress ${where}`,
          messageId: 'adminPortOpen',
          data: { acl: acl.address, ports: ports.join(', '), source, entry: where, rule: describe(entry) },
          evidence: [{ path: entry.path === '' ? entry.origin.address : entry.path, value: source, note: `rule ${String(entry.ruleNumber)} allows it, no earlier entry denies it` }],
        });
      }
      for (const { ports, why } of doubts.values()) {
        context.unknown({
          resource: acl,
          element: `ingress ? ${why.reason}`,
          messageId: 'adminPortUnknown',
          data: { acl: acl.address, ports: ports.join(', ') },
          reason: why,
        });
      }
      if (open.size === 0 && doubts.size === 0) {
        context.pass({ resource: acl, messageId: 'noAdminPortOpen', data: { acl: acl.address, ports: options.adminPorts.join(', ') } });
      }
    }
    // A rule of an ACL outside the input (a VPC's default ACL by id): it allows, but an earlier entry there may deny.
    const detached = new Map<NaclRule, { ports: number[]; source: string }>();
    for (const port of options.adminPorts) {
      for (const { family, source } of FAMILIES) {
        for (const entry of network.detachedWholeInternetEntries(family, port)) {
          const found = detached.get(entry) ?? { ports: [], source };
          if (!found.ports.includes(port)) found.ports.push(port);
          detached.set(entry, found);
        }
      }
    }
    for (const [entry, { ports, source }] of detached) {
      context.unknown({
        resource: entry.origin,
        element: `ingress ${entryLabel(entry)}`,
        messageId: 'outsideAclAllows',
        data: { entry: entry.origin.address, ports: ports.join(', '), source, rule: describe(entry) },
        reason: `its network ACL (network_acl_id) is not in the input, so whether an earlier entry denies that traffic cannot be told`,
      });
    }
  },
});

/** The ACL is the finding's resource; it points at the entry's open CIDR, in an inline block or a standalone `aws_network_acl_rule`. */
function target(acl: Resource, entry: NaclRule): { resource: Resource; path: string; locationOf: Resource } {
  return { resource: acl, locationOf: entry.origin, path: entry.cidrPath ?? entry.path };
}

function entryLabel(entry: NaclRule): string {
  return entry.path === '' ? entry.origin.address : `${entry.origin.address}.${entry.path}`;
}

function describe(entry: NaclRule): string {
  const rule = `rule ${String(entry.ruleNumber)}`;
  if (entry.protocol === '-1') return `${rule}: all traffic`;
  const ports = entry.fromPort === entry.toPort ? String(entry.fromPort) : `${String(entry.fromPort)}-${String(entry.toPort)}`;
  return `${rule}: tcp ${ports}`;
}
