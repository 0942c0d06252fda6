/**
 * Resource changes as Terraform 1.9 with AWS provider 5.x writes them in `terraform show -json`:
 * `after`, `after_unknown` and `after_sensitive` for each resource type of the benchmark plan. An
 * existing resource (a no-op) has known ids and empty masks of the same shape; a new one has its
 * computed attributes unknown, and ids that reference other resources only in the configuration.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface ChangeValues {
  after: JsonObject;
  afterUnknown: JsonObject;
  afterSensitive: JsonObject;
}

/** What a resource builder knows about its place in the plan. */
export interface BuildContext {
  /** True when the resource already exists (no-op, in prior_state); false when it is created. */
  existing: boolean;
  /** A unique number for deterministic ids. */
  serial: number;
  region: string;
  account: string;
  /** Effective tags (default_tags merged with the resource's own). */
  tags: Record<string, string>;
  tagsAll: Record<string, string>;
  /** Ids of the resources this one points at, when they exist (undefined: unknown until apply). */
  refs: Record<string, string | string[] | undefined>;
}

export function hexId(prefix: string, serial: number, length = 17): string {
  let h = '';
  let x = (serial * 2654435761) >>> 0;
  for (let i = 0; i < length; i++) {
    h += ((x >>> ((i % 8) * 4)) & 0xf).toString(16);
    if (i % 8 === 7) x = (Math.imul(x, 1103515245) + 12345) >>> 0;
  }
  return `${prefix}-${h}`;
}

/** Builds the masks: computed attributes are `true` in after_unknown for a new resource, absent from `after`. */
function finish(ctx: BuildContext, known: JsonObject, computed: JsonObject, unknownShape: JsonObject, sensitive: JsonObject = {}): ChangeValues {
  const tagMasks: JsonObject = { ...(known['tags'] !== undefined && known['tags'] !== null ? { tags: {} } : {}), tags_all: {} };
  if (ctx.existing) {
    return {
      after: sortKeys({ ...known, ...computed }),
      afterUnknown: sortKeys({ ...unknownShape, ...tagMasks }),
      afterSensitive: sortKeys({ ...unknownShape, ...tagMasks, ...sensitive }),
    };
  }
  const unknown: JsonObject = { ...unknownShape, ...tagMasks };
  for (const key of Object.keys(computed)) unknown[key] = true;
  return { after: sortKeys(known), afterUnknown: sortKeys(unknown), afterSensitive: sortKeys({ ...unknownShape, ...tagMasks, ...sensitive }) };
}

function sortKeys(object: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(object).sort()) out[key] = object[key]!;
  return out;
}

function arn(ctx: BuildContext, service: string, resource: string): string {
  return `arn:aws:${service}:${ctx.region}:${ctx.account}:${resource}`;
}

function tagsOf(ctx: BuildContext): JsonObject {
  return { tags: Object.keys(ctx.tags).length > 0 ? ctx.tags : null, tags_all: ctx.tagsAll };
}

function ref(ctx: BuildContext, name: string): JsonObject {
  const value = ctx.refs[name];
  return value === undefined ? {} : { [name]: value };
}

export function vpc(ctx: BuildContext, cidr: string): ChangeValues {
  const id = hexId('vpc', ctx.serial);
  return finish(
    ctx,
    {
      assign_generated_ipv6_cidr_block: null, cidr_block: cidr, enable_dns_hostnames: true, enable_dns_support: true,
      enable_network_address_usage_metrics: false, instance_tenancy: 'default', ipv4_ipam_pool_id: null, ipv4_netmask_length: null,
      ipv6_ipam_pool_id: null, ipv6_netmask_length: null, ...tagsOf(ctx),
    },
    {
      arn: arn(ctx, 'ec2', `vpc/${id}`), default_network_acl_id: hexId('acl', ctx.serial), default_route_table_id: hexId('rtb', ctx.serial + 1),
      default_security_group_id: hexId('sg', ctx.serial + 2), dhcp_options_id: hexId('dopt', ctx.serial), id, ipv6_association_id: '',
      ipv6_cidr_block: '', ipv6_cidr_block_network_border_group: '', main_route_table_id: hexId('rtb', ctx.serial + 1), owner_id: ctx.account,
    },
    {},
  );
}

export function internetGateway(ctx: BuildContext): ChangeValues {
  const id = hexId('igw', ctx.serial);
  return finish(ctx, { ...tagsOf(ctx), timeouts: null, ...ref(ctx, 'vpc_id') }, { arn: arn(ctx, 'ec2', `internet-gateway/${id}`), id, owner_id: ctx.account, ...(ctx.refs['vpc_id'] ? {} : { vpc_id: '' }) }, {});
}

export function subnet(ctx: BuildContext, cidr: string, az: string, isPublic: boolean): ChangeValues {
  const id = hexId('subnet', ctx.serial);
  return finish(
    ctx,
    {
      assign_ipv6_address_on_creation: false, availability_zone: az, cidr_block: cidr, customer_owned_ipv4_pool: null,
      enable_dns64: false, enable_lni_at_device_index: null, enable_resource_name_dns_a_record_on_launch: false,
      enable_resource_name_dns_aaaa_record_on_launch: false, ipv6_cidr_block: null, ipv6_native: false, map_customer_owned_ip_on_launch: null,
      map_public_ip_on_launch: isPublic, outpost_arn: null, ...tagsOf(ctx), timeouts: null, ...ref(ctx, 'vpc_id'),
    },
    {
      arn: arn(ctx, 'ec2', `subnet/${id}`), availability_zone_id: `${ctx.region.slice(0, 3)}1-az${az.slice(-1) === 'a' ? 1 : az.slice(-1) === 'b' ? 2 : 3}`,
      id, ipv6_cidr_block_association_id: '', owner_id: ctx.account, private_dns_hostname_type_on_launch: 'ip-name',
      ...(ctx.refs['vpc_id'] ? {} : { vpc_id: '' }),
    },
    {},
  );
}

export function routeTable(ctx: BuildContext, routes: { cidr: string; gatewayId?: string | undefined }[]): ChangeValues {
  const id = hexId('rtb', ctx.serial);
  const route = routes.map((r) => ({
    carrier_gateway_id: '', cidr_block: r.cidr, core_network_arn: '', destination_prefix_list_id: '', egress_only_gateway_id: '',
    gateway_id: r.gatewayId ?? '', ipv6_cidr_block: '', local_gateway_id: '', nat_gateway_id: '', network_interface_id: '',
    transit_gateway_id: '', vpc_endpoint_id: '', vpc_peering_connection_id: '',
  }));
  const known = ctx.existing || routes.every((r) => r.gatewayId !== undefined);
  return finish(
    ctx,
    { ...(known ? { route } : {}), ...tagsOf(ctx), timeouts: null, ...ref(ctx, 'vpc_id') },
    { arn: arn(ctx, 'ec2', `route-table/${id}`), id, owner_id: ctx.account, propagating_vgws: [], ...(known ? {} : { route: [] }), ...(ctx.refs['vpc_id'] ? {} : { vpc_id: '' }) },
    known ? { route: route.map(() => ({})) } : {},
  );
}

export function route(ctx: BuildContext, cidr: string): ChangeValues {
  return finish(
    ctx,
    {
      carrier_gateway_id: null, core_network_arn: null, destination_cidr_block: cidr, destination_ipv6_cidr_block: null,
      destination_prefix_list_id: null, egress_only_gateway_id: null, local_gateway_id: null, nat_gateway_id: null, network_interface_id: null,
      timeouts: null, transit_gateway_id: null, vpc_endpoint_id: null, vpc_peering_connection_id: null, ...ref(ctx, 'gateway_id'), ...ref(ctx, 'route_table_id'),
    },
    {
      id: `r-${hexId('rtb', ctx.serial).slice(4)}1080289494`, instance_id: '', instance_owner_id: '', origin: 'CreateRoute', state: 'active',
      ...(ctx.refs['gateway_id'] ? {} : { gateway_id: '' }), ...(ctx.refs['route_table_id'] ? {} : { route_table_id: '' }),
    },
    {},
  );
}

export function routeTableAssociation(ctx: BuildContext): ChangeValues {
  return finish(
    ctx,
    { gateway_id: null, timeouts: null, ...ref(ctx, 'route_table_id'), ...ref(ctx, 'subnet_id') },
    { id: hexId('rtbassoc', ctx.serial), ...(ctx.refs['route_table_id'] ? {} : { route_table_id: '' }), ...(ctx.refs['subnet_id'] ? {} : { subnet_id: '' }) },
    {},
  );
}

export interface InlineRule {
  from: number;
  to: number;
  protocol: string;
  cidrs: string[];
  description: string;
}

export function securityGroup(ctx: BuildContext, name: string, description: string, ingress: InlineRule[], egressAll: boolean): ChangeValues {
  const block = (r: InlineRule): JsonObject => ({
    cidr_blocks: r.cidrs, description: r.description, from_port: r.from, ipv6_cidr_blocks: [], prefix_list_ids: [], protocol: r.protocol,
    security_groups: [], self: false, to_port: r.to,
  });
  const mask = (r: InlineRule): JsonObject => ({ cidr_blocks: r.cidrs.map(() => false), ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [] });
  const egress = egressAll ? [{ from: 0, to: 0, protocol: '-1', cidrs: ['0.0.0.0/0'], description: '' }] : [];
  const id = hexId('sg', ctx.serial);
  return finish(
    ctx,
    {
      description, egress: egress.map(block), ingress: ingress.map(block), name, revoke_rules_on_delete: false, ...tagsOf(ctx), timeouts: null,
      ...ref(ctx, 'vpc_id'),
    },
    { arn: arn(ctx, 'ec2', `security-group/${id}`), id, name_prefix: '', owner_id: ctx.account, ...(ctx.refs['vpc_id'] ? {} : { vpc_id: '' }) },
    { egress: egress.map(mask), ingress: ingress.map(mask) },
  );
}

export function securityGroupRule(ctx: BuildContext, type: 'ingress' | 'egress', from: number, to: number, cidrs: string[], description: string): ChangeValues {
  return finish(
    ctx,
    {
      cidr_blocks: cidrs, description, from_port: from, ipv6_cidr_blocks: null, prefix_list_ids: null, protocol: 'tcp', self: false,
      source_security_group_id: null, timeouts: null, to_port: to, type, ...ref(ctx, 'security_group_id'),
    },
    { id: `sgrule-${(ctx.serial * 7919) % 4294967291}`, security_group_rule_id: hexId('sgr', ctx.serial), ...(ctx.refs['security_group_id'] ? {} : { security_group_id: '' }) },
    { cidr_blocks: cidrs.map(() => false) },
  );
}

export function vpcIngressRule(ctx: BuildContext, port: number, source: { cidr: string } | { group: true }, description: string): ChangeValues {
  const id = hexId('sgr', ctx.serial);
  const known: JsonObject = {
    cidr_ipv4: 'cidr' in source ? source.cidr : null, cidr_ipv6: null, description, from_port: port, ip_protocol: 'tcp', prefix_list_id: null,
    ...('cidr' in source ? { referenced_security_group_id: null } : ref(ctx, 'referenced_security_group_id')), tags: null, to_port: port,
    ...ref(ctx, 'security_group_id'),
  };
  return finish(
    ctx,
    known,
    {
      arn: arn(ctx, 'ec2', `security-group-rule/${id}`), id, security_group_rule_id: id, tags_all: {},
      ...(ctx.refs['security_group_id'] ? {} : { security_group_id: '' }),
      ...('group' in source && !ctx.refs['referenced_security_group_id'] ? { referenced_security_group_id: '' } : {}),
    },
    {},
  );
}

export function instance(ctx: BuildContext, ami: string, type: string): ChangeValues {
  const id = hexId('i', ctx.serial);
  const rootDevice = { delete_on_termination: true, encrypted: true, iops: 3000, kms_key_id: '', tags: null, tags_all: {}, throughput: 125, volume_size: 20, volume_type: 'gp3' };
  return finish(
    ctx,
    {
      ami, credit_specification: [], get_password_data: false, hibernation: null, instance_initiated_shutdown_behavior: null, instance_type: type,
      launch_template: [], metadata_options: [{ http_endpoint: 'enabled', http_protocol_ipv6: 'disabled', http_put_response_hop_limit: 1, http_tokens: 'required', instance_metadata_tags: 'disabled' }],
      monitoring: true, source_dest_check: true, ...tagsOf(ctx), timeouts: null, user_data: 'a3d5e1c08b0d4f1c8e2d1f6f0b8b5f2f1b1e2c3d',
      user_data_replace_on_change: false, volume_tags: null, ...ref(ctx, 'subnet_id'), ...ref(ctx, 'vpc_security_group_ids'),
    },
    {
      arn: arn(ctx, 'ec2', `instance/${id}`), associate_public_ip_address: false, availability_zone: `${ctx.region}a`, cpu_core_count: 1,
      cpu_threads_per_core: 2, disable_api_stop: false, disable_api_termination: false, ebs_block_device: [], ebs_optimized: false,
      enclave_options: [{ enabled: false }], ephemeral_block_device: [], host_id: '', iam_instance_profile: '', id, instance_lifecycle: '',
      instance_state: 'running', ipv6_address_count: 0, ipv6_addresses: [], key_name: '', maintenance_options: [{ auto_recovery: 'default' }],
      network_interface: [], outpost_arn: '', password_data: '', placement_group: '', placement_partition_number: 0,
      primary_network_interface_id: hexId('eni', ctx.serial), private_dns: `ip-10-0-${ctx.serial % 250}-${ctx.serial % 199}.${ctx.region}.compute.internal`,
      private_ip: `10.0.${ctx.serial % 250}.${ctx.serial % 199}`, public_dns: '', public_ip: '', root_block_device: [rootDevice],
      secondary_private_ips: [], security_groups: [], spot_instance_request_id: '', tenancy: 'default',
      ...(ctx.refs['subnet_id'] ? {} : { subnet_id: '' }), ...(ctx.refs['vpc_security_group_ids'] ? {} : { vpc_security_group_ids: [] }),
    },
    { credit_specification: [], launch_template: [], metadata_options: [{}], ...(ctx.existing ? { root_block_device: [{ tags_all: {} }] } : {}) },
    {},
  );
}

export function dbSubnetGroup(ctx: BuildContext, name: string): ChangeValues {
  return finish(
    ctx,
    { description: 'Managed by Terraform', name, ...tagsOf(ctx), ...ref(ctx, 'subnet_ids') },
    { arn: arn(ctx, 'rds', `subgrp:${name}`), id: name, name_prefix: '', supported_network_types: ['IPV4'], vpc_id: hexId('vpc', ctx.serial), ...(ctx.refs['subnet_ids'] ? {} : { subnet_ids: [] }) },
    {},
  );
}

export function dbInstance(ctx: BuildContext, identifier: string, password: string): ChangeValues {
  const endpoint = `${identifier}.c1x2y3z4.${ctx.region}.rds.amazonaws.com`;
  return finish(
    ctx,
    {
      allocated_storage: 50, allow_major_version_upgrade: null, apply_immediately: false, auto_minor_version_upgrade: true, backup_retention_period: 7,
      blue_green_update: [], copy_tags_to_snapshot: true, custom_iam_instance_profile: null, customer_owned_ip_enabled: null, db_name: 'app',
      delete_automated_backups: true, deletion_protection: true, domain: null, engine: 'postgres', engine_version: '16.3', final_snapshot_identifier: null,
      iam_database_authentication_enabled: false, identifier, instance_class: 'db.r6g.large', manage_master_user_password: null, max_allocated_storage: 200,
      monitoring_interval: 0, multi_az: true, password, performance_insights_enabled: false, publicly_accessible: false, replicate_source_db: null,
      restore_to_point_in_time: [], s3_import: [], skip_final_snapshot: false, storage_encrypted: true, storage_type: 'gp3', ...tagsOf(ctx), timeouts: null,
      username: 'app', ...ref(ctx, 'db_subnet_group_name'), ...ref(ctx, 'vpc_security_group_ids'),
    },
    {
      address: endpoint, arn: arn(ctx, 'rds', `db:${identifier}`), availability_zone: `${ctx.region}a`, backup_target: 'region', backup_window: '03:00-03:30',
      ca_cert_identifier: 'rds-ca-rsa2048-g1', character_set_name: '', db_subnet_group_name_resolved: '', dedicated_log_volume: false,
      endpoint: `${endpoint}:5432`, engine_lifecycle_support: 'open-source-rds-extended-support', engine_version_actual: '16.3', hosted_zone_id: 'Z29XKXDKYMONMX',
      id: `db-${hexId('x', ctx.serial, 26).slice(2).toUpperCase()}`, iops: 3000, kms_key_id: arn(ctx, 'kms', `key/${hexId('k', ctx.serial, 32).slice(2)}`),
      latest_restorable_time: '', license_model: 'postgresql-license', listener_endpoint: [], maintenance_window: 'sun:04:00-sun:04:30',
      master_user_secret: [], monitoring_role_arn: '', nchar_character_set_name: '', network_type: 'IPV4', option_group_name: 'default:postgres-16',
      parameter_group_name: 'default.postgres16', port: 5432, replicas: [], resource_id: `db-${hexId('r', ctx.serial, 26).slice(2).toUpperCase()}`,
      status: 'available', storage_throughput: 125, timezone: '', upgrade_storage_config: null,
      ...(ctx.refs['db_subnet_group_name'] ? {} : { db_subnet_group_name: '' }), ...(ctx.refs['vpc_security_group_ids'] ? {} : { vpc_security_group_ids: [] }),
    },
    { blue_green_update: [], restore_to_point_in_time: [], s3_import: [] },
    { password: true },
  );
}

export function bucket(ctx: BuildContext, name: string): ChangeValues {
  return finish(
    ctx,
    { bucket: name, force_destroy: false, object_lock_enabled: false, ...tagsOf(ctx), timeouts: null },
    {
      acceleration_status: '', acl: null, arn: `arn:aws:s3:::${name}`, bucket_domain_name: `${name}.s3.amazonaws.com`, bucket_prefix: '',
      bucket_regional_domain_name: `${name}.s3.${ctx.region}.amazonaws.com`, cors_rule: [], grant: [], hosted_zone_id: 'Z1BKCTXD74EZPE', id: name,
      lifecycle_rule: [], logging: [], object_lock_configuration: [], policy: '', region: ctx.region, replication_configuration: [],
      request_payer: 'BucketOwner', server_side_encryption_configuration: [], versioning: [{ enabled: true, mfa_delete: false }], website: [],
      website_domain: null, website_endpoint: null,
    },
    {},
  );
}

export function bucketVersioning(ctx: BuildContext): ChangeValues {
  return finish(
    ctx,
    { expected_bucket_owner: null, mfa: null, versioning_configuration: [{ mfa_delete: null, status: 'Enabled' }], ...ref(ctx, 'bucket') },
    { id: String(ctx.refs['bucket'] ?? ''), ...(ctx.refs['bucket'] ? {} : { bucket: '' }) },
    { versioning_configuration: [{}] },
  );
}

export function bucketEncryption(ctx: BuildContext): ChangeValues {
  return finish(
    ctx,
    {
      expected_bucket_owner: null,
      rule: [{ apply_server_side_encryption_by_default: [{ kms_master_key_id: '', sse_algorithm: 'aws:kms' }], bucket_key_enabled: true }],
      ...ref(ctx, 'bucket'),
    },
    { id: String(ctx.refs['bucket'] ?? ''), ...(ctx.refs['bucket'] ? {} : { bucket: '' }) },
    { rule: [{ apply_server_side_encryption_by_default: [{}] }] },
  );
}

export function publicAccessBlock(ctx: BuildContext): ChangeValues {
  return finish(
    ctx,
    { block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true, ...ref(ctx, 'bucket') },
    { id: String(ctx.refs['bucket'] ?? ''), ...(ctx.refs['bucket'] ? {} : { bucket: '' }) },
    {},
  );
}
