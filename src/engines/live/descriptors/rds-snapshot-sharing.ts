import { Unknown } from '../../../model/unknown.js';
import { field, isAwsObject, objects, str, strings, type AwsObject } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';

/** RDS manual DB snapshots or DB cluster snapshots: the same calls with `Cluster` in their names. */
interface SnapshotKind {
  type: 'aws_db_snapshot' | 'aws_db_cluster_snapshot';
  /** `DB` or `DBCluster`. */
  api: 'DB' | 'DBCluster';
  arnKind: 'snapshot' | 'cluster-snapshot';
  identifier: 'db_snapshot_identifier' | 'db_cluster_snapshot_identifier';
  configType: string;
}

/**
 * Describe{DB,DBCluster}Snapshots of the manual snapshots: maps nothing itself; its detail call
 * Describe{DB,DBCluster}SnapshotAttributes (one per snapshot) lists what snapshotSharing maps.
 */
function manualSnapshots(kind: SnapshotKind): ResourceDescriptor {
  const id = `${kind.api}SnapshotIdentifier`;
  return {
    type: kind.type,
    service: 'rds',
    operation: `Describe${kind.api}Snapshots`,
    input: { SnapshotType: 'manual' },
    pageSize: 100,
    items: (page) => objects(page, `${kind.api}Snapshots`),
    details: [{ operation: `Describe${kind.api}SnapshotAttributes`, request: (item) => (str(item, id) ? { [id]: str(item, id)! } : undefined) }],
    map: () => [],
  };
}

/**
 * RDS has no list call that says which snapshots are shared: Describe{DB,DBCluster}Snapshots
 * (SnapshotType manual: automated snapshots cannot be shared) names them, then
 * Describe{DB,DBCluster}SnapshotAttributes is called once per manual snapshot (bounded and counted,
 * docs/audit.md). The `restore` attribute's values (account ids, or `all`) become Terraform's
 * `shared_accounts`; a response without it (a Config item) is Unknown.
 */
function snapshotSharing(kind: SnapshotKind): ResourceDescriptor {
  const result = `${kind.api}SnapshotAttributesResult`;
  return {
    type: kind.type,
    service: 'rds',
    operation: `Describe${kind.api}SnapshotAttributes`,
    listedBy: manualSnapshots(kind),
    configType: kind.configType,
    items: (page) => {
      const found = field(page, result);
      return isAwsObject(found) ? [found] : [];
    },
    map(item, { target }) {
      const id = str(item, `${kind.api}SnapshotIdentifier`);
      if (!id) return [];
      const attributes = field(item, `${kind.api}SnapshotAttributes`);
      const restore = Array.isArray(attributes) ? objects(item, `${kind.api}SnapshotAttributes`).find((a) => str(a, 'AttributeName') === 'restore') : undefined;
      return [
        {
          type: kind.type,
          id,
          arn: `arn:${target.partition}:rds:${target.region}:${target.account}:${kind.arnKind}:${id}`,
          name: id,
          values: {
            [kind.identifier]: id,
            shared_accounts: Array.isArray(attributes) ? (restore ? strings(restore, 'AttributeValues') : []) : new Unknown(`the snapshot's restore attribute was not read (Describe${kind.api}SnapshotAttributes)`),
          },
          raw: item,
        },
      ];
    },
  };
}

export const dbSnapshotSharingDescriptor = snapshotSharing({
  type: 'aws_db_snapshot',
  api: 'DB',
  arnKind: 'snapshot',
  identifier: 'db_snapshot_identifier',
  configType: 'AWS::RDS::DBSnapshot',
});

export const dbClusterSnapshotSharingDescriptor = snapshotSharing({
  type: 'aws_db_cluster_snapshot',
  api: 'DBCluster',
  arnKind: 'cluster-snapshot',
  identifier: 'db_cluster_snapshot_identifier',
  configType: 'AWS::RDS::DBClusterSnapshot',
});
