/**
 * How each Terraform database type sits in the network: the resource that listens, the cluster its
 * `cluster_identifier` names (a member takes the cluster's subnet group, security groups and port
 * unless it sets its own), the subnet-group attribute and types, the default port, and the attribute
 * that gives it a public address. One table, so RDS, Aurora, Redshift, Neptune and DocumentDB are read
 * by the same code and every policy on databases sees all of them.
 */
export interface DatabaseKind {
  type: string;
  /** The service's word for the listener, in messages: `DB instance`, `Redshift cluster`. */
  label: string;
  /** Types its `cluster_identifier` names. */
  clusterTypes?: readonly string[];
  clusterLabel?: string;
  subnetGroupAttribute: string;
  /** The subnet-group types the attribute may name (a live audit lists every RDS-API group as `aws_db_subnet_group`). */
  subnetGroupTypes: readonly string[];
  subnetGroupLabel: string;
  /** The engine when the resource names none (Redshift has no `engine`; Neptune's and DocumentDB's are optional): its default port applies (engine-ports.ts). */
  engine?: string;
  /** The attribute that gives the database a public address; absent: the service never gives one (DocumentDB). */
  publicAttribute?: string;
  /** The attribute, and its value, that gives the database an IPv6 address too. */
  dualStack?: { attribute: string; value: string };
}

const RDS_GROUP = { subnetGroupAttribute: 'db_subnet_group_name', subnetGroupTypes: ['aws_db_subnet_group'], subnetGroupLabel: 'DB subnet group' } as const;
const RDS_DUAL_STACK = { attribute: 'network_type', value: 'DUAL' } as const;

export const DATABASE_KINDS: readonly DatabaseKind[] = [
  { type: 'aws_db_instance', label: 'DB instance', ...RDS_GROUP, publicAttribute: 'publicly_accessible', dualStack: RDS_DUAL_STACK },
  {
    type: 'aws_rds_cluster_instance',
    label: 'DB instance',
    clusterTypes: ['aws_rds_cluster'],
    clusterLabel: 'DB cluster',
    ...RDS_GROUP,
    publicAttribute: 'publicly_accessible',
    dualStack: RDS_DUAL_STACK,
  },
  // A Multi-AZ DB cluster (databases.ts keeps only those: Aurora clusters listen through their instances).
  { type: 'aws_rds_cluster', label: 'DB cluster', ...RDS_GROUP, publicAttribute: 'publicly_accessible', dualStack: RDS_DUAL_STACK },
  {
    type: 'aws_redshift_cluster',
    label: 'Redshift cluster',
    subnetGroupAttribute: 'cluster_subnet_group_name',
    subnetGroupTypes: ['aws_redshift_subnet_group'],
    subnetGroupLabel: 'Redshift subnet group',
    engine: 'redshift',
    publicAttribute: 'publicly_accessible',
    dualStack: { attribute: 'ip_address_type', value: 'dualstack' },
  },
  {
    type: 'aws_neptune_cluster_instance',
    label: 'Neptune instance',
    clusterTypes: ['aws_neptune_cluster'],
    clusterLabel: 'Neptune cluster',
    subnetGroupAttribute: 'neptune_subnet_group_name',
    subnetGroupTypes: ['aws_neptune_subnet_group', 'aws_db_subnet_group'],
    subnetGroupLabel: 'Neptune subnet group',
    engine: 'neptune',
    publicAttribute: 'publicly_accessible',
  },
  {
    type: 'aws_docdb_cluster_instance',
    label: 'DocumentDB instance',
    clusterTypes: ['aws_docdb_cluster'],
    clusterLabel: 'DocumentDB cluster',
    subnetGroupAttribute: 'db_subnet_group_name',
    subnetGroupTypes: ['aws_docdb_subnet_group', 'aws_db_subnet_group'],
    subnetGroupLabel: 'DocumentDB subnet group',
    engine: 'docdb',
  },
];

/** Every type whose resources listen as databases. */
export const DATABASE_TYPES: readonly string[] = DATABASE_KINDS.map((k) => k.type);

/** Every type a database question reads: the databases, their clusters and their subnet groups. */
export const DATABASE_RELATED_TYPES: readonly string[] = [
  ...new Set(DATABASE_KINDS.flatMap((k) => [k.type, ...(k.clusterTypes ?? []), ...k.subnetGroupTypes])),
];
