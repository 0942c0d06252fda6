import { definePolicy, isUnknown } from '../src/api.js';

const INSTANCE_TYPES = ['aws_db_instance', 'aws_rds_cluster_instance'];

export const rdsAutoMinorUpgrade = definePolicy({
  id: 'rds-auto-minor-upgrade',
  title: 'RDS automatic minor version upgrades are off',
  severity: 'medium',
  description:
    'An RDS DB instance or Aurora cluster instance has automatic minor version upgrades off (auto_minor_version_upgrade ' +
    '= false), so security patches of its engine are applied only by hand. Unset, the provider default is true. At plan ' +
    'time a value known only after apply is unknown. Security Hub rates RDS.13 high; we rate it medium, since the ' +
    'upgrade itself needs a maintenance window.',
  remediation:
    'Set auto_minor_version_upgrade = true (or remove it), or run `aws rds modify-db-instance --db-instance-identifier DB ' +
    '--auto-minor-version-upgrade`.',
  frameworks: {
    'AWS Foundational Security Best Practices': ['RDS.13'],
    'PCI DSS 4.0': ['6.3.3'],
  },
  tags: ['database', 'patching'],
  resourceTypes: INSTANCE_TYPES,
  messages: {
    upgrades: '{{database}} applies minor engine versions automatically',
    noUpgrades: '{{database}} does not apply minor engine versions automatically ({{control}})',
    upgradesUnknown: '{{database}}: cannot tell whether it applies minor engine versions automatically',
  },
  check(context) {
    for (const database of context.inventory.ofType(...INSTANCE_TYPES)) {
      if (database.mode !== 'managed') continue;
      const data = { database: database.address, control: 'RDS.13' };
      const value = database.values['auto_minor_version_upgrade'];
      if (value === false) {
        context.fail({ resource: database, path: 'auto_minor_version_upgrade', messageId: 'noUpgrades', data, evidence: [{ path: 'auto_minor_version_upgrade', value }] });
      } else if (isUnknown(value)) {
        context.unknown({ resource: database, path: 'auto_minor_version_upgrade', messageId: 'upgradesUnknown', data, reason: value });
      } else {
        context.pass({ resource: database, messageId: 'upgrades', data });
      }
    }
  },
});
