import { definePolicy, ELASTIC_IP_TYPES, INSTANCE_TYPES, isUnknown, networkOf, type Evidence, type InstanceTarget, type Unknown } from '../src/api.js';
import { NETWORK_PATH_TYPES, traceStep } from './db-internet-reachable.js';

interface Options {
  adminPorts: number[];
  databasePorts: number[];
}

const PORTS_SCHEMA = { type: 'array', items: { type: 'integer', minimum: 0, maximum: 65535 }, uniqueItems: true };

export const instanceAdminPortReachable = definePolicy<Options>({
  id: 'instance-admin-port-reachable',
  title: 'Instance admin or database port reachable from the internet',
  severity: 'critical',
  description:
    'An EC2 instance (aws_instance; live: DescribeInstances) can receive a TCP connection from the internet on an ' +
    'administration port (adminPorts, default 22 and 3389: critical) or a database port (databasePorts: high). It needs an ' +
    'internet address: a public IPv4 address (live public_ip; else associate_public_ip_address; else its subnet\'s ' +
    'map_public_ip_on_launch) or an Elastic IP (aws_eip.instance, aws_eip_association.instance_id, or either on a network ' +
    'interface attached to the instance), or an IPv6 address ' +
    '(ipv6_address_count / ipv6_addresses, else the subnet\'s assign_ipv6_address_on_creation). Then the whole path must ' +
    'hold, as for db-internet-reachable: an internet gateway attached to the subnet\'s VPC, the subnet\'s route table (explicit ' +
    'association, else the main table) routing the client to it by longest prefix match, the network ACL allowing the request ' +
    'in and the reply out (ephemeral ports) for the same client, and an attached security group (vpc_security_group_ids, else ' +
    'the VPC default group) allowing the port from 0.0.0.0/0 or ::/0. The finding names a witness client range and the path. ' +
    'Unknown when a link is known only after apply or is not in the inventory (an instance without subnet_id sits in the ' +
    'default VPC; one launched with its own network_interface block is not followed), naming it. FSBP EC2.19 and CIS 5.2/5.3 ' +
    'check security-group rules alone; this check is stricter in what it proves (a reachable path) and so reports fewer, ' +
    'surer findings: sg-open-ingress reports the rules themselves.',
  remediation:
    'Remove the public address (associate_public_ip_address = false, no Elastic IP) and reach the instance through AWS ' +
    'Systems Manager Session Manager, a VPN or a bastion; or restrict the security group rule for the port to known ranges.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['5.2', '5.3'],
    'AWS Foundational Security Best Practices': ['EC2.19'],
    'PCI DSS 4.0': ['1.3.1', '1.4.2'],
  },
  tags: ['network', 'compute', 'internet-exposure'],
  resourceTypes: [...INSTANCE_TYPES, ...ELASTIC_IP_TYPES, ...NETWORK_PATH_TYPES],
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        adminPorts: { ...PORTS_SCHEMA, description: 'Administration ports (critical when reachable).' },
        databasePorts: { ...PORTS_SCHEMA, description: 'Database and cache ports (high when reachable).' },
      },
    },
    defaults: { adminPorts: [22, 3389], databasePorts: [1433, 1521, 3306, 5432, 5439, 6379, 8182, 9042, 9200, 11211, 27017] },
  },
  messages: {
    noPublicAddress: '{{instance}} has no public IPv4 address and no IPv6 address',
    noPath: '{{instance}} has no path from the internet on TCP {{ports}}: {{blocker}}',
    reachable: '{{instance}} accepts TCP {{port}} from the internet ({{family}} clients in {{clients}}{{caveat}}) through {{gateway}} and {{subnet}}',
    reachableIfAddressed: '{{instance}} is reachable from the internet on TCP {{port}} if it has a {{family}} address',
    reachabilityUnknown: 'cannot tell whether {{instance}} is reachable from the internet on TCP {{ports}}',
  },
  check(context) {
    const network = networkOf(context.inventory);
    const { adminPorts, databasePorts } = context.options;
    const ports = [...new Set([...adminPorts, ...databasePorts])];
    for (const instance of network.instances) {
      const address = instance.resource.address;
      if (instance.publicIpv4 === false && instance.ipv6 === false) {
        context.pass({ resource: instance.resource, messageId: 'noPublicAddress', data: { instance: address } });
        continue;
      }
      const doubts = new Map<string, Unknown>();
      const undecided: number[] = [];
      const blockers: string[] = [];
      let failed = false;
      for (const port of ports) {
        const exposure = network.exposureOnPort(instance, port, instance.publicIpv4);
        const witness = exposure.witness;
        if (exposure.status === 'reachable' && witness) {
          failed = true;
          context.fail({
            resource: instance.resource,
            element: `tcp ${port}`,
            severity: adminPorts.includes(port) ? 'critical' : 'high',
            messageId: 'reachable',
            data: {
              instance: address,
              port,
              family: witness.family === 'ipv4' ? 'IPv4' : 'IPv6',
              clients: witness.client,
              caveat: witness.caveat ? `, ${witness.caveat}` : '',
              gateway: witness.hops[1]?.label ?? 'an internet gateway',
              subnet: witness.subnet.address,
            },
            ...originPath(instance, witness.family),
            evidence: evidenceOf(instance, witness.family, witness.client),
            trace: witness.hops.map(traceStep),
          });
        } else if (exposure.status === 'unknown') {
          undecided.push(port);
          for (const doubt of exposure.doubts) doubts.set(doubt.reason, doubt);
        } else if (exposure.blockers[0] && !blockers.includes(exposure.blockers[0])) {
          blockers.push(exposure.blockers[0]);
        }
      }
      if (undecided.length > 0) {
        context.unknown({
          resource: instance.resource,
          element: 'path',
          messageId: 'reachabilityUnknown',
          data: { instance: address, ports: undecided.join(', ') },
          reason: [...doubts.keys()].join('; '),
          evidence: evidenceOf(instance, undefined, undefined),
        });
      } else if (!failed) {
        context.pass({ resource: instance.resource, messageId: 'noPath', data: { instance: address, ports: ports.join(', '), blocker: blockers[0] ?? 'no link holds' } });
      }
    }
  },
});

/** The finding points at what gives the instance its internet address, when the instance itself says it. */
function originPath(instance: InstanceTarget, family: 'ipv4' | 'ipv6'): { path?: string } {
  const origin = family === 'ipv4' ? instance.ipv4Origin : instance.ipv6Origin;
  return origin && origin.resource === instance.resource ? { path: origin.attribute } : {};
}

function evidenceOf(instance: InstanceTarget, family: 'ipv4' | 'ipv6' | undefined, client: string | undefined): Evidence[] {
  const evidence: Evidence[] = [];
  for (const [which, value, origin] of [
    ['ipv4', instance.publicIpv4, instance.ipv4Origin],
    ['ipv6', instance.ipv6, instance.ipv6Origin],
  ] as const) {
    if (family && family !== which) continue;
    const where = origin ? (origin.resource === instance.resource ? origin.attribute : `${origin.resource.address}.${origin.attribute}`) : which === 'ipv4' ? 'public IPv4 address' : 'IPv6 address';
    evidence.push({ path: where, value, note: which === 'ipv4' ? 'gives the instance a public IPv4 address' : 'gives the instance an IPv6 address' });
  }
  if (client) evidence.push({ path: 'client', value: client, note: 'witness: internet clients that reach the instance' });
  return evidence;
}
