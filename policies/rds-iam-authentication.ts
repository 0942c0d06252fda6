import { definePolicy, isUnknown, knownString } from '../src/api.js';

const DATABASE_TYPES = ['aws_db_instance', 'aws_rds_cluster'];
/** Engines RDS offers IAM database authentication for; others (Oracle, SQL Server, Db2) are not checked. */
const IAM_AUTH_ENGINES = /^(mysql|mariadb|postgres|aurora|aurora-mysql|aurora-postgresql)$/;
/** Security Hub splits the control by resource: instances RDS.10, clusters RDS.12. */
const CONTROL: Record<string, string> = { aws_db_instance: 'RDS.10', aws_rds_cluster: 'RDS.12' };

export const rdsIamAuthentication = definePolicy({
  id: 'rds-iam-authentication',
  title: 'RDS IAM database authentication is off',
  severity: 'medium',
  description:
    'An RDS DB instance (RDS.10) or DB cluster (RDS.12) running MySQL, MariaDB, PostgreSQL or Aurora has IAM database ' +
    'authentication off (iam_database_authentication_enabled, default false), so every login uses a long-lived database ' +
    'password. Engines without IAM authentication are not checked. Aurora cluster members are checked through their ' +
    'cluster. Unknown when the setting, or the engine of a database without it, is known only after apply.',
  remediation:
    'Set iam_database_authentication_enabled = true and grant rds-db:connect to the roles that log in, or run ' +
    '`aws rds modify-db-instance --db-instance-identifier DB --enable-iam-database-authentication`.',
  frameworks: {
    'AWS Foundational Security Best Practices': ['RDS.10', 'RDS.12'],
  },
  tags: ['database', 'identity'],
  resourceTypes: DATABASE_TYPES,
  messages: {
    enabled: '{{database}} accepts IAM database authentication',
    disabled: '{{database}} does not accept IAM database authentication ({{control}})',
    settingUnknown: '{{database}}: cannot tell whether IAM database authentication is on',
    engineUnknown: '{{database}}: cannot tell whether its engine supports IAM database authentication',
  },
  check(context) {
    for (const database of context.inventory.ofType(...DATABASE_TYPES)) {
      if (database.mode !== 'managed') continue;
      const data = { database: database.address, control: CONTROL[database.type] ?? 'RDS.10' };
      const value = database.values['iam_database_authentication_enabled'];
      if (value === true) {
        context.pass({ resource: database, messageId: 'enabled', data });
        continue;
      }
      const engine = database.values['engine'];
      // aws_rds_cluster's engine defaults to aurora (MySQL-compatible); an instance without one is a replica taking its source's.
      const name = knownString(engine) ?? (database.type === 'aws_rds_cluster' && !isUnknown(engine) ? 'aurora' : undefined);
      if (name === undefined) {
        const reason = isUnknown(engine) ? engine : 'engine is not set: a read replica runs the engine of its source';
        context.unknown({ resource: database, path: 'engine', messageId: 'engineUnknown', data, reason });
        continue;
      }
      if (!IAM_AUTH_ENGINES.test(name.toLowerCase())) continue;
      if (isUnknown(value)) {
        context.unknown({ resource: database, path: 'iam_database_authentication_enabled', messageId: 'settingUnknown', data, reason: value });
        continue;
      }
      const note = database.defaults?.['iam_database_authentication_enabled'];
      context.fail({
        resource: database,
        path: 'iam_database_authentication_enabled',
        messageId: 'disabled',
        data,
        evidence: [{ path: 'iam_database_authentication_enabled', value: value ?? null, ...(note ? { note } : {}) }],
      });
    }
  },
});
