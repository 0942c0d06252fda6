import type { Resource } from './resource.js';

/**
 * Resource types whose name is their identity: AWS finds them by it and the AWS provider uses it as
 * their Terraform `id`. Other resources name them by it (`db_subnet_group_name = "app-db"`,
 * `cluster_identifier = "ledger"`), so the name links them even while a plan shows the `id` as known
 * only after apply, or when HCL has no `id` at all.
 */
const NAME_ATTRIBUTE: Readonly<Record<string, string>> = {
  aws_db_subnet_group: 'name',
  aws_db_parameter_group: 'name',
  aws_rds_cluster_parameter_group: 'name',
  aws_db_option_group: 'name',
  aws_redshift_parameter_group: 'name',
  aws_rds_cluster: 'cluster_identifier',
  // Provider v5 gives the instance its resource id as `id`; replicas still name their source by identifier.
  aws_db_instance: 'identifier',
};

/** The name a resource is known by, as RDS compares names (case-insensitively: it stores them lower-case). */
export function nameIdentityOf(resource: Resource): string | undefined {
  const attribute = NAME_ATTRIBUTE[resource.type];
  const name = attribute === undefined ? undefined : resource.values[attribute];
  return typeof name === 'string' && name !== '' ? normaliseName(name) : undefined;
}

export function normaliseName(name: string): string {
  return name.toLowerCase();
}
