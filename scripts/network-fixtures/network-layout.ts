import { ref, type ResourceSpec, type Spec } from './plan-builder.js';

/**
 * The building blocks of the network-path fixtures: a VPC with two database subnets, an internet
 * gateway, a route table, a network ACL, a security group and a PostgreSQL instance, written the
 * way the AWS provider 5.x plans them. Each fixture starts from `reachableNetwork()` and breaks
 * (or keeps) the path in one way.
 */

const VPC_COMPUTED = [
  'arn', 'default_network_acl_id', 'default_route_table_id', 'default_security_group_id', 'dhcp_options_id', 'main_route_table_id',
  'owner_id', 'ipv6_association_id', 'ipv6_cidr_block_network_border_group', 'tags_all',
];

export function vpc(name: string, cidr: string, extra: { [key: string]: Spec } = {}, computed: string[] = []): ResourceSpec {
  return {
    type: 'aws_vpc', name,
    values: {
      cidr_block: cidr, enable_dns_hostnames: true, enable_dns_support: true, instance_tenancy: 'default',
      assign_generated_ipv6_cidr_block: false, ipv4_ipam_pool_id: null, ipv4_netmask_length: null, ipv6_ipam_pool_id: null,
      ipv6_netmask_length: null, tags: { Name: name }, ...extra,
    },
    computed: [...VPC_COMPUTED, ...computed],
  };
}

export function internetGateway(name: string, vpcName: string | null): ResourceSpec {
  return { type: 'aws_internet_gateway', name, values: { vpc_id: vpcName ? ref(`aws_vpc.${vpcName}`) : null, tags: { Name: name } }, computed: ['arn', 'owner_id', 'tags_all'] };
}

export function subnet(name: string, vpcName: string, cidr: string, az: string, extra: { [key: string]: Spec } = {}): ResourceSpec {
  return {
    type: 'aws_subnet', name,
    values: {
      vpc_id: ref(`aws_vpc.${vpcName}`), cidr_block: cidr, availability_zone: az, map_public_ip_on_launch: false,
      assign_ipv6_address_on_creation: false, ipv6_native: false, tags: { Name: name }, ...extra,
    },
    computed: ['arn', 'owner_id', 'availability_zone_id', 'ipv6_cidr_block_association_id', 'tags_all', ...(extra['ipv6_cidr_block'] ? [] : ['ipv6_cidr_block'])],
  };
}

/** An inline route block with every target attribute, as the provider plans it ("" where unset). */
export function inlineRoute(destination: { cidr_block?: string; ipv6_cidr_block?: string }, target: { [key: string]: Spec }): { [key: string]: Spec } {
  return {
    carrier_gateway_id: '', cidr_block: destination.cidr_block ?? '', core_network_arn: '', destination_prefix_list_id: '',
    egress_only_gateway_id: '', gateway_id: '', ipv6_cidr_block: destination.ipv6_cidr_block ?? '', local_gateway_id: '',
    nat_gateway_id: '', network_interface_id: '', transit_gateway_id: '', vpc_endpoint_id: '', vpc_peering_connection_id: '',
    ...target,
  };
}

export function routeTable(name: string, vpcName: string, routes: { [key: string]: Spec }[]): ResourceSpec {
  return { type: 'aws_route_table', name, values: { vpc_id: ref(`aws_vpc.${vpcName}`), route: routes, tags: { Name: name } }, computed: ['arn', 'owner_id', 'propagating_vgws', 'tags_all'] };
}

export function association(name: string, subnetName: string, tableName: string): ResourceSpec {
  return {
    type: 'aws_route_table_association', name,
    values: { subnet_id: ref(`aws_subnet.${subnetName}`), route_table_id: ref(`aws_route_table.${tableName}`), gateway_id: null },
  };
}

export interface AclEntry {
  rule_no: number;
  action: 'allow' | 'deny';
  protocol: string;
  from_port: number;
  to_port: number;
  cidr_block?: Spec;
  ipv6_cidr_block?: Spec;
}

export function aclEntry(entry: AclEntry): { [key: string]: Spec } {
  return { icmp_code: 0, icmp_type: 0, ...entry, cidr_block: entry.cidr_block ?? '', ipv6_cidr_block: entry.ipv6_cidr_block ?? '' };
}

export function networkAcl(name: string, vpcName: string, subnetNames: string[], ingress: AclEntry[], egress: AclEntry[]): ResourceSpec {
  return {
    type: 'aws_network_acl', name,
    values: {
      vpc_id: ref(`aws_vpc.${vpcName}`), subnet_ids: subnetNames.map((s) => ref(`aws_subnet.${s}`)),
      ingress: ingress.map(aclEntry), egress: egress.map(aclEntry), tags: { Name: name },
    },
    computed: ['arn', 'owner_id', 'tags_all'],
  };
}

export interface SgRule {
  protocol: string;
  from_port: number;
  to_port: number;
  cidr_blocks?: Spec[];
  ipv6_cidr_blocks?: Spec[];
  security_groups?: Spec[];
  description?: string;
}

export function sgRule(rule: SgRule): { [key: string]: Spec } {
  return {
    description: rule.description ?? '', prefix_list_ids: [], self: false, ...rule,
    cidr_blocks: rule.cidr_blocks ?? [], ipv6_cidr_blocks: rule.ipv6_cidr_blocks ?? [], security_groups: rule.security_groups ?? [],
  };
}

export function securityGroup(name: string, vpcName: string, ingress: SgRule[]): ResourceSpec {
  return {
    type: 'aws_security_group', name,
    values: {
      name, description: `${name} security group`, vpc_id: ref(`aws_vpc.${vpcName}`), revoke_rules_on_delete: false,
      ingress: ingress.map(sgRule), egress: [sgRule({ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] })],
      tags: { Name: name },
    },
    computed: ['arn', 'owner_id', 'name_prefix', 'tags_all'],
  };
}

export function dbSubnetGroup(name: string, subnetNames: string[]): ResourceSpec {
  return {
    type: 'aws_db_subnet_group', name,
    values: { name, description: 'Managed by Terraform', subnet_ids: subnetNames.map((s) => ref(`aws_subnet.${s}`)), tags: { Name: name } },
    computed: ['arn', 'name_prefix', 'supported_network_types', 'vpc_id', 'tags_all'],
  };
}

export function dbInstance(name: string, options: { engine?: string; port?: number; publicly_accessible?: Spec; network_type?: string; securityGroups?: string[]; subnetGroup?: string } = {}): ResourceSpec {
  const values: { [key: string]: Spec } = {
    identifier: name.replace(/_/g, '-'), engine: options.engine ?? 'postgres', engine_version: '16.3', instance_class: 'db.t4g.micro',
    allocated_storage: 20, storage_encrypted: true, username: 'app', skip_final_snapshot: true,
    publicly_accessible: options.publicly_accessible ?? true,
    db_subnet_group_name: ref(`aws_db_subnet_group.${options.subnetGroup ?? 'main'}`, 'name'),
    vpc_security_group_ids: (options.securityGroups ?? ['db']).map((g) => ref(`aws_security_group.${g}`)),
    tags: { Name: name },
  };
  if (options.port !== undefined) values['port'] = options.port;
  if (options.network_type !== undefined) values['network_type'] = options.network_type;
  return {
    type: 'aws_db_instance', name, values,
    computed: [
      'arn', 'address', 'endpoint', 'hosted_zone_id', 'resource_id', 'status', 'availability_zone', 'ca_cert_identifier', 'tags_all',
      ...(options.port === undefined ? ['port'] : []), ...(options.network_type === undefined ? ['network_type'] : []),
    ],
  };
}

/** Allow every TCP port inbound and the ephemeral ports outbound, from/to anywhere. */
export const OPEN_INBOUND: AclEntry = { rule_no: 100, action: 'allow', protocol: 'tcp', from_port: 5432, to_port: 5432, cidr_block: '0.0.0.0/0' };
export const OPEN_EPHEMERAL: AclEntry = { rule_no: 100, action: 'allow', protocol: 'tcp', from_port: 1024, to_port: 65535, cidr_block: '0.0.0.0/0' };

/** The whole path holds over IPv4: publicly accessible, igw route, open NACL both ways, SG 5432 from 0.0.0.0/0. */
export function reachableNetwork(): ResourceSpec[] {
  return [
    vpc('main', '10.20.0.0/16'),
    internetGateway('main', 'main'),
    subnet('db_a', 'main', '10.20.1.0/24', 'eu-west-1a'),
    subnet('db_b', 'main', '10.20.2.0/24', 'eu-west-1b'),
    routeTable('public', 'main', [inlineRoute({ cidr_block: '0.0.0.0/0' }, { gateway_id: ref('aws_internet_gateway.main') })]),
    association('db_a', 'db_a', 'public'),
    association('db_b', 'db_b', 'public'),
    networkAcl('db', 'main', ['db_a', 'db_b'], [OPEN_INBOUND], [OPEN_EPHEMERAL]),
    securityGroup('db', 'main', [{ protocol: 'tcp', from_port: 5432, to_port: 5432, cidr_blocks: ['0.0.0.0/0'], description: 'PostgreSQL' }]),
    dbSubnetGroup('main', ['db_a', 'db_b']),
    dbInstance('main'),
  ];
}

/** Replaces the resources of the same address. */
export function replace(specs: ResourceSpec[], ...replacements: ResourceSpec[]): ResourceSpec[] {
  const key = (s: ResourceSpec): string => `${s.mode ?? 'managed'}|${s.type}.${s.name}`;
  const byKey = new Map(replacements.map((r) => [key(r), r]));
  const out = specs.map((s) => byKey.get(key(s)) ?? s);
  for (const r of replacements) if (!specs.some((s) => key(s) === key(r))) out.push(r);
  return out;
}

export function without(specs: ResourceSpec[], ...addresses: string[]): ResourceSpec[] {
  return specs.filter((s) => !addresses.includes(`${s.mode === 'data' ? 'data.' : ''}${s.type}.${s.name}`));
}
