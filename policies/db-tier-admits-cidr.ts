import { cidrSourcesOnPort, cidrWithin, definePolicy, isUnknown, networkOf, type CidrSource, type PolicyContext, type Resource, type Unknown } from '../src/api.js';
import { DB_RESOURCE_TYPES } from './db-internet-reachable.js';

interface Options {
  allowedCidrs: string[];
}

export const dbTierAdmitsCidr = definePolicy<Options>({
  id: 'db-tier-admits-cidr',
  title: 'Database tier admits address ranges instead of the application tier',
  severity: 'medium',
  description:
    'Three-tier isolation: a database (every type db-internet-reachable reads: aws_db_instance, aws_rds_cluster_instance, ' +
    'Multi-AZ aws_rds_cluster, aws_redshift_cluster, aws_neptune_cluster_instance, aws_docdb_cluster_instance; live the same) ' +
    'should admit its port only from the security groups of the tier that uses it. It fails for each ingress rule of an ' +
    'attached security group (its own vpc_security_group_ids, its cluster\'s, else the VPC default group) that admits TCP on ' +
    'the database port (protocol tcp or all, port in range) from a CIDR range, IPv4 or IPv6, written directly or as an entry ' +
    'of a managed prefix list, unless the range lies wholly inside one of allowedCidrs (e.g. a VPN range). Security-group ' +
    'references and self pass. Whether the range is private does not matter: a 10.0.0.0/8 rule admits every workload of the ' +
    'network, which is what tiering is meant to stop. Unknown when the port, the security groups, or a rule\'s protocol, ' +
    'ports or ranges are known only after apply. No AWS Security Hub control checks this; it complements db-internet-reachable, ' +
    'which asks whether the internet reaches the database at all.',
  remediation:
    'Replace the CIDR source with the application tier\'s security group (source_security_group_id / referenced_security_group_id, ' +
    'or security_groups in an inline ingress block). Add operator ranges that must connect directly (a VPN) to allowedCidrs.',
  frameworks: {
    'PCI DSS 4.0': ['1.3.1'],
  },
  tags: ['network', 'database', 'segmentation'],
  resourceTypes: [...DB_RESOURCE_TYPES, 'aws_vpc_security_group_ingress_rule', 'aws_default_security_group', 'aws_ec2_managed_prefix_list'],
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedCidrs: {
          type: 'array',
          description: 'Ranges a database may admit directly (e.g. the VPN); a source passes when it lies wholly inside one.',
          items: { type: 'string', pattern: '^[0-9A-Fa-f.:]+/[0-9]{1,3}$' },
          uniqueItems: true,
        },
      },
    },
    defaults: { allowedCidrs: [] },
  },
  messages: {
    admitsCidr: '{{database}} admits TCP {{port}} from {{cidr}}{{via}} ({{rule}}) rather than from a security group',
    sourcesUnknown: 'cannot tell whether {{database}} admits TCP {{port}} from address ranges',
    portUnknown: 'cannot tell which port of {{database}} to check',
    onlyGroups: '{{database}} admits TCP {{port}} only from security groups{{allowed}}',
  },
  check(context) {
    const network = networkOf(context.inventory);
    const allowed = context.options.allowedCidrs;
    for (const db of network.databases) {
      const database = db.resource.address;
      if (isUnknown(db.port)) {
        context.unknown({ resource: db.resource, messageId: 'portUnknown', data: { database }, reason: db.port });
        continue;
      }
      const port = db.port.port;
      const guarding = network.guardingGroupsOf(db);
      if (isUnknown(guarding)) {
        context.unknown({ resource: db.resource, path: 'vpc_security_group_ids', messageId: 'sourcesUnknown', data: { database, port }, reason: guarding });
        continue;
      }
      const { sources, doubts } = cidrSourcesOnPort(guarding.groups, network.prefixLists, port);
      let failed = false;
      for (const source of sources) {
        const inside = cidrWithin(source.cidr, allowed);
        if (inside === true) continue;
        if (isUnknown(inside)) {
          doubts.push(inside);
          continue;
        }
        failed = true;
        reportSource(context, db.resource, database, port, source);
      }
      if (doubts.length > 0) {
        context.unknown({ resource: db.resource, messageId: 'sourcesUnknown', data: { database, port }, reason: joined(doubts) });
      } else if (!failed) {
        context.pass({ resource: db.resource, messageId: 'onlyGroups', data: { database, port, allowed: allowed.length > 0 ? ` and ${allowed.join(', ')}` : '' } });
      }
    }
  },
});

function reportSource(
  context: PolicyContext<Options>,
  resource: Resource,
  database: string,
  port: number,
  source: CidrSource,
): void {
  const group = source.group.resource?.address ?? source.group.key;
  const rule = source.rule.path ? `${source.rule.origin.address}.${source.rule.path}` : source.rule.origin.address;
  // The evidence is about the rule's resource, not the database: name its field as that resource's source does (live: the API's).
  const field = source.attribute ? (source.rule.origin.apiPath?.(source.attribute) ?? source.attribute) : rule;
  context.fail({
    resource,
    element: `${group} tcp ${port} from ${source.cidr}`,
    locationOf: source.rule.origin,
    ...(source.attribute ? { path: source.attribute } : {}),
    messageId: 'admitsCidr',
    data: { database, port, cidr: source.cidr, via: source.prefixList ? ` (entry of ${source.prefixList})` : '', rule },
    evidence: [{ path: field, value: source.cidr, note: `${group} admits TCP ${port} from this range` }],
  });
}

function joined(doubts: Unknown[]): string {
  return [...new Set(doubts.map((d) => d.reason))].join('; ');
}
