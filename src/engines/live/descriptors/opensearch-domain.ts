import { Unknown } from '../../../model/unknown.js';
import type { Value } from '../../../model/value.js';
import { bool, field, objects, str, strings, type AwsObject } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';

/** DescribeDomains takes at most 5 names a call. */
const DOMAINS_PER_CALL = 5;

/**
 * OpenSearch ListDomainNames (names only, OpenSearch and Elasticsearch engines alike) → DescribeDomains
 * per 5 domains → `aws_opensearch_domain` with the Terraform blocks the policies read (`vpc_options`,
 * `node_to_node_encryption`, `domain_endpoint_options`, `encrypt_at_rest`). A setting the response
 * does not carry is Unknown, never "off".
 */
export const openSearchDomainDescriptor: ResourceDescriptor = {
  type: 'aws_opensearch_domain',
  service: 'opensearch',
  operation: 'DescribeDomains',
  listedBy: {
    operation: 'ListDomainNames',
    names: (page) => objects(page, 'DomainNames').flatMap((d) => str(d, 'DomainName') ?? []),
    batch: DOMAINS_PER_CALL,
    describeInput: (names) => ({ DomainNames: names }),
  },
  configType: 'AWS::OpenSearch::Domain',
  items: (page) => objects(page, 'DomainStatusList'),
  pagesOf: (items) => [{ DomainStatusList: items }],
  map(item, { target }) {
    const name = str(item, 'DomainName');
    if (!name) return [];
    const vpc = field(item, 'VPCOptions');
    return [
      {
        type: 'aws_opensearch_domain',
        id: str(item, 'DomainId') ?? `${target.account}/${name}`,
        arn: str(item, 'ARN', 'Arn') ?? `arn:${target.partition}:es:${target.region}:${target.account}:domain/${name}`,
        name,
        values: {
          domain_name: name,
          engine_version: str(item, 'EngineVersion'),
          endpoint: str(item, 'Endpoint'),
          vpc_options: vpc ? [{ vpc_id: str(vpc, 'VPCId'), subnet_ids: strings(vpc, 'SubnetIds'), security_group_ids: strings(vpc, 'SecurityGroupIds') }] : [],
          node_to_node_encryption: [{ enabled: flag(item, 'NodeToNodeEncryptionOptions', 'Enabled') }],
          domain_endpoint_options: [
            { enforce_https: flag(item, 'DomainEndpointOptions', 'EnforceHTTPS'), tls_security_policy: str(field(item, 'DomainEndpointOptions'), 'TLSSecurityPolicy') },
          ],
          encrypt_at_rest: [{ enabled: flag(item, 'EncryptionAtRestOptions', 'Enabled') }],
        },
        raw: item,
      },
    ];
  },
};

function flag(item: AwsObject, options: string, name: string): Value {
  return bool(field(item, options), name) ?? new Unknown(`the domain's ${options}.${name} was not in the response`);
}
