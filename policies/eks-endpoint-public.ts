import { definePolicy, internetSource, isUnknown, isValueObject, listOf, type Unknown } from '../src/api.js';

export interface EksEndpointOptions {
  /** Fail every public endpoint, as Security Hub EKS.1 does, even one restricted to some CIDRs. */
  failRestrictedPublicEndpoint: boolean;
}

export const eksEndpointPublic = definePolicy<EksEndpointOptions>({
  id: 'eks-endpoint-public',
  title: 'EKS cluster API endpoint is open to the internet',
  severity: 'high',
  description:
    'An EKS cluster (aws_eks_cluster; live: ListClusters and DescribeCluster) has a public Kubernetes API endpoint that ' +
    'any internet address may reach: vpc_config.endpoint_public_access is true and public_access_cidrs contains ' +
    '0.0.0.0/0 or ::/0. Unset attributes mean what EKS makes of them: endpoint_public_access defaults to true and ' +
    'public_access_cidrs to ["0.0.0.0/0"], so a cluster that sets neither fails. A public endpoint restricted to ' +
    'named CIDRs passes, with the ranges in the pass text: we deliberately differ from Security Hub EKS.1, which fails ' +
    'every public endpoint, because an allow-list of office or CI ranges is the common, reviewed setup; set the option ' +
    'failRestrictedPublicEndpoint to follow EKS.1 exactly. Unknown at plan time: either attribute known only after ' +
    'apply, or a CIDR text EKS would refuse.',
  remediation:
    'Set vpc_config { endpoint_private_access = true, endpoint_public_access = false } and reach the API from inside the ' +
    'VPC (VPN, bastion, CI runners in the VPC); or, if a public endpoint is needed, set public_access_cidrs to the ' +
    'few ranges that need it.',
  frameworks: {
    'AWS Foundational Security Best Practices': ['EKS.1'],
    'PCI DSS 4.0': ['1.3.1', '1.4.1'],
  },
  tags: ['network', 'kubernetes'],
  resourceTypes: ['aws_eks_cluster'],
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { failRestrictedPublicEndpoint: { type: 'boolean' } },
    },
    defaults: { failRestrictedPublicEndpoint: false },
  },
  messages: {
    private: '{{cluster}} has no public API endpoint',
    restricted: '{{cluster}} has a public API endpoint reachable only from {{cidrs}}',
    open: '{{cluster}} has a public API endpoint reachable from {{cidrs}}',
    publicRestricted: '{{cluster}} has a public API endpoint (reachable from {{cidrs}}); failRestrictedPublicEndpoint forbids any',
    undecided: '{{cluster}}: cannot tell whether its API endpoint is open to the internet',
  },
  check({ inventory, options, pass, fail, unknown }) {
    for (const cluster of inventory.ofType('aws_eks_cluster')) {
      if (cluster.mode !== 'managed') continue;
      const data = { cluster: cluster.address };
      const config = listOf(cluster.values['vpc_config']);
      const block = isUnknown(config) ? config : config[0];
      const publicAccess = isValueObject(block) ? block['endpoint_public_access'] : block;
      const undecided = (path: string, reason: Unknown): void => unknown({ resource: cluster, path, messageId: 'undecided', data, reason });
      if (isUnknown(publicAccess)) {
        undecided('vpc_config.0.endpoint_public_access', publicAccess);
        continue;
      }
      if (publicAccess === false) {
        pass({ resource: cluster, messageId: 'private', data });
        continue;
      }
      const cidrs = isValueObject(block) ? listOf(block['public_access_cidrs']) : [];
      if (isUnknown(cidrs)) {
        undecided('vpc_config.0.public_access_cidrs', cidrs);
        continue;
      }
      const texts = cidrs.filter((c): c is string => typeof c === 'string');
      const verdicts = texts.map((text) => internetSource(text));
      const notACidr = verdicts.find(isUnknown);
      const open = texts.filter((_, i) => { const v = verdicts[i]!; return !isUnknown(v) && v.internet; });
      const path = 'vpc_config.0.public_access_cidrs';
      const note = cluster.defaults?.[path] ?? cluster.defaults?.['vpc_config.0.endpoint_public_access'];
      const evidence = [{ path, value: texts, ...(note ? { note } : {}) }];
      if (open.length > 0) {
        fail({ resource: cluster, path, element: open.join(', '), messageId: 'open', data: { ...data, cidrs: open.join(', ') }, evidence });
      } else if (notACidr) {
        undecided(path, notACidr);
      } else if (options.failRestrictedPublicEndpoint) {
        fail({ resource: cluster, path, element: 'public', messageId: 'publicRestricted', data: { ...data, cidrs: texts.join(', ') || 'nowhere' }, evidence });
      } else {
        pass({ resource: cluster, messageId: 'restricted', data: { ...data, cidrs: texts.join(', ') || 'nowhere' } });
      }
    }
  },
});

