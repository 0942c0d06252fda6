import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a network-heavy `terraform show -json` plan (format 1.2) of about `size` resources, for
 * bench/network.ts: many VPCs (`module.private_vpc["v0001"]`, `module.public_vpc[…]`, for_each),
 * each with an internet gateway, a NAT gateway, public and database subnets (count), a public route
 * table and one private table per database subnet, their associations, a database network ACL,
 * security groups (inline and standalone rules), a DB subnet group and PostgreSQL instances. In a
 * public VPC the database subnets use the public route table and the database group and ACL admit
 * 5432 from the internet; in a private one they route through the NAT gateway. Four in five VPCs
 * exist already (no-op, ids known); the rest are created, so their edges resolve only through the
 * configuration's references, as in a real plan. Minified and streamed, like bench/generate-plan.ts.
 */

const SUBNETS = 4;
const DATABASES = 4;
/** Resources per VPC: vpc, igw, eip, nat, 2×SUBNETS subnets, public table, SUBNETS private tables, 2×SUBNETS associations, nacl, 2 groups, 1 rule, subnet group, DATABASES instances. */
export const RESOURCES_PER_VPC = 4 + 2 * SUBNETS + 1 + SUBNETS + 2 * SUBNETS + 1 + 3 + 1 + DATABASES;
const PROVIDER = 'registry.terraform.io/hashicorp/aws';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** A value known only after apply: `after` omits it and `after_unknown` marks it. */
class Pending {
  readonly pending = true;
}
const UNKNOWN = new Pending();
type Value = Json | Pending | Value[] | { [key: string]: Value };

interface Change {
  address: string;
  moduleAddress: string;
  type: string;
  name: string;
  index?: number;
  existing: boolean;
  values: { [key: string]: Value };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function hex(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  const g = Math.imul(h ^ 0x9e3779b9, 2246822507) >>> 0;
  return (h.toString(16).padStart(8, '0') + g.toString(16).padStart(8, '0')).slice(0, 17).padEnd(17, '0');
}

/** The VPCs of a plan of about `size` resources; every fourth is public. */
export function vpcsFor(size: number): number {
  return Math.max(1, Math.round(size / RESOURCES_PER_VPC));
}

function vpcChanges(i: number): Change[] {
  const isPublic = i % 4 === 3;
  const key = `v${pad(i, 4)}`;
  const moduleAddress = `module.${isPublic ? 'public_vpc' : 'private_vpc'}["${key}"]`;
  const existing = i % 5 !== 4;
  const octet = i % 256;
  const out: Change[] = [];
  const idOf = (type: string, name: string, index: number | undefined, prefix: string): Value =>
    existing ? `${prefix}-${hex(`${moduleAddress}.${type}.${name}${index === undefined ? '' : `[${index}]`}`)}` : UNKNOWN;
  const add = (type: string, name: string, index: number | undefined, values: { [key: string]: Value }, computed: string[] = []): void => {
    const address = `${moduleAddress}.${type}.${name}${index === undefined ? '' : `[${index}]`}`;
    const all: { [key: string]: Value } = { ...values };
    for (const attribute of computed) if (!(attribute in all)) all[attribute] = existing ? null : UNKNOWN;
    out.push({ address, moduleAddress, type, name, ...(index === undefined ? {} : { index }), existing, values: all });
  };
  const tags = (name: string): Value => ({ Name: `${key}-${name}`, Environment: isPublic ? 'public' : 'private', Owner: 'network-team' });
  const vpcId = idOf('aws_vpc', 'this', undefined, 'vpc');
  const igwId = idOf('aws_internet_gateway', 'this', undefined, 'igw');
  const natId = idOf('aws_nat_gateway', 'this', undefined, 'nat');
  const subnetId = (kind: string, k: number): Value => idOf('aws_subnet', kind, k, 'subnet');
  const publicTableId = idOf('aws_route_table', 'public', undefined, 'rtb');

  add('aws_vpc', 'this', undefined, {
    id: vpcId, cidr_block: `10.${octet}.0.0/16`, enable_dns_hostnames: true, enable_dns_support: true, instance_tenancy: 'default',
    assign_generated_ipv6_cidr_block: false, ipv6_cidr_block: existing ? '' : UNKNOWN, tags: tags('vpc'),
    main_route_table_id: idOf('aws_vpc', 'main-rt', undefined, 'rtb'), default_network_acl_id: idOf('aws_vpc', 'default-acl', undefined, 'acl'),
    default_security_group_id: idOf('aws_vpc', 'default-sg', undefined, 'sg'), default_route_table_id: idOf('aws_vpc', 'main-rt', undefined, 'rtb'),
  }, ['arn', 'owner_id', 'dhcp_options_id', 'ipv6_association_id', 'tags_all']);
  add('aws_internet_gateway', 'this', undefined, { id: igwId, vpc_id: vpcId, tags: tags('igw') }, ['arn', 'owner_id', 'tags_all']);
  add('aws_eip', 'nat', undefined, { id: idOf('aws_eip', 'nat', undefined, 'eipalloc'), domain: 'vpc', tags: tags('nat') }, ['public_ip', 'allocation_id', 'public_dns', 'tags_all']);
  add('aws_nat_gateway', 'this', undefined, {
    id: natId, allocation_id: idOf('aws_eip', 'nat', undefined, 'eipalloc'), subnet_id: subnetId('public', 0), connectivity_type: 'public', tags: tags('nat'),
  }, ['network_interface_id', 'private_ip', 'public_ip', 'tags_all']);
  for (const kind of ['public', 'db']) {
    for (let k = 0; k < SUBNETS; k++) {
      add('aws_subnet', kind, k, {
        id: subnetId(kind, k), vpc_id: vpcId, cidr_block: `10.${octet}.${kind === 'public' ? k : 100 + k}.0/24`,
        availability_zone: `eu-west-1${'abc'[k % 3]}`, map_public_ip_on_launch: kind === 'public', tags: tags(`${kind}-${k}`),
      }, ['arn', 'owner_id', 'ipv6_cidr_block', 'tags_all']);
    }
  }
  const route = (cidr: string, target: { [key: string]: Value }): Value => ({
    carrier_gateway_id: '', cidr_block: cidr, core_network_arn: '', destination_prefix_list_id: '', egress_only_gateway_id: '', gateway_id: '',
    ipv6_cidr_block: '', local_gateway_id: '', nat_gateway_id: '', network_interface_id: '', transit_gateway_id: '', vpc_endpoint_id: '',
    vpc_peering_connection_id: '', ...target,
  });
  add('aws_route_table', 'public', undefined, { id: publicTableId, vpc_id: vpcId, route: [route('0.0.0.0/0', { gateway_id: igwId })], tags: tags('public') }, ['arn', 'owner_id', 'propagating_vgws', 'tags_all']);
  for (let k = 0; k < SUBNETS; k++) {
    add('aws_route_table', 'private', k, {
      id: idOf('aws_route_table', 'private', k, 'rtb'), vpc_id: vpcId,
      route: [route('0.0.0.0/0', { nat_gateway_id: natId }), route('172.16.0.0/12', { transit_gateway_id: 'tgw-0123456789abcdef0' })], tags: tags(`private-${k}`),
    }, ['arn', 'owner_id', 'propagating_vgws', 'tags_all']);
  }
  for (let k = 0; k < SUBNETS; k++) {
    add('aws_route_table_association', 'public', k, { id: idOf('aws_route_table_association', 'public', k, 'rtbassoc'), subnet_id: subnetId('public', k), route_table_id: publicTableId, gateway_id: null });
    const table = isPublic ? publicTableId : idOf('aws_route_table', 'private', k, 'rtb');
    add('aws_route_table_association', 'db', k, { id: idOf('aws_route_table_association', 'db', k, 'rtbassoc'), subnet_id: subnetId('db', k), route_table_id: table, gateway_id: null });
  }
  const entry = (rule: number, action: string, protocol: string, from: number, to: number, cidr: string): Value => ({
    rule_no: rule, action, protocol, from_port: from, to_port: to, cidr_block: cidr, ipv6_cidr_block: '', icmp_code: 0, icmp_type: 0,
  });
  add('aws_network_acl', 'db', undefined, {
    id: idOf('aws_network_acl', 'db', undefined, 'acl'), vpc_id: vpcId,
    subnet_ids: existing ? Array.from({ length: SUBNETS }, (_, k) => subnetId('db', k)) : UNKNOWN,
    ingress: [
      entry(100, 'allow', 'tcp', 5432, 5432, '10.0.0.0/8'),
      ...(isPublic ? [entry(110, 'allow', 'tcp', 5432, 5432, '0.0.0.0/0')] : []),
      entry(120, 'allow', 'tcp', 1024, 65535, '0.0.0.0/0'),
      entry(200, 'deny', '-1', 0, 0, '0.0.0.0/0'),
    ],
    egress: [entry(100, 'allow', 'tcp', 1024, 65535, '0.0.0.0/0'), entry(110, 'allow', 'tcp', 443, 443, '0.0.0.0/0')],
    tags: tags('db'),
  }, ['arn', 'owner_id', 'tags_all']);
  const sgRule = (protocol: string, from: number, to: number, cidrs: string[], groups: Value[]): Value => ({
    cidr_blocks: cidrs, description: '', from_port: from, ipv6_cidr_blocks: [], prefix_list_ids: [], protocol, security_groups: groups, self: false, to_port: to,
  });
  const appGroup = idOf('aws_security_group', 'app', undefined, 'sg');
  const dbGroup = idOf('aws_security_group', 'db', undefined, 'sg');
  const allOut = [sgRule('-1', 0, 0, ['0.0.0.0/0'], [])];
  add('aws_security_group', 'app', undefined, { id: appGroup, name: `${key}-app`, vpc_id: vpcId, ingress: [sgRule('tcp', 443, 443, ['0.0.0.0/0'], [])], egress: allOut, tags: tags('app') }, ['arn', 'owner_id', 'tags_all']);
  add('aws_security_group', 'db', undefined, {
    id: dbGroup, name: `${key}-db`, vpc_id: vpcId,
    ingress: [sgRule('tcp', 5432, 5432, [], [appGroup]), ...(isPublic ? [sgRule('tcp', 5432, 5432, ['0.0.0.0/0'], [])] : [])],
    egress: allOut, tags: tags('db'),
  }, ['arn', 'owner_id', 'tags_all']);
  add('aws_security_group_rule', 'db_admin', undefined, {
    id: idOf('aws_security_group_rule', 'db_admin', undefined, 'sgrule'), security_group_id: dbGroup, type: 'ingress', protocol: 'tcp',
    from_port: 5432, to_port: 5432, cidr_blocks: ['10.0.0.0/8'], self: false,
  }, ['security_group_rule_id', 'source_security_group_id']);
  add('aws_db_subnet_group', 'this', undefined, {
    id: existing ? `${key}-db` : UNKNOWN, name: `${key}-db`, subnet_ids: existing ? Array.from({ length: SUBNETS }, (_, k) => subnetId('db', k)) : UNKNOWN, tags: tags('db'),
  }, ['arn', 'vpc_id', 'supported_network_types', 'tags_all']);
  for (let d = 0; d < DATABASES; d++) {
    add('aws_db_instance', 'db', d, {
      id: existing ? `db-${hex(`${moduleAddress}.db${d}`).toUpperCase().slice(0, 26)}` : UNKNOWN, identifier: `${key}-db-${d}`, engine: 'postgres', engine_version: '16.3',
      instance_class: 'db.t4g.medium', allocated_storage: 50, storage_encrypted: true, publicly_accessible: d === 0,
      db_subnet_group_name: `${key}-db`, vpc_security_group_ids: existing ? [dbGroup] : UNKNOWN, port: existing ? 5432 : UNKNOWN,
      username: 'app', tags: tags(`db-${d}`),
    }, ['arn', 'address', 'endpoint', 'resource_id', 'status', 'tags_all']);
  }
  return out;
}

/** `after` and `after_unknown` from values with UNKNOWN leaves (a mask is left out where nothing is unknown). */
function split(value: Value): { after: Json | undefined; unknown: Json | undefined } {
  if (value instanceof Pending) return { after: undefined, unknown: true };
  if (Array.isArray(value)) {
    const parts = value.map(split);
    const any = parts.some((p) => p.unknown !== undefined);
    return { after: parts.map((p) => p.after ?? null), unknown: any ? parts.map((p) => p.unknown ?? false) : undefined };
  }
  if (typeof value === 'object' && value !== null) {
    const after: JsonObject = {};
    const unknown: JsonObject = {};
    for (const [k, v] of Object.entries(value as { [key: string]: Value })) {
      const part = split(v);
      if (part.after !== undefined) after[k] = part.after;
      if (part.unknown !== undefined) unknown[k] = part.unknown;
    }
    return { after, unknown: Object.keys(unknown).length > 0 ? unknown : undefined };
  }
  return { after: value, unknown: undefined };
}

function changeJson(change: Change): string {
  const { after, unknown } = split(change.values);
  return JSON.stringify({
    address: change.address, module_address: change.moduleAddress, mode: 'managed', type: change.type, name: change.name,
    ...(change.index === undefined ? {} : { index: change.index }), provider_name: PROVIDER,
    change: {
      actions: [change.existing ? 'no-op' : 'create'], before: change.existing ? after : null, after, after_unknown: unknown ?? {},
      before_sensitive: change.existing ? {} : false, after_sensitive: {},
    },
  });
}

function plannedJson(change: Change): string {
  const { after } = split(change.values);
  return JSON.stringify({
    address: change.address, mode: 'managed', type: change.type, name: change.name, ...(change.index === undefined ? {} : { index: change.index }),
    provider_name: PROVIDER, schema_version: 0, values: after, sensitive_values: {},
  });
}

const refs = (...list: string[]): Json => ({ references: list });
const constant = (value: Json): Json => ({ constant_value: value });

/** The configuration of one VPC module; the public and private modules differ in where database subnets route. */
function moduleConfiguration(isPublic: boolean): JsonObject {
  const resource = (type: string, name: string, expressions: JsonObject, count?: number): Json => ({
    address: `${type}.${name}`, mode: 'managed', type, name, provider_config_key: 'aws', expressions, schema_version: 0,
    ...(count === undefined ? {} : { count_expression: constant(count) }),
  });
  const vpc = refs('aws_vpc.this.id', 'aws_vpc.this');
  return {
    resources: [
      resource('aws_vpc', 'this', { cidr_block: refs('var.cidr'), enable_dns_hostnames: constant(true), tags: refs('var.name') }),
      resource('aws_internet_gateway', 'this', { vpc_id: vpc }),
      resource('aws_eip', 'nat', { domain: constant('vpc') }),
      resource('aws_nat_gateway', 'this', { allocation_id: refs('aws_eip.nat.id', 'aws_eip.nat'), subnet_id: refs('aws_subnet.public[0].id', 'aws_subnet.public[0]', 'aws_subnet.public') }),
      resource('aws_subnet', 'public', { vpc_id: vpc, cidr_block: refs('var.cidr', 'count.index'), map_public_ip_on_launch: constant(true) }, SUBNETS),
      resource('aws_subnet', 'db', { vpc_id: vpc, cidr_block: refs('var.cidr', 'count.index') }, SUBNETS),
      resource('aws_route_table', 'public', { vpc_id: vpc, route: [{ cidr_block: constant('0.0.0.0/0'), gateway_id: refs('aws_internet_gateway.this.id', 'aws_internet_gateway.this') }] }),
      resource('aws_route_table', 'private', {
        vpc_id: vpc,
        route: [
          { cidr_block: constant('0.0.0.0/0'), nat_gateway_id: refs('aws_nat_gateway.this.id', 'aws_nat_gateway.this') },
          { cidr_block: constant('172.16.0.0/12'), transit_gateway_id: refs('var.transit_gateway_id') },
        ],
      }, SUBNETS),
      resource('aws_route_table_association', 'public', { subnet_id: refs('aws_subnet.public', 'count.index'), route_table_id: refs('aws_route_table.public.id', 'aws_route_table.public') }, SUBNETS),
      resource('aws_route_table_association', 'db', {
        subnet_id: refs('aws_subnet.db', 'count.index'),
        route_table_id: isPublic ? refs('aws_route_table.public.id', 'aws_route_table.public') : refs('aws_route_table.private', 'count.index'),
      }, SUBNETS),
      resource('aws_network_acl', 'db', { vpc_id: vpc, subnet_ids: refs('aws_subnet.db'), ingress: [], egress: [] }),
      resource('aws_security_group', 'app', { vpc_id: vpc, name: refs('var.name'), ingress: [], egress: [] }),
      resource('aws_security_group', 'db', { vpc_id: vpc, name: refs('var.name'), ingress: [{ security_groups: refs('aws_security_group.app.id', 'aws_security_group.app') }], egress: [] }),
      resource('aws_security_group_rule', 'db_admin', { security_group_id: refs('aws_security_group.db.id', 'aws_security_group.db'), type: constant('ingress') }),
      resource('aws_db_subnet_group', 'this', { name: refs('var.name'), subnet_ids: refs('aws_subnet.db') }),
      resource('aws_db_instance', 'db', {
        identifier: refs('var.name', 'count.index'), engine: constant('postgres'), publicly_accessible: refs('count.index'),
        db_subnet_group_name: refs('aws_db_subnet_group.this.name', 'aws_db_subnet_group.this'),
        vpc_security_group_ids: refs('aws_security_group.db.id', 'aws_security_group.db'),
      }, DATABASES),
    ],
  };
}

/** Writes the plan to `path` (atomically) and returns the number of resource changes. */
export function generateNetworkPlan(path: string, size: number): number {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w');
  let buffer = '';
  const write = (text: string): void => {
    buffer += text;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  };
  const vpcs = vpcsFor(size);
  let count = 0;
  try {
    write('{"format_version":"1.2","terraform_version":"1.9.8","planned_values":{"root_module":{"child_modules":[');
    for (let i = 0; i < vpcs; i++) {
      const changes = vpcChanges(i);
      write(`${i ? ',' : ''}{"address":${JSON.stringify(changes[0]!.moduleAddress)},"resources":[${changes.map(plannedJson).join(',')}]}`);
    }
    write(']}},"resource_changes":[');
    for (let i = 0; i < vpcs; i++) {
      for (const change of vpcChanges(i)) write(`${count++ ? ',' : ''}${changeJson(change)}`);
    }
    const call = (isPublic: boolean): Json => ({
      source: './modules/vpc', for_each_expression: refs('local.vpcs'), expressions: { name: refs('each.key'), cidr: refs('each.value') }, module: moduleConfiguration(isPublic),
    });
    write(`],"configuration":${JSON.stringify({
      provider_config: { aws: { name: 'aws', full_name: PROVIDER, expressions: { region: constant('eu-west-1') } } },
      root_module: { module_calls: { private_vpc: call(false), public_vpc: call(true) } },
    })},"timestamp":"2025-01-15T10:00:00Z","applyable":true,"complete":true,"errored":false}\n`);
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  return count;
}
