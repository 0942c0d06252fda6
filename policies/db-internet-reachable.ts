import { definePolicy, networkOf, isUnknown, locate, DATABASE_RELATED_TYPES, type DbInstance, type Evidence, type PathHop, type TraceStep } from '../src/api.js';

/** What a path from the internet to anything in a subnet reads: the network, without what listens. */
export const NETWORK_PATH_TYPES = [
  'aws_subnet', 'aws_vpc',
  'aws_internet_gateway', 'aws_internet_gateway_attachment', 'aws_route_table', 'aws_default_route_table', 'aws_route',
  'aws_route_table_association', 'aws_main_route_table_association', 'aws_network_acl', 'aws_default_network_acl',
  'aws_network_acl_rule', 'aws_network_acl_association', 'aws_security_group', 'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
];
export const DB_RESOURCE_TYPES = [...DATABASE_RELATED_TYPES, ...NETWORK_PATH_TYPES];

/** Both database-exposure policies map to the same controls: they report one exposure at two certainties. */
export const DB_EXPOSURE_FRAMEWORKS: Record<string, string[]> = {
  'CIS AWS Foundations Benchmark v3.0.0': ['2.3.3'],
  'AWS Foundational Security Best Practices': ['RDS.2', 'Redshift.1'],
  'PCI DSS 4.0': ['1.3.1', '1.4.2'],
  'SOC 2': ['CC6.6'],
  'HIPAA Security Rule': ['164.312(a)(1)'],
};
export const DB_EXPOSURE_TAGS = ['network', 'database', 'internet-exposure'];

export const dbInternetReachable = definePolicy({
  id: 'db-internet-reachable',
  title: 'Database reachable from the internet',
  severity: 'critical',
  description:
    'A database (aws_db_instance, aws_rds_cluster_instance, a Multi-AZ DB cluster: aws_rds_cluster with ' +
    'db_cluster_instance_class, aws_redshift_cluster, aws_neptune_cluster_instance, aws_docdb_cluster_instance; live: the ' +
    'same from RDS DescribeDBInstances/DescribeDBClusters and Redshift DescribeClusters) can receive a TCP connection from the internet: ' +
    'publicly_accessible is true, an internet gateway is attached to the VPC of its subnet group (db_subnet_group_name, ' +
    'cluster_subnet_group_name, neptune_subnet_group_name; a cluster member takes its cluster\'s), the route table of ' +
    'one of its subnets (explicit association, else the VPC main table) sends the client\'s address to that gateway by ' +
    'longest prefix match (a more specific NAT, transit gateway, peering or local route wins), the subnet\'s network ACL ' +
    'allows the inbound request on the database port and the outbound reply to some ephemeral port (1024-65535) for the ' +
    'same client address, and an attached security group allows the port (port, else the engine default: Redshift 5439, ' +
    'Neptune 8182, DocumentDB 27017) from 0.0.0.0/0 or ::/0. Client address sets are ' +
    'solved exactly for IPv4 and IPv6; the finding names a witness client range and the whole path. When the answer ' +
    'depends on a value known only after apply (or not in the inventory, such as the default VPC), the verdict is unknown ' +
    'and names it; db-publicly-accessible then fails beside it when publicly_accessible is true, and stays silent when this ' +
    'policy fails: at most one failing finding per database from the two policies. A Redshift cluster without ' +
    'publicly_accessible in source is unknown: provider v5 and earlier default it to true, v6 to false (a plan shows the ' +
    'value). DocumentDB never gives an instance a public address, so DocumentDB instances pass here (db-tier-admits-cidr ' +
    'still checks their security groups). Redshift.1 checks the attribute alone; we fail only on a proven path.',
  remediation:
    'Set publicly_accessible = false and reach the database through private networking (VPN, Direct Connect, ' +
    'peering, AWS Systems Manager port forwarding or a bastion). Keep database subnets on route tables without a route ' +
    'to an internet gateway, and allow the database port in its security group only from the application\'s security group.',
  frameworks: DB_EXPOSURE_FRAMEWORKS,
  tags: DB_EXPOSURE_TAGS,
  resourceTypes: DB_RESOURCE_TYPES,
  messages: {
    notPublic: '{{database}} is not publicly accessible',
    noPath: '{{database}} has no network path from the internet: {{blocker}}',
    reachable: '{{database}} accepts TCP {{port}} from the internet ({{family}} clients in {{clients}}{{caveat}}) through {{gateway}} and {{subnet}}',
    reachableIfPublic: '{{database}} is reachable from the internet on TCP {{port}} if it is publicly accessible',
    reachabilityUnknown: 'cannot tell whether {{database}} is reachable from the internet',
    reachabilityOnPortUnknown: 'cannot tell whether {{database}} is reachable from the internet on TCP {{port}}',
  },
  check(context) {
    const network = networkOf(context.inventory);
    for (const db of network.databases) {
      const publiclyAccessible = db.publiclyAccessible;
      const address = db.resource.address;
      if (publiclyAccessible === false) {
        context.pass({ resource: db.resource, messageId: 'notPublic', data: { database: address } });
        continue;
      }
      const exposure = network.exposureOf(db);
      if (exposure.status === 'unreachable') {
        context.pass({ resource: db.resource, messageId: 'noPath', data: { database: address, blocker: exposure.blockers[0] ?? '' } });
        continue;
      }
      const witness = exposure.witness;
      const port = isUnknown(db.port) ? undefined : db.port.port;
      if (exposure.status === 'reachable' && witness && publiclyAccessible === true) {
        const gateway = witness.hops[1]?.label ?? 'an internet gateway';
        context.fail({
          resource: db.resource,
          path: 'publicly_accessible',
          messageId: 'reachable',
          data: {
            database: address,
            port: witness.port,
            family: witness.family === 'ipv4' ? 'IPv4' : 'IPv6',
            clients: witness.client,
            caveat: witness.caveat ? `, ${witness.caveat}` : '',
            gateway,
            subnet: witness.subnet.address,
          },
          evidence: evidenceOf(db, port, witness.client),
          trace: witness.hops.map(traceStep),
        });
        continue;
      }
      const reasons = [...(isUnknown(publiclyAccessible) ? [publiclyAccessible.reason] : []), ...exposure.doubts.map((d) => d.reason)];
      context.unknown({
        resource: db.resource,
        path: 'publicly_accessible',
        ...(witness
          ? { messageId: 'reachableIfPublic', data: { database: address, port: witness.port } }
          : port !== undefined
            ? { messageId: 'reachabilityOnPortUnknown', data: { database: address, port } }
            : { messageId: 'reachabilityUnknown', data: { database: address } }),
        reason: reasons.join('; '),
        evidence: evidenceOf(db, port, witness?.client),
        ...(witness ? { trace: witness.hops.map(traceStep) } : {}),
      });
    }
  },
});

function evidenceOf(db: DbInstance, port: number | undefined, client: string | undefined): Evidence[] {
  const evidence: Evidence[] = [{ path: 'publicly_accessible', value: db.publiclyAccessible }];
  if (!isUnknown(db.port)) {
    const source = db.port.source;
    evidence.push(
      'engine' in source
        ? { path: 'engine', value: source.engine, note: `default port ${port}` }
        : { path: source.resource === db.resource ? source.attribute : `${source.resource.address}.${source.attribute}`, value: port },
    );
  }
  if (client) evidence.push({ path: 'client', value: client, note: 'witness: internet clients that reach the database' });
  return evidence;
}

/** A path hop as a finding trace step, located at the hop's attribute where the source maps it. */
export function traceStep(hop: PathHop): TraceStep {
  const location = hop.resource ? locate(hop.resource, hop.attribute) : undefined;
  return {
    label: hop.label,
    ...(hop.resource ? { resource: { type: hop.resource.type, address: hop.resource.address } } : {}),
    ...(location ? { location } : {}),
    ...(hop.detail ? { detail: hop.detail } : {}),
  };
}
