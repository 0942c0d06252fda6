import { definePolicy, isUnknown, knownString, type Resource } from '../src/api.js';

interface BackupRetentionOptions {
  minimumDays: number;
}

const DATABASE_TYPES = ['aws_db_instance', 'aws_rds_cluster'];

export const rdsBackupRetention = definePolicy<BackupRetentionOptions>({
  id: 'rds-backup-retention',
  title: 'RDS automated backups are kept for fewer days than required',
  severity: 'medium',
  description:
    'An RDS DB instance or DB cluster keeps its automated backups (backup_retention_period) for fewer days than ' +
    'minimumDays (default 7, as Security Hub RDS.11); 0 turns automated backups off. Unset, an instance keeps them 1 day ' +
    '(the CreateDBInstance default) and a cluster 1 day (the provider default). Read replicas (replicate_source_db set) ' +
    'are not checked: their source\'s backups count. Aurora cluster members (aws_rds_cluster_instance) are checked ' +
    'through their cluster. At plan time a retention known only after apply is unknown. We check clusters too, which ' +
    'RDS.11 (instances only) does not.',
  remediation:
    'Set backup_retention_period to at least the required number of days (up to 35), or run ' +
    '`aws rds modify-db-instance --db-instance-identifier DB --backup-retention-period 7 --apply-immediately`.',
  frameworks: {
    'AWS Foundational Security Best Practices': ['RDS.11'],
    'PCI DSS 4.0': ['12.10.1'],
  },
  tags: ['database', 'backup', 'resilience'],
  resourceTypes: DATABASE_TYPES,
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { minimumDays: { type: 'integer', minimum: 1, maximum: 35 } },
    },
    defaults: { minimumDays: 7 },
  },
  messages: {
    retained: '{{database}} keeps automated backups for {{days}} days (at least {{minimum}})',
    tooShort: '{{database}} keeps automated backups for {{days}} days, fewer than {{minimum}} ({{control}})',
    retentionUnknown: '{{database}}: cannot tell how long it keeps automated backups',
  },
  check(context) {
    const minimum = context.options.minimumDays;
    for (const database of context.inventory.ofType(...DATABASE_TYPES)) {
      if (database.mode !== 'managed' || isReadReplica(database)) continue;
      const value = database.values['backup_retention_period'];
      const data = { database: database.address, minimum, control: 'RDS.11' };
      if (isUnknown(value)) {
        context.unknown({ resource: database, path: 'backup_retention_period', messageId: 'retentionUnknown', data, reason: value });
      } else if (typeof value === 'number' && value >= minimum) {
        context.pass({ resource: database, messageId: 'retained', data: { ...data, days: value } });
      } else {
        const note = database.defaults?.['backup_retention_period'];
        context.fail({
          resource: database,
          path: 'backup_retention_period',
          messageId: 'tooShort',
          data: { ...data, days: typeof value === 'number' ? value : 0 },
          evidence: [{ path: 'backup_retention_period', value: value ?? null, ...(note ? { note } : {}) }],
        });
      }
    }
  },
});

/** A replica's automated backups are its source's business (an unknown source counts: it is a replica). */
function isReadReplica(database: Resource): boolean {
  if (database.type !== 'aws_db_instance') return false;
  const source = database.values['replicate_source_db'];
  return isUnknown(source) || (knownString(source) ?? '') !== '';
}
