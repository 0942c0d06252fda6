import fc from 'fast-check';
import { oddString } from './hostile-values.js';

/**
 * Plausible `terraform show -json` plans: a network in the root module or in a module instance
 * (`module.db["orders"]`, `module.app[0]`, nested calls) with a VPC, counted or for_each subnets,
 * an internet gateway, a route table and its associations, a network ACL, security groups with
 * inline rules, separate rule resources of both kinds, a DB subnet group and DB instances; each
 * attribute known, known only after apply (`after_unknown`) or sensitive (`after_sensitive`); and
 * the `configuration` references between them that the engine resolves ids through. Enough for the
 * policies and the network reachability solver to run, not only the parser's rejection path.
 */

/** How an attribute appears in the plan. */
type Knowledge = 'known' | 'unknown' | 'sensitive';
const knowledge: fc.Arbitrary<Knowledge> = fc.oneof({ weight: 12, arbitrary: fc.constant('known' as const) }, fc.constant('unknown' as const), fc.constant('sensitive' as const));

interface Attribute {
  value: unknown;
  as: Knowledge;
}
const attribute = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<Attribute> => fc.record({ value, as: knowledge });
const knownAttribute = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<Attribute> => value.map((v) => ({ value: v, as: 'known' as const }));
const unknownAttribute: fc.Arbitrary<Attribute> = fc.constant({ value: null, as: 'unknown' as const });

const port = fc.constantFrom<number>(0, 22, 80, 443, 1433, 3306, 3389, 5432, 1024, 6379, 65535, -1);
const ipv4Sources = fc.subarray(['0.0.0.0/0', '10.0.0.0/8', '203.0.113.0/24', '198.51.100.7/32', '1.0.0.0/1']);
const ipv6Sources = fc.subarray(['::/0', '2001:db8::/32', '2000::/3']);
const protocol = fc.constantFrom('tcp', 'udp', '-1', 'all', '6', 'icmp', 'TCP');

/** An inline `ingress`/`egress` rule of aws_security_group. */
const anyRule = fc.record({
  from_port: port,
  to_port: port,
  protocol,
  cidr_blocks: ipv4Sources,
  ipv6_cidr_blocks: ipv6Sources,
  prefix_list_ids: fc.constant([]),
  security_groups: fc.constant([]),
  self: fc.boolean(),
  description: oddString,
});
type Rule = typeof anyRule extends fc.Arbitrary<infer T> ? T : never;
const openRule = (port: number): Rule => ({ from_port: port, to_port: port, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: 'open' });
/** Often SSH open to the world: the case sg-open-ingress must never miss. */
const inlineRule = fc.oneof({ weight: 3, arbitrary: anyRule }, fc.constant(openRule(22)));

const tags = fc.dictionary(fc.oneof(fc.constantFrom('Environment', 'Owner', 'Name', 'CostCenter'), oddString), oddString, { maxKeys: 4 });

/** Where the network lives: its module address, and the module call path in `configuration`. */
const MODULES: readonly { address: string; calls: string[] }[] = [
  { address: '', calls: [] },
  { address: 'module.net', calls: ['net'] },
  { address: 'module.db["orders"]', calls: ['db'] },
  { address: 'module.app[0]', calls: ['app'] },
  { address: 'module.outer.module.inner["a b"]', calls: ['outer', 'inner'] },
];

interface ResourceSpec {
  type: string;
  name: string;
  index?: number | string;
  attributes: Record<string, Attribute>;
  /** Attribute → addresses (module-relative, without index) it refers to in the configuration. */
  references: Record<string, string[]>;
  actions: readonly string[];
  /** `count` or `for_each` in the configuration. */
  expansion?: 'count' | 'for_each';
}

const actions: fc.Arbitrary<string[]> = fc.oneof({ weight: 8, arbitrary: fc.constant<string[]>(['create']) }, fc.constantFrom<string[]>(['update'], ['no-op'], ['delete', 'create'], ['create', 'delete'], ['delete'], ['read']));

const network = fc.record({
  module: fc.constantFrom(...MODULES),
  /** An update of an existing network: ids are known; else a first apply, where they are known only after apply. */
  idsKnown: fc.boolean(),
  /** The first database is made reachable from the internet on every condition (see `expose`). */
  exposed: fc.oneof({ weight: 2, arbitrary: fc.constant(false) }, fc.constant(true)),
  vpcCidr: attribute(fc.constantFrom('10.0.0.0/16', '172.16.0.0/12', 'not-a-cidr')),
  subnets: fc.array(fc.record({ cidr: attribute(fc.constantFrom('10.0.1.0/24', '10.0.2.0/24', '10.0.0.0/16')), public: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  subnetsByForEach: fc.boolean(),
  igw: fc.boolean(),
  defaultRoute: fc.option(fc.record({ cidr: fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '0.0.0.0/1'), target: fc.constantFrom('gateway_id', 'nat_gateway_id', 'transit_gateway_id') })),
  nacl: fc.option(
    fc.array(fc.record({ rule_no: fc.integer({ min: 1, max: 32766 }), action: fc.constantFrom('allow', 'deny'), protocol: fc.constantFrom('tcp', '-1', '6'), from_port: port, to_port: port, cidr_block: fc.constantFrom('0.0.0.0/0', '10.0.0.0/8'), egress: fc.boolean() }), { maxLength: 4 }),
  ),
  groups: fc.array(fc.record({ ingress: attribute(fc.array(inlineRule, { maxLength: 3 })), egress: knownAttribute(fc.array(inlineRule, { maxLength: 1 })), tags: attribute(tags), actions }), { minLength: 1, maxLength: 3 }),
  ruleResources: fc.array(
    fc.record({ group: fc.nat(), separate: fc.boolean(), rule: inlineRule, cidrs: attribute(ipv4Sources) }),
    { maxLength: 3 },
  ),
  databases: fc.array(
    fc.record({
      engine: attribute(fc.oneof(fc.constantFrom('mysql', 'postgres', 'oracle-ee', 'sqlserver-ex', 'aurora-mysql', 'mariadb'), oddString)),
      port: fc.oneof(unknownAttribute, knownAttribute(fc.constantFrom(null, 3306, 5432, 1521, 1433, 0, 70000))),
      publicly_accessible: attribute(fc.boolean()),
      storage_encrypted: attribute(fc.boolean()),
      group: fc.nat(),
      tags: attribute(tags),
      actions,
    }),
    { maxLength: 2 },
  ),
  volumes: fc.array(fc.record({ encrypted: attribute(fc.boolean()), tags: attribute(tags) }), { maxLength: 2 }),
});

type Network = typeof network extends fc.Arbitrary<infer T> ? T : never;

const known = (value: unknown): Attribute => ({ value, as: 'known' });

/** The network with its first database open to the internet: IGW, default route to it, no NACL, MySQL allowed from 0.0.0.0/0. */
function expose(net: Network): Network {
  const [group, ...groups] = net.groups;
  const database = { engine: known('mysql'), port: known(3306), publicly_accessible: known(true), storage_encrypted: known(true), group: 0, tags: known({}), actions: ['create'] };
  return {
    ...net,
    igw: true,
    defaultRoute: { cidr: '0.0.0.0/0', target: 'gateway_id' },
    nacl: null,
    groups: [{ ...group!, ingress: known([openRule(3306)]), actions: ['create'] }, ...groups],
    databases: [database, ...net.databases.slice(1)],
  };
}

function specs(net: Network): ResourceSpec[] {
  const out: ResourceSpec[] = [];
  const unknown: Attribute = { value: null, as: 'unknown' };
  const id = (value: unknown): Attribute => (net.idsKnown ? known(value) : unknown);
  const subnetIds = id(net.subnets.map((_s, i) => `subnet-000${i}`));
  const create = ['create'];
  out.push({ type: 'aws_vpc', name: 'main', attributes: { cidr_block: net.vpcCidr, id: id('vpc-0a1b2c3d'), tags_all: known({ Environment: 'prod', Owner: 'net' }) }, references: {}, actions: create });
  if (net.igw) out.push({ type: 'aws_internet_gateway', name: 'gw', attributes: { vpc_id: id('vpc-0a1b2c3d'), id: id('igw-0a1b2c3d') }, references: { vpc_id: ['aws_vpc.main'] }, actions: create });
  net.subnets.forEach((subnet, i) => {
    out.push({
      type: 'aws_subnet',
      name: 'private',
      index: net.subnetsByForEach ? `zone-${i}` : i,
      expansion: net.subnetsByForEach ? 'for_each' : 'count',
      attributes: { cidr_block: subnet.cidr, vpc_id: id('vpc-0a1b2c3d'), id: id(`subnet-000${i}`), map_public_ip_on_launch: known(subnet.public) },
      references: { vpc_id: ['aws_vpc.main'] },
      actions: create,
    });
  });
  if (net.defaultRoute) {
    const targets = { gateway_id: 'igw-0a1b2c3d', nat_gateway_id: 'nat-0a1b2c3d', transit_gateway_id: 'tgw-0a1b2c3d' };
    const route = { cidr_block: net.defaultRoute.cidr, ipv6_cidr_block: '', gateway_id: '', nat_gateway_id: '', transit_gateway_id: '', [net.defaultRoute.target]: targets[net.defaultRoute.target] };
    out.push({ type: 'aws_route_table', name: 'public', attributes: { vpc_id: id('vpc-0a1b2c3d'), id: id('rtb-0a1b2c3d'), route: known([route]) }, references: { vpc_id: ['aws_vpc.main'], route: net.igw ? ['aws_internet_gateway.gw'] : [] }, actions: create });
    net.subnets.forEach((_s, i) =>
      out.push({
        type: 'aws_route_table_association',
        name: 'public',
        index: net.subnetsByForEach ? `zone-${i}` : i,
        expansion: net.subnetsByForEach ? 'for_each' : 'count',
        attributes: { subnet_id: id(`subnet-000${i}`), route_table_id: id('rtb-0a1b2c3d') },
        references: { subnet_id: ['aws_subnet.private'], route_table_id: ['aws_route_table.public'] },
        actions: create,
      }),
    );
  }
  if (net.nacl) {
    const rules = net.nacl.map(({ egress: _e, ...rule }) => ({ ...rule, ipv6_cidr_block: '', icmp_code: 0, icmp_type: 0 }));
    out.push({
      type: 'aws_network_acl',
      name: 'main',
      attributes: { vpc_id: id('vpc-0a1b2c3d'), subnet_ids: subnetIds, ingress: known(rules.filter((_r, i) => !net.nacl![i]!.egress)), egress: known(rules.filter((_r, i) => net.nacl![i]!.egress)) },
      references: { vpc_id: ['aws_vpc.main'], subnet_ids: ['aws_subnet.private'] },
      actions: create,
    });
  }
  net.groups.forEach((group, i) => {
    out.push({ type: 'aws_security_group', name: `sg${i}`, attributes: { vpc_id: id('vpc-0a1b2c3d'), id: id(`sg-000${i}`), name: known(`sg${i}`), ingress: group.ingress, egress: group.egress, tags: group.tags }, references: { vpc_id: ['aws_vpc.main'] }, actions: group.actions });
  });
  net.ruleResources.forEach(({ group, separate, rule, cidrs }, i) => {
    const target = `aws_security_group.sg${group % net.groups.length}`;
    const groupId = id(`sg-000${group % net.groups.length}`);
    if (separate) {
      out.push({
        type: 'aws_vpc_security_group_ingress_rule',
        name: `rule${i}`,
        attributes: { security_group_id: groupId, ip_protocol: known(rule.protocol), from_port: known(rule.from_port), to_port: known(rule.to_port), cidr_ipv4: cidrs.as === 'known' ? known((cidrs.value as string[])[0] ?? null) : cidrs },
        references: { security_group_id: [target] },
        actions: create,
      });
    } else {
      out.push({
        type: 'aws_security_group_rule',
        name: `rule${i}`,
        attributes: { type: known('ingress'), security_group_id: groupId, protocol: known(rule.protocol), from_port: known(rule.from_port), to_port: known(rule.to_port), cidr_blocks: cidrs, self: known(rule.self) },
        references: { security_group_id: [target] },
        actions: create,
      });
    }
  });
  if (net.databases.length > 0) {
    out.push({ type: 'aws_db_subnet_group', name: 'db', attributes: { name: id('db-subnets'), id: id('db-subnets'), subnet_ids: subnetIds }, references: { subnet_ids: ['aws_subnet.private'] }, actions: create });
  }
  net.databases.forEach((db, i) => {
    out.push({
      type: 'aws_db_instance',
      name: `db${i}`,
      attributes: {
        engine: db.engine,
        port: db.port,
        publicly_accessible: db.publicly_accessible,
        storage_encrypted: db.storage_encrypted,
        vpc_security_group_ids: id([`sg-000${db.group % net.groups.length}`]),
        db_subnet_group_name: id('db-subnets'),
        password: { value: 'hunter2-generated', as: 'sensitive' },
        tags: db.tags,
      },
      references: { vpc_security_group_ids: [`aws_security_group.sg${db.group % net.groups.length}`], db_subnet_group_name: ['aws_db_subnet_group.db'] },
      actions: db.actions,
    });
  });
  net.volumes.forEach((volume, i) => out.push({ type: 'aws_ebs_volume', name: `data${i}`, attributes: { encrypted: volume.encrypted, size: { value: 10, as: 'known' }, tags: volume.tags }, references: {}, actions: create }));
  return out;
}

function indexText(index: number | string | undefined): string {
  return index === undefined ? '' : typeof index === 'number' ? `[${index}]` : `[${JSON.stringify(index)}]`;
}

function resourceChange(spec: ResourceSpec, moduleAddress: string): Record<string, unknown> {
  const after: Record<string, unknown> = {};
  const afterUnknown: Record<string, unknown> = {};
  const afterSensitive: Record<string, unknown> = {};
  for (const [name, { value, as }] of Object.entries(spec.attributes)) {
    if (as === 'unknown') {
      afterUnknown[name] = true;
      continue;
    }
    after[name] = value;
    if (as === 'sensitive') afterSensitive[name] = true;
  }
  const local = `${spec.type}.${spec.name}${indexText(spec.index)}`;
  const deleted = spec.actions.length === 1 && spec.actions[0] === 'delete';
  return {
    address: moduleAddress ? `${moduleAddress}.${local}` : local,
    ...(moduleAddress ? { module_address: moduleAddress } : {}),
    mode: spec.actions[0] === 'read' ? 'data' : 'managed',
    type: spec.type,
    name: spec.name,
    ...(spec.index === undefined ? {} : { index: spec.index }),
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions: spec.actions,
      before: spec.actions[0] === 'create' ? null : after,
      after: deleted ? null : after,
      after_unknown: afterUnknown,
      before_sensitive: false,
      after_sensitive: afterSensitive,
    },
  };
}

/** The `configuration` section: each resource once (not per instance) with its references, inside its module calls. */
function configuration(resources: readonly ResourceSpec[], calls: readonly string[]): Record<string, unknown> {
  const seen = new Map<string, Record<string, unknown>>();
  for (const spec of resources) {
    const address = `${spec.type}.${spec.name}`;
    if (seen.has(address)) continue;
    const expressions = Object.fromEntries(Object.entries(spec.references).map(([name, targets]) => [name, { references: targets.flatMap((t) => [`${t}.id`, t]) }]));
    seen.set(address, {
      address,
      mode: spec.actions[0] === 'read' ? 'data' : 'managed',
      type: spec.type,
      name: spec.name,
      provider_config_key: 'aws',
      expressions,
      ...(spec.expansion === 'count' ? { count_expression: { constant_value: 3 } } : {}),
      ...(spec.expansion === 'for_each' ? { for_each_expression: { references: ['var.zones'] } } : {}),
    });
  }
  let module: Record<string, unknown> = { resources: [...seen.values()] };
  for (const call of [...calls].reverse()) module = { module_calls: { [call]: { source: `./modules/${call}`, module } } };
  return { provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws' } }, root_module: module };
}

export interface GeneratedPlan {
  document: Record<string, unknown>;
  /** Addresses the engine must read (every change but a plain delete). */
  addresses: string[];
  /** Security groups with a known inline ingress rule that opens TCP 22 to 0.0.0.0/0: sg-open-ingress must fail them. */
  openToSsh: string[];
  /** A database reachable from the internet on every condition, whose path the plan spells out: db-internet-reachable must fail it. */
  reachable?: string;
}

function opensSsh(ingress: Attribute, actions: readonly string[]): boolean {
  // Data sources and deleted groups are not checked.
  if (ingress.as !== 'known' || actions[0] === 'read' || (actions.length === 1 && actions[0] === 'delete')) return false;
  return (ingress.value as { protocol: string; from_port: number; to_port: number; cidr_blocks: string[] }[]).some(
    (rule) => rule.protocol === 'tcp' && rule.from_port === 22 && rule.to_port === 22 && rule.cidr_blocks.includes('0.0.0.0/0'),
  );
}

export const planArbitrary: fc.Arbitrary<GeneratedPlan> = fc
  .record({ net: network, formatVersion: fc.constantFrom('0.1', '0.2', '1.0', '1.1', '1.2'), withConfiguration: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false)) })
  .map(({ net: generated, formatVersion, withConfiguration }) => {
    const net = generated.exposed ? expose(generated) : generated;
    const resources = specs(net);
    const prefix = net.module.address;
    const changes = resources.map((spec) => resourceChange(spec, prefix));
    const document: Record<string, unknown> = {
      format_version: formatVersion,
      terraform_version: '1.9.8',
      planned_values: { root_module: {} },
      resource_changes: changes,
      ...(withConfiguration ? { configuration: configuration(resources, net.module.calls) } : {}),
      applyable: true,
      complete: true,
      errored: false,
    };
    const live = (spec: ResourceSpec): boolean => !(spec.actions.length === 1 && spec.actions[0] === 'delete');
    const address = (spec: ResourceSpec): string => changes[resources.indexOf(spec)]!['address'] as string;
    return {
      document,
      addresses: resources.filter(live).map(address),
      ...(net.exposed && (net.idsKnown || withConfiguration) ? { reachable: address(resources.find((r) => r.name === 'db0')!) } : {}),
      openToSsh: net.groups.flatMap((group, i) => (opensSsh(group.ingress, group.actions) ? [address(resources.find((r) => r.name === `sg${i}`)!)] : [])),
    };
  });
