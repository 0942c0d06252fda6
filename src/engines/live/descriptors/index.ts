import type { ResourceDescriptor } from '../descriptor.js';
import { eipDescriptor } from './ec2-eip.js';
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

/** Every regional resource type a live audit reads: one list call (with its pages) each per (account, region). */
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
  launchTemplateDescriptor,
  launchConfigurationDescriptor,
  ebsEncryptionByDefaultDescriptor,
  instanceMetadataDefaultsDescriptor,
];

/** `ec2:DescribeVpcs`: the key of a descriptor's pages in a recording and in API call counts. */
export function operationKey(descriptor: Pick<ResourceDescriptor, 'service' | 'operation'>): string {
  return `${descriptor.service}:${descriptor.operation}`;
}
