import { DEFAULT_REDSHIFT_PARAMETER_GROUP, definePolicy, isDefaultRedshiftParameterGroup, isUnknown, isValueObject, knownString, listOf, locate, type Resolution, type Resource, type Value } from '../src/api.js';

const CLUSTER = 'aws_redshift_cluster';
const PARAMETER_GROUP = 'aws_redshift_parameter_group';
/** What require_ssl is when a group does not set it, and in every group Redshift creates itself (`default.*`). */
const ENGINE_DEFAULT = 'false';

/** What a cluster's parameter group says about require_ssl. */
type Setting =
  | { verdict: 'on' | 'off'; value: string | null; path: string; group?: Resource; note: string }
  | { verdict: 'unknown'; reason: string; path: string; group?: Resource };

export const redshiftRequireSsl = definePolicy({
  id: 'redshift-require-ssl',
  title: 'Redshift cluster accepts unencrypted connections',
  severity: 'medium',
  description:
    'A Redshift cluster (aws_redshift_cluster) whose cluster parameter group does not set require_ssl to "true", so ' +
    'clients may connect without TLS (Redshift.2). The group is the one cluster_parameter_group_name names, by ' +
    'reference or by its literal name, as an aws_redshift_parameter_group of the same input. It passes when that group ' +
    'has a parameter { name = "require_ssl", value = "true" } (case-insensitive); a group without require_ssl, or with ' +
    'another value, fails: Redshift\'s default is false. No cluster_parameter_group_name means default.redshift-1.0, ' +
    'and every default.* group has require_ssl false: fail. Unknown: a group name that no group of the input has (a ' +
    'group managed elsewhere, whose parameters are not read), a name or a parameter value known only after apply, and ' +
    'live, a group whose DescribeClusterParameters was denied or not read (the Config source does not read it). Like ' +
    'Security Hub, only require_ssl is read: a TLS version policy or a Serverless workgroup is not checked here.',
  remediation:
    'Give the cluster its own parameter group with parameter { name = "require_ssl", value = "true" } and set ' +
    'cluster_parameter_group_name to it (default groups cannot be changed); the parameter applies after the cluster ' +
    'reboots. Clients must then connect with sslmode=require or stricter.',
  frameworks: {
    'AWS Foundational Security Best Practices': ['Redshift.2'],
    'PCI DSS 4.0': ['4.2.1'],
  },
  tags: ['encryption-in-transit', 'redshift'],
  resourceTypes: [CLUSTER, PARAMETER_GROUP],
  messages: {
    on: '{{cluster}} requires SSL connections ({{how}})',
    off: '{{cluster}} accepts connections without SSL: {{how}} (Redshift.2)',
    undecided: '{{cluster}}: cannot tell whether its parameter group requires SSL',
  },
  check({ inventory, pass, fail, unknown }) {
    for (const cluster of inventory.ofType(CLUSTER)) {
      if (cluster.mode !== 'managed') continue;
      const setting = requireSslOf(cluster, inventory.resolve(cluster, 'cluster_parameter_group_name', [PARAMETER_GROUP]));
      const data = { cluster: cluster.address };
      if (setting.verdict === 'unknown') {
        unknown({ resource: cluster, path: setting.path, messageId: 'undecided', data, reason: setting.reason });
        continue;
      }
      if (setting.verdict === 'on') {
        pass({ resource: cluster, messageId: 'on', data: { ...data, how: setting.note } });
        continue;
      }
      const name = cluster.values['cluster_parameter_group_name'];
      const defaultNote = cluster.defaults?.['cluster_parameter_group_name'];
      fail({
        resource: cluster,
        path: 'cluster_parameter_group_name',
        ...(setting.group ? { location: locate(setting.group, setting.path) } : {}),
        messageId: 'off',
        data: { ...data, how: setting.note },
        evidence: [
          { path: 'cluster_parameter_group_name', value: typeof name === 'string' ? name : null, ...(defaultNote ? { note: defaultNote } : {}) },
          { path: setting.group ? `${setting.group.address}.${setting.path}` : 'require_ssl', value: setting.value, note: setting.note },
        ],
      });
    }
  },
});

/** require_ssl of the group the cluster names (`groups`: what cluster_parameter_group_name resolves to). */
function requireSslOf(cluster: Resource, groups: Resolution): Setting {
  const name = cluster.values['cluster_parameter_group_name'];
  if (isUnknown(groups)) return { verdict: 'unknown', path: 'cluster_parameter_group_name', reason: groups.reason };
  const group = groups.find((g) => g.mode === 'managed') ?? groups[0];
  const groupName = knownString(group?.values['name']) || knownString(name) || (name === null || name === undefined || name === '' ? DEFAULT_REDSHIFT_PARAMETER_GROUP : undefined);
  if (groupName !== undefined && isDefaultRedshiftParameterGroup(groupName)) {
    return { verdict: 'off', value: ENGINE_DEFAULT, path: 'require_ssl', note: `${groupName} is a default group, where require_ssl is false` };
  }
  if (!group) {
    if (isUnknown(name)) return { verdict: 'unknown', path: 'cluster_parameter_group_name', reason: name.reason };
    return {
      verdict: 'unknown',
      path: 'cluster_parameter_group_name',
      reason: `parameter group ${String(name)} is not part of this input, so its require_ssl cannot be read`,
    };
  }
  return fromParameters(group, group.values['parameter']);
}

/** The group's require_ssl from its `parameter` blocks; absent is Redshift's default, false. */
function fromParameters(group: Resource, parameters: Value | undefined): Setting {
  const blocks = listOf(parameters);
  if (isUnknown(blocks)) return { verdict: 'unknown', path: 'parameter', group, reason: `${group.address}: ${blocks.reason}` };
  for (const [index, block] of blocks.entries()) {
    if (!isValueObject(block)) continue;
    const name = block['name'];
    const path = `parameter.${index}.value`;
    if (isUnknown(name)) return { verdict: 'unknown', path: `parameter.${index}.name`, group, reason: `${group.address}: ${name.reason}` };
    if (typeof name !== 'string' || name.toLowerCase() !== 'require_ssl') continue;
    const value = block['value'];
    if (isUnknown(value)) return { verdict: 'unknown', path, group, reason: `${group.address}: ${value.reason}` };
    const text = typeof value === 'string' ? value : value === null || value === undefined ? null : String(value);
    const on = text?.toLowerCase() === 'true';
    return { verdict: on ? 'on' : 'off', value: text, path, group, note: `${group.address} sets require_ssl = ${JSON.stringify(text)}` };
  }
  return { verdict: 'off', value: null, path: 'parameter', group, note: `${group.address} does not set require_ssl, whose default is false` };
}
