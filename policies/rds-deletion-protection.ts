import { definePolicy, isUnknown, type Resource, type TagMap, type Unknown } from '../src/api.js';

interface DeletionProtectionOptions {
  /** The tag that marks a production database. */
  tag: string;
  /** Its values that mean production (compared case-insensitively); empty: every database is checked. */
  values: string[];
}

const DATABASE_TYPES = ['aws_db_instance', 'aws_rds_cluster'];
/** Security Hub splits the control by resource: clusters RDS.7, instances RDS.8. */
const CONTROL: Record<string, string> = { aws_db_instance: 'RDS.8', aws_rds_cluster: 'RDS.7' };

export const rdsDeletionProtection = definePolicy<DeletionProtectionOptions>({
  id: 'rds-deletion-protection',
  title: 'Production RDS database can be deleted without turning off deletion protection',
  severity: 'low',
  description:
    'An RDS DB instance (RDS.8) or DB cluster (RDS.7) tagged as production has deletion protection off ' +
    '(deletion_protection, default false). Production means: the tag named by the option tag (default Environment) has ' +
    'one of the option values (default prod, production; case-insensitive); with values empty every database is ' +
    'checked, as Security Hub does. Databases not tagged as production get no verdict. Unknown when the tag or the ' +
    'setting is known only after apply. Aurora cluster members are protected through their cluster.',
  remediation:
    'Set deletion_protection = true, or run `aws rds modify-db-instance --db-instance-identifier DB --deletion-protection` ' +
    '(modify-db-cluster for a cluster).',
  frameworks: {
    'AWS Foundational Security Best Practices': ['RDS.7', 'RDS.8'],
  },
  tags: ['database', 'resilience'],
  resourceTypes: DATABASE_TYPES,
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        tag: { type: 'string', minLength: 1 },
        values: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
      },
    },
    defaults: { tag: 'Environment', values: ['prod', 'production'] },
  },
  messages: {
    protected: '{{database}} has deletion protection on',
    unprotected: '{{database}}{{production}} has deletion protection off ({{control}})',
    protectionUnknown: '{{database}}: cannot tell whether deletion protection is on',
    tagUnknown: '{{database}}: cannot tell whether it is a production database from its {{tag}} tag',
  },
  check(context) {
    const { tag, values } = context.options;
    const production = new Set(values.map((value) => value.toLowerCase()));
    for (const database of context.inventory.ofType(...DATABASE_TYPES)) {
      if (database.mode !== 'managed') continue;
      const data = { database: database.address, control: CONTROL[database.type] ?? 'RDS.8', tag };
      const value = database.values['deletion_protection'];
      if (value === true) {
        context.pass({ resource: database, messageId: 'protected', data });
        continue;
      }
      const tagValue = production.size === 0 ? null : tagOf(database, tag);
      if (isUnknown(tagValue)) {
        context.unknown({ resource: database, path: `tags.${tag}`, messageId: 'tagUnknown', data, reason: tagValue });
        continue;
      }
      // null: every database counts; undefined: untagged, so not production.
      if (tagValue === undefined || (tagValue !== null && !production.has(tagValue.toLowerCase()))) continue;
      if (isUnknown(value)) {
        context.unknown({ resource: database, path: 'deletion_protection', messageId: 'protectionUnknown', data, reason: value });
        continue;
      }
      const note = database.defaults?.['deletion_protection'];
      context.fail({
        resource: database,
        path: 'deletion_protection',
        messageId: 'unprotected',
        data: { ...data, production: tagValue === null ? '' : ` (${tag} = ${tagValue})` },
        evidence: [{ path: 'deletion_protection', value: value ?? null, ...(note ? { note } : {}) }],
      });
    }
  },
});

/** The tag's value, undefined when absent, or the Unknown that hides it. */
function tagOf(database: Resource, key: string): string | Unknown | undefined {
  const tags: TagMap | Unknown | undefined = database.tags;
  if (tags === undefined || isUnknown(tags)) return tags;
  return tags[key];
}
