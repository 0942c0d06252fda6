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
import { imdsv2Required } from './imdsv2-required.js';
import { ebsEncryptionByDefault } from './ebs-encryption-by-default.js';
import { launchBlockDeviceUnencrypted } from './launch-block-device-unencrypted.js';
import { publicIpByDefault } from './public-ip-by-default.js';
import { iamAdminPrivileges } from './iam-admin-privileges.js';
import { iamWildcardActions } from './iam-wildcard-actions.js';
import { iamPrivilegeEscalation } from './iam-privilege-escalation.js';
import { iamUserPolicyAttached } from './iam-user-policy-attached.js';
import { iamRoleTrustOpen } from './iam-role-trust-open.js';
import { rdsBackupRetention } from './rds-backup-retention.js';
import { rdsDeletionProtection } from './rds-deletion-protection.js';
import { rdsIamAuthentication } from './rds-iam-authentication.js';
import { rdsAutoMinorUpgrade } from './rds-auto-minor-upgrade.js';
import { encryptionAtRest } from './encryption-at-rest.js';

/** The built-in policy set, in the order `warden policies` lists it. */
export const builtinPolicies: Policy[] = [sgOpenIngress, dbInternetReachable, dbPubliclyAccessible, requiredTags, rdsStorageUnencrypted, ebsUnencrypted, eipUnattached, ebsVolumeUnattached,
  stateBackendUnencrypted, stateBackendUnlocked, stateBucketInsecure, stateFileCommitted, defaultSgRestrictsAll, naclAdminPortsOpen,
  kmsKeyRotation,
  cloudtrailMultiRegion,
  cloudtrailLogValidation,
  cloudtrailKmsEncryption,
  configRecorderEnabled,
  kmsKeyPendingDeletion,
  imdsv2Required,
  ebsEncryptionByDefault,
  launchBlockDeviceUnencrypted,
  publicIpByDefault,
  iamAdminPrivileges,
  iamWildcardActions,
  iamPrivilegeEscalation,
  iamUserPolicyAttached,
  iamRoleTrustOpen,
  rdsBackupRetention,
  rdsDeletionProtection,
  rdsIamAuthentication,
  rdsAutoMinorUpgrade,
  encryptionAtRest,
];
