/**
 * Redshift's own cluster parameter groups (`default.redshift-1.0`): created in every region, read-only,
 * every parameter at its engine default (so require_ssl is false).
 */
export function isDefaultRedshiftParameterGroup(name: string): boolean {
  return name.startsWith('default.');
}

/** The group of a cluster created without `cluster_parameter_group_name`. */
export const DEFAULT_REDSHIFT_PARAMETER_GROUP = 'default.redshift-1.0';
