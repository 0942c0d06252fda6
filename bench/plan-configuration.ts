import type { Json, JsonObject } from './plan-resources.js';

/**
 * The `configuration` section of the benchmark plan: one block per resource (not per instance), the
 * module calls `env` (for_each) → `service` (for_each), and expressions whose `references` carry the
 * edges the plan engine must follow while ids are unknown (a rule's security_group_id, an instance's
 * subnet through a module variable).
 */
const refs = (...references: string[]): JsonObject => ({ references });
const constant = (value: Json): JsonObject => ({ constant_value: value });

function block(address: string, expressions: JsonObject, extra: JsonObject = {}): JsonObject {
  const [type, name] = address.split('.') as [string, string];
  return { address, mode: 'managed', type, name, provider_config_key: 'aws', expressions, schema_version: 0, ...extra };
}

const countOf = (n: number): JsonObject => ({ count_expression: constant(n) });

function networkResources(): Json[] {
  return [
    block('aws_internet_gateway.this', { tags: refs('var.tags'), vpc_id: refs('aws_vpc.this.id', 'aws_vpc.this') }),
    block('aws_route.public_internet', {
      destination_cidr_block: constant('0.0.0.0/0'),
      gateway_id: refs('aws_internet_gateway.this.id', 'aws_internet_gateway.this'),
      route_table_id: refs('aws_route_table.public.id', 'aws_route_table.public'),
    }),
    block('aws_route_table.private', { tags: refs('var.tags'), vpc_id: refs('aws_vpc.this.id', 'aws_vpc.this') }, countOf(3)),
    block('aws_route_table.public', { tags: refs('var.tags'), vpc_id: refs('aws_vpc.this.id', 'aws_vpc.this') }),
    block('aws_route_table_association.private', {
      route_table_id: refs('aws_route_table.private', 'count.index'),
      subnet_id: refs('aws_subnet.private', 'count.index'),
    }, countOf(3)),
    block('aws_route_table_association.public', {
      route_table_id: refs('aws_route_table.public.id', 'aws_route_table.public'),
      subnet_id: refs('aws_subnet.public', 'count.index'),
    }, countOf(3)),
    block('aws_subnet.private', {
      availability_zone: refs('var.azs', 'count.index'), cidr_block: refs('var.cidr', 'count.index'), tags: refs('var.tags'),
      vpc_id: refs('aws_vpc.this.id', 'aws_vpc.this'),
    }, countOf(3)),
    block('aws_subnet.public', {
      availability_zone: refs('var.azs', 'count.index'), cidr_block: refs('var.cidr', 'count.index'), map_public_ip_on_launch: constant(true),
      tags: refs('var.tags'), vpc_id: refs('aws_vpc.this.id', 'aws_vpc.this'),
    }, countOf(3)),
    block('aws_vpc.this', { cidr_block: refs('var.cidr'), enable_dns_hostnames: constant(true), tags: refs('var.tags') }),
  ];
}

function serviceResources(): Json[] {
  const sgIngress = (from: number, to: number, cidrs: string[], description: string): JsonObject => ({
    cidr_blocks: constant(cidrs), description: constant(description), from_port: constant(from), protocol: constant('tcp'), to_port: constant(to),
  });
  return [
    block('aws_db_instance.db', {
      allocated_storage: constant(50), db_name: constant('app'), db_subnet_group_name: refs('aws_db_subnet_group.db.name', 'aws_db_subnet_group.db'),
      deletion_protection: constant(true), engine: constant('postgres'), engine_version: constant('16.3'), identifier: refs('var.name'),
      instance_class: constant('db.r6g.large'), multi_az: constant(true), password: refs('var.db_password'), storage_encrypted: constant(true),
      tags: refs('var.tags'), username: constant('app'), vpc_security_group_ids: refs('aws_security_group.db.id', 'aws_security_group.db'),
    }),
    block('aws_db_subnet_group.db', { name: refs('var.name'), subnet_ids: refs('var.private_subnet_ids'), tags: refs('var.tags') }),
    block('aws_instance.app', {
      ami: refs('var.ami'), instance_type: constant('m6i.large'), metadata_options: [{ http_tokens: constant('required') }], monitoring: constant(true),
      subnet_id: refs('var.private_subnet_ids', 'count.index'), tags: refs('var.tags'),
      vpc_security_group_ids: refs('aws_security_group.app.id', 'aws_security_group.app'),
    }, countOf(2)),
    block('aws_s3_bucket.assets', { bucket: refs('var.name'), tags: refs('var.tags') }),
    block('aws_s3_bucket_public_access_block.assets', {
      block_public_acls: constant(true), block_public_policy: constant(true), bucket: refs('aws_s3_bucket.assets.id', 'aws_s3_bucket.assets'),
      ignore_public_acls: constant(true), restrict_public_buckets: constant(true),
    }),
    block('aws_s3_bucket_server_side_encryption_configuration.assets', {
      bucket: refs('aws_s3_bucket.assets.id', 'aws_s3_bucket.assets'),
      rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: constant('aws:kms') }], bucket_key_enabled: constant(true) }],
    }),
    block('aws_s3_bucket_versioning.assets', {
      bucket: refs('aws_s3_bucket.assets.id', 'aws_s3_bucket.assets'), versioning_configuration: [{ status: constant('Enabled') }],
    }),
    block('aws_security_group.app', {
      description: constant('application servers'),
      egress: [{ cidr_blocks: constant(['0.0.0.0/0']), from_port: constant(0), protocol: constant('-1'), to_port: constant(0) }],
      ingress: [sgIngress(443, 443, ['0.0.0.0/0'], 'https'), sgIngress(22, 22, ['10.0.0.0/8'], 'ssh from the corporate network')],
      name: refs('var.name'), tags: refs('var.tags'), vpc_id: refs('var.vpc_id'),
    }),
    block('aws_security_group.db', { description: constant('database'), name: refs('var.name'), tags: refs('var.tags'), vpc_id: refs('var.vpc_id') }),
    block('aws_security_group_rule.app_extra', {
      cidr_blocks: refs('var.extra_cidrs', 'count.index'), description: constant('extra ports'), from_port: refs('var.extra_ports', 'count.index'),
      protocol: constant('tcp'), security_group_id: refs('aws_security_group.app.id', 'aws_security_group.app'),
      to_port: refs('var.extra_ports', 'count.index'), type: constant('ingress'),
    }, countOf(2)),
    block('aws_vpc_security_group_ingress_rule.db_admin', {
      cidr_ipv4: refs('var.admin_cidr'), description: constant('admin network'), from_port: constant(5432), ip_protocol: constant('tcp'),
      security_group_id: refs('aws_security_group.db.id', 'aws_security_group.db'), to_port: constant(5432),
    }),
    block('aws_vpc_security_group_ingress_rule.db_from_app', {
      description: constant('app to db'), from_port: constant(5432), ip_protocol: constant('tcp'),
      referenced_security_group_id: refs('aws_security_group.app.id', 'aws_security_group.app'),
      security_group_id: refs('aws_security_group.db.id', 'aws_security_group.db'), to_port: constant(5432),
    }),
  ];
}

const variables = (...names: string[]): JsonObject => Object.fromEntries(names.map((n) => [n, { description: n.replaceAll('_', ' ') }]));

export function planConfiguration(defaultTags: Record<string, string>): JsonObject {
  return {
    provider_config: {
      aws: {
        name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', version_constraint: '~> 5.60',
        expressions: { default_tags: [{ tags: constant(defaultTags) }], region: refs('var.region') },
      },
    },
    root_module: {
      outputs: { vpc_ids: { expression: refs('module.env') } },
      module_calls: {
        env: {
          source: './modules/env',
          expressions: { azs: refs('var.azs'), cidr: refs('each.value.cidr'), db_password: refs('var.db_password'), name: refs('each.key'), services: refs('each.value.services'), tags: refs('each.value.tags') },
          for_each_expression: refs('var.environments'),
          module: {
            outputs: { vpc_id: { expression: refs('aws_vpc.this.id', 'aws_vpc.this'), description: 'VPC id' } },
            resources: networkResources(),
            module_calls: {
              service: {
                source: '../service',
                expressions: {
                  admin_cidr: constant('203.0.113.0/24'), ami: constant('ami-0c55b159cbfafe1f0'), db_password: refs('var.db_password'),
                  extra_cidrs: refs('each.value.extra_cidrs'), extra_ports: refs('each.value.extra_ports'), name: refs('each.key'),
                  private_subnet_ids: refs('aws_subnet.private'), tags: refs('each.value.tags'),
                  vpc_id: refs('aws_vpc.this.id', 'aws_vpc.this'),
                },
                for_each_expression: refs('var.services'),
                module: {
                  outputs: { app_security_group_id: { expression: refs('aws_security_group.app.id', 'aws_security_group.app') } },
                  resources: serviceResources(),
                  variables: variables('admin_cidr', 'ami', 'db_password', 'extra_cidrs', 'extra_ports', 'name', 'private_subnet_ids', 'tags', 'vpc_id'),
                },
              },
            },
            variables: variables('azs', 'cidr', 'db_password', 'name', 'services', 'tags'),
          },
        },
      },
      variables: { ...variables('azs', 'environments', 'region'), db_password: { description: 'master password', sensitive: true } },
    },
  };
}
