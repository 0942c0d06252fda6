import type { ResourceDescriptor } from '../descriptor.js';
import { eipDescriptor } from './ec2-eip.js';
import { flowLogDescriptor } from './ec2-flow-log.js';
import { publicImageDescriptor } from './ec2-public-image.js';
import { publicSnapshotDescriptor } from './ec2-public-snapshot.js';
import { instanceDescriptor } from './ec2-instance.js';
import { internetGatewayDescriptor } from './ec2-internet-gateway.js';
import { managedPrefixListDescriptor } from './ec2-managed-prefix-list.js';
import { networkAclDescriptor } from './ec2-network-acl.js';
import { networkInterfaceDescriptor } from './ec2-network-interface.js';
import { routeTableDescriptor } from './ec2-route-table.js';
import { securityGroupDescriptor } from './ec2-security-group.js';
import { subnetDescriptor } from './ec2-subnet.js';
import { volumeDescriptor } from './ec2-volume.js';
import { vpcDescriptor } from './ec2-vpc.js';
import { eksClusterDescriptor } from './eks-cluster.js';
import { replicationGroupDescriptor } from './elasticache-replication-group.js';
import { openSearchDomainDescriptor } from './opensearch-domain.js';
import { launchConfigurationDescriptor } from './autoscaling-launch-configuration.js';
import { ebsEncryptionByDefaultDescriptor } from './ec2-ebs-encryption-by-default.js';
import { launchTemplateDescriptor } from './ec2-launch-template.js';
import { instanceMetadataDefaultsDescriptor } from './ec2-instance-metadata-defaults.js';
import { dbClusterDescriptor } from './rds-db-cluster.js';
import { dbInstanceDescriptor } from './rds-db-instance.js';
import { dbSubnetGroupDescriptor } from './rds-db-subnet-group.js';
import { kmsKeyDescriptor } from './kms-key.js';
import { cloudTrailDescriptor } from './cloudtrail-trail.js';
import { configRecorderDescriptor } from './config-recorder.js';
import { redshiftClusterDescriptor } from './redshift-cluster.js';
import { redshiftSubnetGroupDescriptor } from './redshift-subnet-group.js';
import { redshiftParameterGroupDescriptor } from './redshift-parameter-group.js';
import { loadBalancerDescriptor } from './elbv2-load-balancer.js';
import { listenerDescriptor } from './elbv2-listener.js';
import { classicLoadBalancerDescriptor } from './elb-load-balancer.js';
import { dbClusterSnapshotSharingDescriptor, dbSnapshotSharingDescriptor } from './rds-snapshot-sharing.js';
import { sqsQueueDescriptor } from './sqs-queue.js';
import { snsTopicDescriptor } from './sns-topic.js';
import { dynamodbTableDescriptor } from './dynamodb-table.js';
import { efsFileSystemDescriptor } from './efs-file-system.js';
import { logGroupDescriptor } from './cloudwatch-log-group.js';
import { secretDescriptor } from './secretsmanager-secret.js';
import { kinesisStreamDescriptor } from './kinesis-stream.js';

/** Every regional resource type a live audit reads: one list call (with its pages) each per (account, region), its detail calls per listed item where AWS has no list call that says enough (`details`), or none where another descriptor's detail call lists its items (`listedBy`). */
export const REGIONAL_DESCRIPTORS: readonly ResourceDescriptor[] = [
  vpcDescriptor,
  subnetDescriptor,
  routeTableDescriptor,
  internetGatewayDescriptor,
  networkAclDescriptor,
  securityGroupDescriptor,
  networkInterfaceDescriptor,
  instanceDescriptor,
  eipDescriptor,
  volumeDescriptor,
  managedPrefixListDescriptor,
  dbInstanceDescriptor,
  dbClusterDescriptor,
  dbSubnetGroupDescriptor,
  kmsKeyDescriptor,
  cloudTrailDescriptor,
  configRecorderDescriptor,
  loadBalancerDescriptor,
  listenerDescriptor,
  classicLoadBalancerDescriptor,
  flowLogDescriptor,
  eksClusterDescriptor,
  openSearchDomainDescriptor,
  replicationGroupDescriptor,
  publicSnapshotDescriptor,
  publicImageDescriptor,
  dbSnapshotSharingDescriptor,
  dbClusterSnapshotSharingDescriptor,
  launchTemplateDescriptor,
  launchConfigurationDescriptor,
  ebsEncryptionByDefaultDescriptor,
  instanceMetadataDefaultsDescriptor,
  redshiftClusterDescriptor,
  redshiftSubnetGroupDescriptor,
  sqsQueueDescriptor,
  snsTopicDescriptor,
  dynamodbTableDescriptor,
  efsFileSystemDescriptor,
  logGroupDescriptor,
  secretDescriptor,
  kinesisStreamDescriptor,
  redshiftParameterGroupDescriptor,
];

/** `ec2:DescribeVpcs`: the key of a descriptor's pages in a recording and in API call counts. */
export function operationKey(descriptor: Pick<ResourceDescriptor, 'service' | 'operation'>): string {
  return `${descriptor.service}:${descriptor.operation}`;
}
