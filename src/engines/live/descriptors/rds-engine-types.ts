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

export function instanceTypeFor(engine: string | null, inCluster: boolean): string {
  if (engine === 'neptune') return 'aws_neptune_cluster_instance';
  if (engine === 'docdb') return 'aws_docdb_cluster_instance';
  return inCluster ? 'aws_rds_cluster_instance' : 'aws_db_instance';
}
