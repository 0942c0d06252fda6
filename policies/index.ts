import type { Policy } from '../src/api.js';
import { requiredTags } from './required-tags.js';
import { sgOpenIngress } from './sg-open-ingress.js';
import { defaultSgRestrictsAll } from './default-sg-restricts-all.js';
import { naclAdminPortsOpen } from './nacl-admin-ports-open.js';
import { dbInternetReachable } from './db-internet-reachable.js';
import { dbPubliclyAccessible } from './db-publicly-accessible.js';
import { ebsUnencrypted } from './ebs-unencrypted.js';
import { ebsVolumeUnattached } from './ebs-volume-unattached.js';
import { eipUnattached } from './eip-unattached.js';
import { rdsStorageUnencrypted } from './rds-storage-unencrypted.js';
import { stateBackendUnencrypted } from './state-backend-unencrypted.js';
import { stateBackendUnlocked } from './state-backend-unlocked.js';
import { stateBucketInsecure } from './state-bucket-insecure.js';
import { stateFileCommitted } from './state-file-committed.js';
import { kmsKeyRotation } from './kms-key-rotation.js';
import { cloudtrailMultiRegion } from './cloudtrail-multi-region.js';
import { cloudtrailLogValidation } from './cloudtrail-log-validation.js';
import { cloudtrailKmsEncryption } from './cloudtrail-kms-encryption.js';
import { configRecorderEnabled } from './config-recorder-enabled.js';
import { kmsKeyPendingDeletion } from './kms-key-pending-deletion.js';
import { lbHttpNotRedirected } from './lb-http-not-redirected.js';
import { lbTlsPolicyOutdated } from './lb-tls-policy-outdated.js';
import { albDropInvalidHeaders } from './alb-drop-invalid-headers.js';
import { elbClassicListenerNotTls } from './elb-classic-listener-not-tls.js';
import { vpcFlowLogs } from './vpc-flow-logs.js';
import { eksEndpointPublic } from './eks-endpoint-public.js';
import { opensearchOutsideVpc } from './opensearch-outside-vpc.js';
import { encryptionInTransit } from './encryption-in-transit.js';
import { snapshotPublic } from './snapshot-public.js';
import { imdsv2Required } from './imdsv2-required.js';
import { ebsEncryptionByDefault } from './ebs-encryption-by-default.js';
import { launchBlockDeviceUnencrypted } from './launch-block-device-unencrypted.js';
import { publicIpByDefault } from './public-ip-by-default.js';
import { iamAdminPrivileges } from './iam-admin-privileges.js';
import { iamWildcardActions } from './iam-wildcard-actions.js';
import { iamPrivilegeEscalation } from './iam-privilege-escalation.js';
import { iamUserPolicyAttached } from './iam-user-policy-attached.js';
import { iamRoleTrustOpen } from './iam-role-trust-open.js';
import { s3AccountPublicAccessBlock } from './s3-account-public-access-block.js';
import { s3BucketPublicAccessBlock } from './s3-bucket-public-access-block.js';
import { s3BucketPublicAcl } from './s3-bucket-public-acl.js';
import { s3BucketKmsEncryption } from './s3-bucket-kms-encryption.js';
import { s3BucketVersioning } from './s3-bucket-versioning.js';
import { s3BucketAccessLogging } from './s3-bucket-access-logging.js';
import { dbTierAdmitsCidr } from './db-tier-admits-cidr.js';
import { instanceAdminPortReachable } from './instance-admin-port-reachable.js';
import { sgUnused } from './sg-unused.js';
import { sgEgressOpen } from './sg-egress-open.js';
import { sgRuleRedundant } from './sg-rule-redundant.js';
import { sgStaleReference } from './sg-stale-reference.js';
import { resourcePolicyPublic } from './resource-policy-public.js';
import { s3DenyInsecureTransport } from './s3-deny-insecure-transport.js';
import { iamRootAccessKeys } from './iam-root-access-keys.js';
import { iamRootMfa } from './iam-root-mfa.js';
import { iamUserConsoleMfa } from './iam-user-console-mfa.js';
import { iamAccessKeyAge } from './iam-access-key-age.js';
import { iamCredentialsUnused } from './iam-credentials-unused.js';
import { iamPasswordPolicy } from './iam-password-policy.js';
import { secretInCode } from './secret-in-code.js';
import { rdsBackupRetention } from './rds-backup-retention.js';
import { rdsDeletionProtection } from './rds-deletion-protection.js';
import { rdsIamAuthentication } from './rds-iam-authentication.js';
import { rdsAutoMinorUpgrade } from './rds-auto-minor-upgrade.js';
import { encryptionAtRest } from './encryption-at-rest.js';
import { redshiftRequireSsl } from './redshift-require-ssl.js';

/** The built-in policy set, in the order `warden policies` lists it. */
export const builtinPolicies: Policy[] = [sgOpenIngress, dbInternetReachable, dbPubliclyAccessible, requiredTags, rdsStorageUnencrypted, ebsUnencrypted, eipUnattached, ebsVolumeUnattached,
  stateBackendUnencrypted, stateBackendUnlocked, stateBucketInsecure, stateFileCommitted, defaultSgRestrictsAll, naclAdminPortsOpen,
  kmsKeyRotation,
  cloudtrailMultiRegion,
  cloudtrailLogValidation,
  cloudtrailKmsEncryption,
  configRecorderEnabled,
  kmsKeyPendingDeletion,
  lbHttpNotRedirected,
  lbTlsPolicyOutdated,
  albDropInvalidHeaders,
  elbClassicListenerNotTls,
  vpcFlowLogs,
  eksEndpointPublic,
  opensearchOutsideVpc,
  encryptionInTransit,
  snapshotPublic,
  imdsv2Required,
  ebsEncryptionByDefault,
  launchBlockDeviceUnencrypted,
  publicIpByDefault,
  iamAdminPrivileges,
  iamWildcardActions,
  iamPrivilegeEscalation,
  iamUserPolicyAttached,
  iamRoleTrustOpen,
  s3AccountPublicAccessBlock,
  s3BucketPublicAccessBlock,
  s3BucketPublicAcl,
  s3BucketKmsEncryption,
  s3BucketVersioning,
  s3BucketAccessLogging,
  dbTierAdmitsCidr,
  instanceAdminPortReachable,
  sgUnused,
  sgEgressOpen,
  sgRuleRedundant,
  sgStaleReference,
  resourcePolicyPublic,
  s3DenyInsecureTransport,
  iamRootAccessKeys,
  iamRootMfa,
  iamUserConsoleMfa,
  iamAccessKeyAge,
  iamCredentialsUnused,
  iamPasswordPolicy,
  secretInCode,
  rdsBackupRetention,
  rdsDeletionProtection,
  rdsIamAuthentication,
  rdsAutoMinorUpgrade,
  encryptionAtRest,
  redshiftRequireSsl,
];
