import {
  association, dbInstance, dbSubnetGroup, inlineRoute, internetGateway, networkAcl, OPEN_EPHEMERAL, OPEN_INBOUND, reachableNetwork,
  replace, routeTable, securityGroup, subnet, vpc, without,
} from './network-layout.js';
import { ref, type ResourceSpec } from './plan-builder.js';

/** What each policy reports about the fixture's database. */
export type Expected = 'fail' | 'unknown' | 'none';

/**
 * One plan per way the path from the internet to a database can hold or break (issue 3), with what
 * `db-internet-reachable` and `db-publicly-accessible` must report for its database.
 */
export interface NetworkCase {
  name: string;
  /** Why the path holds or breaks, for the reader of the fixture list. */
  about: string;
  database: string;
  reachable: Expected;
  publiclyAccessible: Expected;
  /** Also a case of db-publicly-accessible (its own examples folder). */
  alsoForPubliclyAccessible?: boolean;
  specs: ResourceSpec[];
}

const DB = 'aws_db_instance.main';
const igwRoute = inlineRoute({ cidr_block: '0.0.0.0/0' }, { gateway_id: ref('aws_internet_gateway.main') });

export const NETWORK_CASES: NetworkCase[] = [
  {
    name: 'reachable-ipv4',
    about: 'publicly accessible, 0.0.0.0/0 → igw, NACL open both ways, SG 5432 from 0.0.0.0/0',
    database: DB, reachable: 'fail', publiclyAccessible: 'none', alsoForPubliclyAccessible: true,
    specs: reachableNetwork(),
  },
  {
    name: 'reachable-ipv6',
    about: 'dual-stack database: IPv4 leaves through a NAT gateway, but ::/0 → igw, IPv6 NACL entries and SG ::/0 complete the path',
    database: DB, reachable: 'fail', publiclyAccessible: 'none',
    specs: replace(
      reachableNetwork(),
      vpc('main', '10.20.0.0/16', { assign_generated_ipv6_cidr_block: true }, ['ipv6_cidr_block']),
      subnet('db_a', 'main', '10.20.1.0/24', 'eu-west-1a', { ipv6_cidr_block: ref('aws_vpc.main', 'ipv6_cidr_block') }),
      subnet('db_b', 'main', '10.20.2.0/24', 'eu-west-1b', { ipv6_cidr_block: ref('aws_vpc.main', 'ipv6_cidr_block') }),
      subnet('public', 'main', '10.20.0.0/24', 'eu-west-1a'),
      { type: 'aws_eip', name: 'nat', values: { domain: 'vpc', tags: { Name: 'nat' } }, computed: ['allocation_id', 'public_ip', 'public_dns', 'tags_all'] },
      { type: 'aws_nat_gateway', name: 'main', values: { allocation_id: ref('aws_eip.nat'), subnet_id: ref('aws_subnet.public'), connectivity_type: 'public' }, computed: ['network_interface_id', 'private_ip', 'public_ip'] },
      routeTable('public', 'main', [
        inlineRoute({ cidr_block: '0.0.0.0/0' }, { nat_gateway_id: ref('aws_nat_gateway.main') }),
        inlineRoute({ ipv6_cidr_block: '::/0' }, { gateway_id: ref('aws_internet_gateway.main') }),
      ]),
      networkAcl('db', 'main', ['db_a', 'db_b'],
        [{ rule_no: 100, action: 'allow', protocol: 'tcp', from_port: 5432, to_port: 5432, ipv6_cidr_block: '::/0' }],
        [{ rule_no: 100, action: 'allow', protocol: 'tcp', from_port: 1024, to_port: 65535, ipv6_cidr_block: '::/0' }]),
      securityGroup('db', 'main', [{ protocol: 'tcp', from_port: 5432, to_port: 5432, ipv6_cidr_blocks: ['::/0'], description: 'PostgreSQL over IPv6' }]),
      dbInstance('main', { network_type: 'DUAL' }),
    ),
  },
  {
    name: 'no-internet-gateway',
    about: 'no internet gateway in the VPC: the route table has only its local route',
    database: DB, reachable: 'none', publiclyAccessible: 'fail', alsoForPubliclyAccessible: true,
    specs: replace(without(reachableNetwork(), 'aws_internet_gateway.main'), routeTable('public', 'main', [])),
  },
  {
    name: 'gateway-attached-to-another-vpc',
    about: 'the route names an internet gateway that is attached to another VPC',
    database: DB, reachable: 'none', publiclyAccessible: 'fail',
    specs: replace(reachableNetwork(), vpc('shared', '10.30.0.0/16'), internetGateway('main', 'shared')),
  },
  {
    name: 'route-only-via-nat-gateway',
    about: 'the database subnets route 0.0.0.0/0 to a NAT gateway; only the public subnet routes to the igw',
    database: DB, reachable: 'none', publiclyAccessible: 'fail', alsoForPubliclyAccessible: true,
    specs: replace(
      reachableNetwork(),
      subnet('public', 'main', '10.20.0.0/24', 'eu-west-1a', { map_public_ip_on_launch: true }),
      { type: 'aws_eip', name: 'nat', values: { domain: 'vpc', tags: { Name: 'nat' } }, computed: ['allocation_id', 'public_ip', 'public_dns', 'tags_all'] },
      { type: 'aws_nat_gateway', name: 'main', values: { allocation_id: ref('aws_eip.nat'), subnet_id: ref('aws_subnet.public'), connectivity_type: 'public' }, computed: ['network_interface_id', 'private_ip', 'public_ip'] },
      routeTable('private', 'main', [inlineRoute({ cidr_block: '0.0.0.0/0' }, { nat_gateway_id: ref('aws_nat_gateway.main') })]),
      association('db_a', 'db_a', 'private'),
      association('db_b', 'db_b', 'private'),
      association('public', 'public', 'public'),
    ),
  },
  {
    name: 'route-table-of-another-vpc',
    about: 'the subnets are "associated" with a route table of another VPC (with an igw route); their own VPC main table has none',
    database: DB, reachable: 'none', publiclyAccessible: 'fail',
    specs: replace(
      reachableNetwork(),
      vpc('other', '10.40.0.0/16'),
      internetGateway('other', 'other'),
      routeTable('public', 'other', [inlineRoute({ cidr_block: '0.0.0.0/0' }, { gateway_id: ref('aws_internet_gateway.other') })]),
      { type: 'aws_default_route_table', name: 'main', values: { default_route_table_id: ref('aws_vpc.main', 'default_route_table_id'), route: [], tags: { Name: 'main' } }, computed: ['arn', 'owner_id', 'vpc_id', 'propagating_vgws', 'tags_all'] },
    ),
  },
  {
    name: 'main-route-table',
    about: 'no explicit association: the VPC main table (aws_default_route_table) routes 0.0.0.0/0 to the igw',
    database: DB, reachable: 'fail', publiclyAccessible: 'none',
    specs: replace(
      without(reachableNetwork(), 'aws_route_table.public', 'aws_route_table_association.db_a', 'aws_route_table_association.db_b'),
      { type: 'aws_default_route_table', name: 'main', values: { default_route_table_id: ref('aws_vpc.main', 'default_route_table_id'), route: [igwRoute], tags: { Name: 'main' } }, computed: ['arn', 'owner_id', 'vpc_id', 'propagating_vgws', 'tags_all'] },
    ),
  },
  {
    name: 'explicit-association-overrides-main',
    about: 'the main table routes 0.0.0.0/0 to the igw, but the subnets are explicitly associated with a private table',
    database: DB, reachable: 'none', publiclyAccessible: 'fail',
    specs: replace(
      reachableNetwork(),
      { type: 'aws_default_route_table', name: 'main', values: { default_route_table_id: ref('aws_vpc.main', 'default_route_table_id'), route: [igwRoute], tags: { Name: 'main' } }, computed: ['arn', 'owner_id', 'vpc_id', 'propagating_vgws', 'tags_all'] },
      routeTable('private', 'main', []),
      association('db_a', 'db_a', 'private'),
      association('db_b', 'db_b', 'private'),
    ),
  },
  {
    name: 'implicit-main-route-table',
    about: 'no association and no managed main table: a new VPC\'s main table holds only its local route',
    database: DB, reachable: 'none', publiclyAccessible: 'fail',
    specs: without(reachableNetwork(), 'aws_route_table_association.db_a', 'aws_route_table_association.db_b'),
  },
  {
    name: 'nacl-denies-inbound',
    about: 'NACL rule 90 denies TCP 5432 from 0.0.0.0/0 before rule 100 allows all TCP',
    database: DB, reachable: 'none', publiclyAccessible: 'fail', alsoForPubliclyAccessible: true,
    specs: replace(reachableNetwork(), networkAcl('db', 'main', ['db_a', 'db_b'], [
      { rule_no: 90, action: 'deny', protocol: 'tcp', from_port: 5432, to_port: 5432, cidr_block: '0.0.0.0/0' },
      { rule_no: 100, action: 'allow', protocol: 'tcp', from_port: 0, to_port: 65535, cidr_block: '0.0.0.0/0' },
    ], [OPEN_EPHEMERAL])),
  },
  {
    name: 'nacl-denies-ephemeral-outbound',
    about: 'NACL allows the request in, but outbound only TCP 443, then denies everything: no reply to an ephemeral port',
    database: DB, reachable: 'none', publiclyAccessible: 'fail',
    specs: replace(reachableNetwork(), networkAcl('db', 'main', ['db_a', 'db_b'], [OPEN_INBOUND], [
      { rule_no: 100, action: 'allow', protocol: 'tcp', from_port: 443, to_port: 443, cidr_block: '0.0.0.0/0' },
      { rule_no: 200, action: 'deny', protocol: '-1', from_port: 0, to_port: 0, cidr_block: '0.0.0.0/0' },
    ])),
  },
  {
    name: 'nacl-client-ranges-differ',
    about: 'NACL allows 5432 in from 52.0.0.0/8 and replies out to 34.0.0.0/8: no single client passes both ways',
    database: DB, reachable: 'none', publiclyAccessible: 'fail',
    specs: replace(reachableNetwork(), networkAcl('db', 'main', ['db_a', 'db_b'],
      [{ ...OPEN_INBOUND, cidr_block: '52.0.0.0/8' }],
      [{ ...OPEN_EPHEMERAL, cidr_block: '34.0.0.0/8' }])),
  },
  {
    name: 'nacl-client-ranges-overlap',
    about: 'NACL allows 5432 in from 52.0.0.0/8 and replies to 52.16.0.0/12 (after denying 52.16.0.0/16): the witness is 52.24.0.0/13',
    database: DB, reachable: 'fail', publiclyAccessible: 'none',
    specs: replace(reachableNetwork(), networkAcl('db', 'main', ['db_a', 'db_b'],
      [{ ...OPEN_INBOUND, cidr_block: '52.0.0.0/8' }],
      [
        { rule_no: 50, action: 'deny', protocol: '-1', from_port: 0, to_port: 0, cidr_block: '52.16.0.0/13' },
        { ...OPEN_EPHEMERAL, cidr_block: '52.16.0.0/12' },
      ])),
  },
  {
    name: 'sg-open-on-another-port',
    about: 'the security group opens 22 and 3306 to the world, but the database listens on 5432',
    database: DB, reachable: 'none', publiclyAccessible: 'fail',
    specs: replace(reachableNetwork(), securityGroup('db', 'main', [
      { protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] },
      { protocol: 'tcp', from_port: 3306, to_port: 3306, cidr_blocks: ['0.0.0.0/0'] },
    ])),
  },
  {
    name: 'sg-source-is-security-group',
    about: 'the database port is open only to the application\'s security group (which itself is open to the world on 443)',
    database: DB, reachable: 'none', publiclyAccessible: 'fail',
    specs: replace(
      reachableNetwork(),
      securityGroup('app', 'main', [{ protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['0.0.0.0/0'] }]),
      securityGroup('db', 'main', [{ protocol: 'tcp', from_port: 5432, to_port: 5432, security_groups: [ref('aws_security_group.app')] }]),
    ),
  },
  {
    name: 'not-publicly-accessible',
    about: 'the whole network path holds, but publicly_accessible = false: the instance has no public address',
    database: DB, reachable: 'none', publiclyAccessible: 'none', alsoForPubliclyAccessible: true,
    specs: replace(reachableNetwork(), dbInstance('main', { publicly_accessible: false })),
  },
  {
    name: 'cidr-unknown-at-plan-time',
    about: 'the only rule opening 5432 takes its CIDR from an Elastic IP known only after apply',
    database: DB, reachable: 'unknown', publiclyAccessible: 'fail', alsoForPubliclyAccessible: true,
    specs: replace(
      reachableNetwork(),
      { type: 'aws_eip', name: 'office', values: { domain: 'vpc', tags: { Name: 'office' } }, computed: ['allocation_id', 'public_ip', 'public_dns', 'tags_all'] },
      {
        type: 'aws_security_group', name: 'db',
        values: { name: 'db', description: 'db security group', vpc_id: ref('aws_vpc.main'), revoke_rules_on_delete: false, tags: { Name: 'db' } },
        computed: ['arn', 'owner_id', 'name_prefix', 'ingress', 'egress', 'tags_all'],
      },
      {
        type: 'aws_vpc_security_group_ingress_rule', name: 'db_office',
        values: { security_group_id: ref('aws_security_group.db'), ip_protocol: 'tcp', from_port: 5432, to_port: 5432, cidr_ipv4: ref('aws_eip.office', 'public_ip'), description: 'office' },
        computed: ['arn', 'security_group_rule_id', 'tags_all'],
      },
    ),
  },
  {
    name: 'standalone-resources-aurora',
    about: 'the path written with standalone resources (aws_route, aws_internet_gateway_attachment, aws_network_acl_rule, aws_network_acl_association, aws_security_group_rule) to an Aurora cluster instance on its engine default port',
    database: 'aws_rds_cluster_instance.writer', reachable: 'fail', publiclyAccessible: 'none',
    specs: [
      ...without(reachableNetwork(), 'aws_internet_gateway.main', 'aws_route_table.public', 'aws_network_acl.db', 'aws_security_group.db', 'aws_db_instance.main'),
      internetGateway('main', null),
      { type: 'aws_internet_gateway_attachment', name: 'main', values: { internet_gateway_id: ref('aws_internet_gateway.main'), vpc_id: ref('aws_vpc.main') } },
      { type: 'aws_route_table', name: 'public', values: { vpc_id: ref('aws_vpc.main'), tags: { Name: 'public' } }, computed: ['arn', 'owner_id', 'route', 'propagating_vgws', 'tags_all'] },
      {
        type: 'aws_route', name: 'internet',
        values: { route_table_id: ref('aws_route_table.public'), destination_cidr_block: '0.0.0.0/0', gateway_id: ref('aws_internet_gateway.main') },
        computed: ['instance_id', 'instance_owner_id', 'network_interface_id', 'origin', 'state'],
      },
      { type: 'aws_network_acl', name: 'db', values: { vpc_id: ref('aws_vpc.main'), tags: { Name: 'db' } }, computed: ['arn', 'owner_id', 'ingress', 'egress', 'subnet_ids', 'tags_all'] },
      { type: 'aws_network_acl_association', name: 'db_a', values: { network_acl_id: ref('aws_network_acl.db'), subnet_id: ref('aws_subnet.db_a') } },
      { type: 'aws_network_acl_association', name: 'db_b', values: { network_acl_id: ref('aws_network_acl.db'), subnet_id: ref('aws_subnet.db_b') } },
      { type: 'aws_network_acl_rule', name: 'postgres_in', values: { network_acl_id: ref('aws_network_acl.db'), rule_number: 110, egress: false, protocol: 'tcp', rule_action: 'allow', cidr_block: '0.0.0.0/0', from_port: 5432, to_port: 5432 } },
      { type: 'aws_network_acl_rule', name: 'ephemeral_out', values: { network_acl_id: ref('aws_network_acl.db'), rule_number: 110, egress: true, protocol: '6', rule_action: 'allow', cidr_block: '0.0.0.0/0', from_port: 32768, to_port: 65535 } },
      {
        type: 'aws_security_group', name: 'db',
        values: { name: 'db', description: 'db security group', vpc_id: ref('aws_vpc.main'), revoke_rules_on_delete: false, tags: { Name: 'db' } },
        computed: ['arn', 'owner_id', 'name_prefix', 'ingress', 'egress', 'tags_all'],
      },
      {
        type: 'aws_security_group_rule', name: 'db_postgres',
        values: { security_group_id: ref('aws_security_group.db'), type: 'ingress', protocol: 'tcp', from_port: 5432, to_port: 5432, cidr_blocks: ['0.0.0.0/0'], self: false },
        computed: ['security_group_rule_id', 'source_security_group_id', 'prefix_list_ids', 'ipv6_cidr_blocks'],
      },
      {
        type: 'aws_rds_cluster', name: 'main',
        values: {
          cluster_identifier: 'main', engine: 'aurora-postgresql', engine_version: '16.2', master_username: 'app', skip_final_snapshot: true,
          db_subnet_group_name: ref('aws_db_subnet_group.main', 'name'), vpc_security_group_ids: [ref('aws_security_group.db')], storage_encrypted: true,
          tags: { Name: 'main' },
        },
        computed: ['arn', 'endpoint', 'reader_endpoint', 'port', 'cluster_members', 'cluster_resource_id', 'hosted_zone_id', 'tags_all'],
      },
      {
        type: 'aws_rds_cluster_instance', name: 'writer',
        values: {
          identifier: 'main-writer', cluster_identifier: ref('aws_rds_cluster.main'), engine: 'aurora-postgresql', instance_class: 'db.r6g.large',
          publicly_accessible: true, tags: { Name: 'writer' },
        },
        computed: ['arn', 'endpoint', 'port', 'db_subnet_group_name', 'availability_zone', 'dbi_resource_id', 'writer', 'tags_all'],
      },
    ],
  },
  {
    name: 'existing-network-known-ids',
    about: 'the network exists already (no-op, ids known): edges resolve by id; a new MySQL instance on port 3306 joins it',
    database: DB, reachable: 'fail', publiclyAccessible: 'none',
    specs: existing([
      vpc('main', '10.20.0.0/16'),
      internetGateway('main', 'main'),
      subnet('db_a', 'main', '10.20.1.0/24', 'eu-west-1a'),
      subnet('db_b', 'main', '10.20.2.0/24', 'eu-west-1b'),
      routeTable('public', 'main', [igwRoute]),
      association('db_a', 'db_a', 'public'),
      association('db_b', 'db_b', 'public'),
      networkAcl('db', 'main', ['db_a', 'db_b'], [{ ...OPEN_INBOUND, from_port: 3306, to_port: 3306 }], [OPEN_EPHEMERAL]),
      securityGroup('db', 'main', [{ protocol: 'tcp', from_port: 3306, to_port: 3306, cidr_blocks: ['0.0.0.0/0'], description: 'MySQL' }]),
      { ...dbSubnetGroup('main', ['db_a', 'db_b']), values: { ...dbSubnetGroup('main', ['db_a', 'db_b']).values, id: 'main' } },
    ]).concat([dbInstance('main', { engine: 'mysql' })]),
  },
];

/** Marks resources as existing (no-op): their ids are known and references to them resolve by id. */
function existing(specs: ResourceSpec[]): ResourceSpec[] {
  return specs.map((s) => ({ ...s, action: 'no-op' as const }));
}

/** Extra cases of db-publicly-accessible only. */
export const PUBLICLY_ACCESSIBLE_ONLY_CASES: NetworkCase[] = [
  {
    name: 'publicly-accessible-unknown',
    about: 'publicly_accessible comes from a value known only after apply, and the subnets have no route to an internet gateway',
    database: DB, reachable: 'none', publiclyAccessible: 'unknown',
    specs: replace(
      without(reachableNetwork(), 'aws_internet_gateway.main'),
      routeTable('public', 'main', []),
      { type: 'terraform_data', name: 'flags', values: { input: 'public' }, computed: ['output'] },
      dbInstance('main', { publicly_accessible: ref('terraform_data.flags', 'output') }),
    ),
  },
];

