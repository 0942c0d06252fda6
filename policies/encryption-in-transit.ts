import { definePolicy, isUnknown, isValueObject, listOf, valueAt, type Resource, type Value } from '../src/api.js';

/** One attribute that says whether a service encrypts traffic, and what it means. */
interface TransitSetting {
  types: readonly string[];
  /** The block holding the flag, when it sits in one (absent or empty block: the service's default, off). */
  block?: string;
  /** The flag within the block (or on the resource). */
  flag: string;
  /** What the flag turns on, for messages. */
  what: string;
  /** The Security Hub controls of this setting. */
  controls: string;
}

const DOMAINS = ['aws_opensearch_domain', 'aws_elasticsearch_domain'];

/** The table this policy is: type → attribute → meaning. Unset attributes are filled from the provider defaults first. */
const SETTINGS: readonly TransitSetting[] = [
  { types: DOMAINS, block: 'node_to_node_encryption', flag: 'enabled', what: 'node-to-node encryption', controls: 'ES.3, Opensearch.3' },
  { types: DOMAINS, block: 'domain_endpoint_options', flag: 'enforce_https', what: 'HTTPS-only access', controls: 'ES.8, Opensearch.8' },
  { types: ['aws_elasticache_replication_group'], flag: 'transit_encryption_enabled', what: 'encryption in transit (TLS)', controls: 'ElastiCache.5' },
];

export const encryptionInTransit = definePolicy({
  id: 'encryption-in-transit',
  title: 'Data store does not encrypt traffic in transit',
  severity: 'medium',
  description:
    'A data store whose one attribute decides encryption in transit leaves it off. OpenSearch and Elasticsearch domains ' +
    '(aws_opensearch_domain, aws_elasticsearch_domain): node_to_node_encryption.enabled (ES.3, Opensearch.3) and ' +
    'domain_endpoint_options.enforce_https (ES.8, Opensearch.8). ElastiCache replication groups ' +
    '(aws_elasticache_replication_group): transit_encryption_enabled (ElastiCache.5). Unset means what AWS makes of it: ' +
    'no node_to_node_encryption block, no domain_endpoint_options block, or no transit_encryption_enabled creates the ' +
    'store without it (fail); a domain_endpoint_options block without enforce_https enforces HTTPS (the provider ' +
    'default). One finding per setting that is off. Unknown at plan time: a flag known only after apply. Live: ' +
    'DescribeDomains and DescribeReplicationGroups. As ElastiCache.5, transit_encryption_mode = "preferred" (TLS offered ' +
    'but not required, used while migrating) passes; the pass text names the mode. The TLS version of the domain ' +
    'endpoint (ES.8 also asks for a TLS 1.2 policy) is not checked here.',
  remediation:
    'OpenSearch: node_to_node_encryption { enabled = true } and domain_endpoint_options { enforce_https = true, ' +
    'tls_security_policy = "Policy-Min-TLS-1-2-2019-07" }. ElastiCache: transit_encryption_enabled = true (with ' +
    'transit_encryption_mode = "required" once clients use TLS); an existing Redis OSS 7+ group can be switched in ' +
    'place, older ones must be re-created.',
  frameworks: {
    'AWS Foundational Security Best Practices': ['ES.3', 'ES.8', 'Opensearch.3', 'Opensearch.8', 'ElastiCache.5'],
    'PCI DSS 4.0': ['4.2.1'],
  },
  tags: ['encryption-in-transit', 'opensearch', 'elasticache'],
  resourceTypes: [...new Set(SETTINGS.flatMap((s) => s.types))],
  messages: {
    on: '{{resource}} has {{what}} on ({{how}})',
    off: '{{resource}} does not have {{what}} ({{controls}})',
    undecided: '{{resource}}: cannot tell whether {{what}} is on',
  },
  check({ inventory, pass, fail, unknown }) {
    for (const setting of SETTINGS) {
      for (const resource of inventory.ofType(...setting.types)) {
        if (resource.mode !== 'managed') continue;
        const { value, path } = flagOf(resource, setting);
        const data = { resource: resource.address, what: setting.what, controls: setting.controls };
        const note = resource.defaults?.[path] ?? (setting.block ? resource.defaults?.[setting.block] : undefined);
        if (value === true) {
          const mode = resource.values['transit_encryption_mode'];
          const how = [note ?? `${path} = true`, typeof mode === 'string' ? `mode ${mode}` : ''].filter(Boolean).join(', ');
          pass({ resource, element: setting.what, messageId: 'on', data: { ...data, how } });
        } else if (isUnknown(value)) {
          unknown({ resource, element: setting.what, path, messageId: 'undecided', data, reason: value });
        } else {
          fail({ resource, element: setting.what, path, messageId: 'off', data, evidence: [{ path, value: value ?? null, ...(note ? { note } : {}) }] });
        }
      }
    }
  },
});

/** The flag's value and its attribute path; a missing or empty block is `null` (off: AWS's default). */
function flagOf(resource: Resource, setting: TransitSetting): { value: Value | undefined; path: string } {
  if (!setting.block) return { value: resource.values[setting.flag], path: setting.flag };
  const blocks = listOf(resource.values[setting.block]);
  if (isUnknown(blocks)) return { value: blocks, path: setting.block };
  const index = blocks.findIndex(isValueObject);
  if (index < 0) return { value: null, path: setting.block };
  const path = `${setting.block}.${index}.${setting.flag}`;
  return { value: valueAt(resource.values, path), path };
}
