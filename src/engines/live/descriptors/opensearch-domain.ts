import { Unknown } from '../../../model/unknown.js';
import type { Value } from '../../../model/value.js';
import { bool, field, objects, str, strings, type AwsObject } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';

/** DescribeDomains takes at most 5 names a call. */
const DOMAINS_PER_CALL = 5;

/**
 * OpenSearch ListDomainNames names the domains only: it maps nothing; its detail call DescribeDomains
 * (5 domains a call) lists the domains that openSearchDomainDescriptor maps. Each domain's part of an
 * answer is recorded on its own, as a one-domain page with its name, so that it is found by name.
 */
const domainNamesDescriptor: ResourceDescriptor = {
  type: 'aws_opensearch_domain',
  service: 'opensearch',
  operation: 'ListDomainNames',
  items: (page) => objects(page, 'DomainNames'),
  details: [
    {
      operation: 'DescribeDomains',
      request: (item) => (str(item, 'DomainName') ? { DomainName: str(item, 'DomainName')! } : undefined),
      batch: {
        size: DOMAINS_PER_CALL,
        input: (requests) => ({ DomainNames: requests.map((request) => request['DomainName']) }),
        answers: (response) => objects(response, 'DomainStatusList').map((status) => ({ DomainStatusList: [status], DomainName: str(status, 'DomainName') })),
      },
    },
  ],
  map: () => [],
};

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
  listedBy: domainNamesDescriptor,
  configType: 'AWS::OpenSearch::Domain',
  items: (page) => objects(page, 'DomainStatusList'),
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
