import { bool, objects, type AwsObject } from './aws-object.js';

/**
 * Evidence of live findings speaks AWS: `IpPermissions[0].IpRanges`, not Terraform's
 * `ingress.0.cidr_blocks`, since the person reading an audit looks at the console or the API, not at a
 * configuration. Per Terraform type, the API field each attribute the descriptors map came from.
 * A path with no entry (a value warden derives, or a type not listed) keeps its Terraform name.
 */
const TOP_LEVEL: Record<string, Record<string, string>> = {
  aws_db_instance: {
    publicly_accessible: 'PubliclyAccessible',
    port: 'Endpoint.Port',
    storage_encrypted: 'StorageEncrypted',
    kms_key_id: 'KmsKeyId',
    vpc_security_group_ids: 'VpcSecurityGroups',
    db_subnet_group_name: 'DBSubnetGroup.DBSubnetGroupName',
    iam_database_authentication_enabled: 'IAMDatabaseAuthenticationEnabled',
    deletion_protection: 'DeletionProtection',
    backup_retention_period: 'BackupRetentionPeriod',
    auto_minor_version_upgrade: 'AutoMinorVersionUpgrade',
    engine: 'Engine',
  },
  aws_rds_cluster: {
    publicly_accessible: 'PubliclyAccessible',
    port: 'Port',
    storage_encrypted: 'StorageEncrypted',
    kms_key_id: 'KmsKeyId',
    vpc_security_group_ids: 'VpcSecurityGroups',
    db_subnet_group_name: 'DBSubnetGroup',
    deletion_protection: 'DeletionProtection',
    backup_retention_period: 'BackupRetentionPeriod',
    iam_database_authentication_enabled: 'IAMDatabaseAuthenticationEnabled',
    engine: 'Engine',
  },
  aws_redshift_cluster: {
    publicly_accessible: 'PubliclyAccessible',
    port: 'Endpoint.Port',
    vpc_security_group_ids: 'VpcSecurityGroups',
    cluster_subnet_group_name: 'ClusterSubnetGroupName',
    ip_address_type: 'IpAddressType',
    encrypted: 'Encrypted',
    kms_key_id: 'KmsKeyId',
    cluster_parameter_group_name: 'ClusterParameterGroups[0].ParameterGroupName',
  },
  aws_redshift_parameter_group: { parameter: 'Parameters' },
  aws_redshift_subnet_group: { subnet_ids: 'Subnets', vpc_id: 'VpcId' },
  aws_ebs_volume: { encrypted: 'Encrypted', kms_key_id: 'KmsKeyId', attachments: 'Attachments', state: 'State', snapshot_id: 'SnapshotId' },
  aws_eip: { association_id: 'AssociationId', instance: 'InstanceId', network_interface: 'NetworkInterfaceId', public_ip: 'PublicIp' },
  aws_instance: { public_ip: 'PublicIpAddress', subnet_id: 'SubnetId', vpc_security_group_ids: 'SecurityGroups', ami: 'ImageId' },
  aws_subnet: { map_public_ip_on_launch: 'MapPublicIpOnLaunch', cidr_block: 'CidrBlock' },
  aws_vpc: { cidr_block: 'CidrBlock', is_default: 'IsDefault' },
};

const SG_RULE_FIELDS: Record<string, string> = {
  cidr_blocks: 'IpRanges',
  ipv6_cidr_blocks: 'Ipv6Ranges',
  security_groups: 'UserIdGroupPairs',
  self: 'UserIdGroupPairs',
  prefix_list_ids: 'PrefixListIds',
  protocol: 'IpProtocol',
  from_port: 'FromPort',
  to_port: 'ToPort',
};

const NACL_ENTRY_FIELDS: Record<string, string> = {
  cidr_block: 'CidrBlock',
  ipv6_cidr_block: 'Ipv6CidrBlock',
  rule_no: 'RuleNumber',
  action: 'RuleAction',
  protocol: 'Protocol',
  from_port: 'PortRange.From',
  to_port: 'PortRange.To',
};

// Neptune and DocumentDB come from the same RDS calls as RDS instances and clusters, with the same fields.
TOP_LEVEL['aws_neptune_cluster_instance'] = { ...TOP_LEVEL['aws_db_instance'], neptune_subnet_group_name: 'DBSubnetGroup.DBSubnetGroupName' };
TOP_LEVEL['aws_docdb_cluster_instance'] = TOP_LEVEL['aws_db_instance']!;
TOP_LEVEL['aws_neptune_cluster'] = { ...TOP_LEVEL['aws_rds_cluster'], neptune_subnet_group_name: 'DBSubnetGroup' };
TOP_LEVEL['aws_docdb_cluster'] = TOP_LEVEL['aws_rds_cluster']!;
TOP_LEVEL['aws_efs_file_system'] = { encrypted: 'Encrypted', kms_key_id: 'KmsKeyId', creation_token: 'CreationToken' };
TOP_LEVEL['aws_cloudwatch_log_group'] = { kms_key_id: 'kmsKeyId', retention_in_days: 'retentionInDays' };
// kms_key_id keeps its Terraform name: a secret on the AWS managed key has no KmsKeyId in the listing.
TOP_LEVEL['aws_secretsmanager_secret'] = { rotation_enabled: 'RotationEnabled' };
// The encryption comes from the stream's DescribeStreamSummary, not from the listed item.
TOP_LEVEL['aws_kinesis_stream'] = { encryption_type: 'StreamDescriptionSummary.EncryptionType', kms_key_id: 'StreamDescriptionSummary.KeyId' };

/** The API path for a Terraform attribute path of a live resource of `type` mapped from `raw`, or undefined. */
export function apiPathOf(type: string, path: string, raw: unknown): string | undefined {
  const [head, index, field, ...rest] = path.split('.');
  if (head === undefined) return undefined;
  if (head === 'tags' || head === 'tags_all') return index === undefined ? 'Tags' : `Tags[Key=${index}]`;
  if ((type === 'aws_security_group' || type === 'aws_default_security_group') && (head === 'ingress' || head === 'egress') && isIndex(index)) {
    // The descriptor maps IpPermissions[i] to ingress[i] one to one.
    const list = head === 'ingress' ? 'IpPermissions' : 'IpPermissionsEgress';
    if (field === undefined) return `${list}[${index}]`;
    const api = SG_RULE_FIELDS[field];
    return api && rest.length === 0 ? `${list}[${index}].${api}` : undefined;
  }
  if ((type === 'aws_network_acl' || type === 'aws_default_network_acl') && (head === 'ingress' || head === 'egress') && isIndex(index)) {
    // ingress and egress are the Entries with Egress false and true, in order: back to the Entries index.
    const entries = objects(raw as AwsObject, 'Entries');
    const positions = entries.flatMap((e, i) => ((bool(e, 'Egress') === true) === (head === 'egress') ? [i] : []));
    const at = positions[Number(index)];
    if (at === undefined) return undefined;
    if (field === undefined) return `Entries[${at}]`;
    const api = NACL_ENTRY_FIELDS[field];
    return api && rest.length === 0 ? `Entries[${at}].${api}` : undefined;
  }
  if (index !== undefined) return undefined;
  return TOP_LEVEL[type]?.[head];
}

function isIndex(part: string | undefined): part is string {
  return part !== undefined && /^\d+$/.test(part);
}
