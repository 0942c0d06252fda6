import { definePolicy, isUnknown, isValueObject, listOf } from '../src/api.js';

export const opensearchOutsideVpc = definePolicy({
  id: 'opensearch-outside-vpc',
  title: 'OpenSearch domain is not in a VPC',
  severity: 'high',
  description:
    'An OpenSearch or Elasticsearch domain (aws_opensearch_domain, aws_elasticsearch_domain; live: ListDomainNames and ' +
    'DescribeDomains) has no vpc_options block, so its endpoint is public: reachable from the internet and guarded only by ' +
    'its access policy, not by security groups. A domain with a vpc_options block passes (its subnets decide where it ' +
    'lives). Unknown at plan time: vpc_options known only after apply. As Security Hub ES.2 and Opensearch.2, this does ' +
    'not read the access policy: a public domain with a restrictive policy still fails, since a policy mistake would ' +
    'expose it, and a domain cannot be moved into a VPC after creation.',
  remediation:
    'Create the domain with a vpc_options block (subnet_ids in private subnets, security_group_ids admitting only the ' +
    'clients), then migrate the data (a snapshot restore): an existing public domain cannot be moved into a VPC.',
  frameworks: {
    'AWS Foundational Security Best Practices': ['ES.2', 'Opensearch.2'],
    'PCI DSS 4.0': ['1.3.1', '1.4.1'],
  },
  tags: ['network', 'opensearch'],
  resourceTypes: ['aws_opensearch_domain', 'aws_elasticsearch_domain'],
  messages: {
    inVpc: '{{domain}} is in a VPC (vpc_options with subnets {{subnets}})',
    public: '{{domain}} has a public endpoint: no vpc_options block puts it in a VPC',
    undecided: '{{domain}}: cannot tell whether it is in a VPC',
  },
  check({ inventory, pass, fail, unknown }) {
    for (const domain of inventory.ofType('aws_opensearch_domain', 'aws_elasticsearch_domain')) {
      if (domain.mode !== 'managed') continue;
      const data = { domain: domain.address };
      const blocks = listOf(domain.values['vpc_options']);
      if (isUnknown(blocks)) {
        unknown({ resource: domain, path: 'vpc_options', messageId: 'undecided', data, reason: blocks });
        continue;
      }
      const block = blocks.find(isValueObject);
      if (block) {
        const subnets = listOf(block['subnet_ids']);
        pass({ resource: domain, messageId: 'inVpc', data: { ...data, subnets: isUnknown(subnets) ? 'known after apply' : subnets.join(', ') } });
        continue;
      }
      fail({ resource: domain, messageId: 'public', data, evidence: [{ path: 'vpc_options', value: null, note: 'no vpc_options block: the domain endpoint is public' }] });
    }
  },
});
