/**
 * The RDS API also serves Neptune and DocumentDB: their clusters and instances come back from
 * DescribeDBClusters/DescribeDBInstances with engine `neptune` / `docdb`, and Terraform gives them
 * types of their own.
 */
export function clusterTypeFor(engine: string | null): string {
  if (engine === 'neptune') return 'aws_neptune_cluster';
  if (engine === 'docdb') return 'aws_docdb_cluster';
  return 'aws_rds_cluster';
}

/** Terraform names the subnet group `neptune_subnet_group_name` on Neptune clusters and instances, `db_subnet_group_name` elsewhere. */
export function subnetGroupAttributeFor(engine: string | null): string {
  return engine === 'neptune' ? 'neptune_subnet_group_name' : 'db_subnet_group_name';
}

/** The types DescribeDBClusters and DescribeDBInstances produce besides their main one. */
export const NEPTUNE_DOCDB_CLUSTER_TYPES = ['aws_neptune_cluster', 'aws_docdb_cluster'] as const;
export const NEPTUNE_DOCDB_INSTANCE_TYPES = ['aws_neptune_cluster_instance', 'aws_docdb_cluster_instance'] as const;

export function instanceTypeFor(engine: string | null, inCluster: boolean): string {
  if (engine === 'neptune') return 'aws_neptune_cluster_instance';
  if (engine === 'docdb') return 'aws_docdb_cluster_instance';
  return inCluster ? 'aws_rds_cluster_instance' : 'aws_db_instance';
}
