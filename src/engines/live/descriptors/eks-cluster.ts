import { Unknown } from '../../../model/unknown.js';
import { bool, field, isAwsObject, objects, str, strings, tagMap, tagsOf } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';

/**
 * EKS ListClusters names the clusters only: it maps nothing; its detail call DescribeCluster (one per
 * cluster: EKS has no batch describe; bounded and counted by collect/collect-extras.ts) lists the
 * clusters that eksClusterDescriptor maps.
 */
const clusterNamesDescriptor: ResourceDescriptor = {
  type: 'aws_eks_cluster',
  service: 'eks',
  operation: 'ListClusters',
  pageSize: 100,
  items: (page) => strings(page, 'clusters').map((name) => ({ name })),
  details: [{ operation: 'DescribeCluster', request: (item) => (str(item, 'name') ? { name: str(item, 'name')! } : undefined) }],
  map: () => [],
};

/**
 * DescribeCluster answers, per cluster ListClusters named (`listedBy`) → `aws_eks_cluster` with its
 * `vpc_config` block.
 */
export const eksClusterDescriptor: ResourceDescriptor = {
  type: 'aws_eks_cluster',
  service: 'eks',
  operation: 'DescribeCluster',
  listedBy: clusterNamesDescriptor,
  configType: 'AWS::EKS::Cluster',
  items: (page) => {
    const cluster = field(page, 'cluster');
    return isAwsObject(cluster) ? [cluster] : [];
  },
  map(item, { target }) {
    const name = str(item, 'name');
    if (!name) return [];
    const vpc = field(item, 'resourcesVpcConfig');
    const said = (flag: boolean | null, what: string): boolean | Unknown => flag ?? new Unknown(`the EKS API did not say whether the ${what} endpoint is enabled`);
    return [
      {
        type: 'aws_eks_cluster',
        id: name,
        arn: str(item, 'arn') ?? `arn:${target.partition}:eks:${target.region}:${target.account}:cluster/${name}`,
        name,
        values: {
          name,
          version: str(item, 'version'),
          role_arn: str(item, 'roleArn'),
          status: str(item, 'status'),
          vpc_config: [
            {
              vpc_id: str(vpc, 'vpcId'),
              subnet_ids: strings(vpc, 'subnetIds'),
              security_group_ids: strings(vpc, 'securityGroupIds'),
              cluster_security_group_id: str(vpc, 'clusterSecurityGroupId'),
              endpoint_public_access: said(bool(vpc, 'endpointPublicAccess'), 'public'),
              endpoint_private_access: said(bool(vpc, 'endpointPrivateAccess'), 'private'),
              public_access_cidrs: strings(vpc, 'publicAccessCidrs'),
            },
          ],
          enabled_cluster_log_types: objects(field(item, 'logging'), 'clusterLogging')
            .filter((entry) => bool(entry, 'enabled') === true)
            .flatMap((entry) => strings(entry, 'types')),
        },
        tags: tagsOf(item) ?? tagMap([]),
        raw: item,
      },
    ];
  },
};
