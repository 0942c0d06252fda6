import {
  TERRAFORM_BACKEND_TYPE,
  definePolicy,
  isUnknown,
  knownString,
  locate,
  type Bucket,
  type PolicyContext,
  type Resource,
  type SettingOrigin,
  type Unknown,
  type Value,
} from '../src/api.js';

const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];

export interface StateBucketOptions {
  /** Names of state buckets, besides those the scanned backends name (a live audit has no backend to read). */
  buckets: string[];
}

export const stateBucketInsecure = definePolicy<StateBucketOptions>({
  id: 'state-bucket-insecure',
  title: 'Terraform state bucket is not protected',
  severity: 'high',
  description:
    'The S3 bucket that holds the Terraform state (the S3 backend\'s bucket, when the same plan or source manages it) is ' +
    'not encrypted with KMS by default, does not keep versions (a bad write or a deletion loses the state for good), or ' +
    'does not block public access with all four public access block settings. A live audit has no backend configuration ' +
    'to name the bucket: list the state buckets in the `buckets` option (also useful when the backend lives in another ' +
    'repository than the bucket).',
  remediation:
    'Give the state bucket aws_s3_bucket_server_side_encryption_configuration with sse_algorithm = "aws:kms" and a customer ' +
    'managed key, aws_s3_bucket_versioning with status = "Enabled", and aws_s3_bucket_public_access_block with ' +
    'block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets all true.',
  frameworks: { 'AWS Foundational Security Best Practices': ['S3.8'] },
  tags: ['terraform-state', 'encryption', 'storage'],
  resourceTypes: [TERRAFORM_BACKEND_TYPE, 'aws_s3_bucket', 'aws_s3_bucket_server_side_encryption_configuration', 'aws_s3_bucket_versioning', 'aws_s3_bucket_public_access_block'],
  options: {
    schema: { type: 'object', additionalProperties: false, properties: { buckets: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } } },
    defaults: { buckets: [] },
  },
  messages: {
    encryptionInPlace: 'state bucket {{bucket}} encrypts objects with KMS by default',
    versioningInPlace: 'state bucket {{bucket}} keeps versions (versioning is Enabled)',
    publicAccessBlockInPlace: 'state bucket {{bucket}} blocks all public access (all four public access block settings are true)',
    noEncryption: 'state bucket {{bucket}} has no default encryption configuration: objects get S3-managed keys (SSE-S3) at best, not KMS',
    notKms: 'state bucket {{bucket}} is not encrypted with KMS (sse_algorithm = {{algorithm}})',
    noVersioning: 'state bucket {{bucket}} does not keep versions (no versioning configuration)',
    versioningOff: 'state bucket {{bucket}} does not keep versions (versioning is {{status}})',
    noPublicAccessBlock: 'state bucket {{bucket}} does not block public access (no aws_s3_bucket_public_access_block)',
    publicAccessNotBlocked: 'state bucket {{bucket}} does not fully block public access ({{flags}} not true)',
    settingUnknown: 'cannot tell the {{setting}} of state bucket {{bucket}}',
  },
  check(context) {
    const names = new Set<string>(context.options.buckets);
    for (const backend of context.inventory.ofType(TERRAFORM_BACKEND_TYPE)) {
      const bucket = knownString(backend.values['bucket']);
      if (backend.values['type'] === 's3' && bucket) names.add(bucket);
    }
    if (names.size === 0) return;
    for (const bucket of context.inventory.buckets) {
      if (typeof bucket.name === 'string' && names.has(bucket.name)) checkBucket(context, bucket, bucket.name);
    }
  },
});

type Context = PolicyContext<StateBucketOptions>;

type Element = 'encryption' | 'versioning' | 'public access block';

/** The message of a passing check of each element. */
const IN_PLACE = { encryption: 'encryptionInPlace', versioning: 'versioningInPlace', 'public access block': 'publicAccessBlockInPlace' } as const;

/** A failing check: its message id and the data it needs besides the bucket name. */
interface Problem {
  messageId: string;
  data?: Record<string, string>;
}

function checkBucket(context: Context, bucket: Bucket, name: string): void {
  const resource = bucket.resource;
  const report = (element: Element, problem: Problem | undefined, origin: SettingOrigin | undefined, evidence: { path: string; value: Value; note?: string }[]): void => {
    const location = origin ? locate(origin.resource, origin.path) : undefined;
    if (problem === undefined) context.pass({ resource, element, messageId: IN_PLACE[element], data: { bucket: name } });
    else context.fail({ resource, element, messageId: problem.messageId, data: { bucket: name, ...problem.data }, evidence, ...(location ? { location } : {}) });
  };
  const unknown = (element: Element, origin: SettingOrigin | undefined, reason: Unknown): void => {
    const location = origin ? locate(origin.resource, origin.path) : undefined;
    context.unknown({ resource, element, messageId: 'settingUnknown', data: { setting: element, bucket: name }, reason, ...(location ? { location } : {}) });
  };

  const encryption = bucket.encryption;
  if (isUnknown(encryption)) unknown('encryption', undefined, encryption);
  else if (!encryption) report('encryption', { messageId: 'noEncryption' }, undefined, []);
  else if (isUnknown(encryption.algorithm)) unknown('encryption', encryption, encryption.algorithm);
  else {
    const kms = typeof encryption.algorithm === 'string' && KMS_ALGORITHMS.includes(encryption.algorithm);
    report('encryption', kms ? undefined : { messageId: 'notKms', data: { algorithm: JSON.stringify(encryption.algorithm) } }, encryption, [
      { path: `${prefix(encryption, resource)}${encryption.path}`, value: encryption.algorithm },
    ]);
  }

  const versioning = bucket.versioning;
  if (versioning && isUnknown(versioning.status)) unknown('versioning', versioning, versioning.status);
  else if (!versioning) report('versioning', { messageId: 'noVersioning' }, undefined, []);
  else {
    report('versioning', versioning.status === 'Enabled' ? undefined : { messageId: 'versioningOff', data: { status: String(versioning.status) } }, versioning, [
      { path: `${prefix(versioning, resource)}${versioning.path}`, value: versioning.status },
    ]);
  }

  const block = bucket.publicAccessBlock;
  if (isUnknown(block)) unknown('public access block', undefined, block);
  else if (!block) report('public access block', { messageId: 'noPublicAccessBlock' }, undefined, []);
  else {
    const flags: [string, Value][] = [
      ['block_public_acls', block.blockPublicAcls],
      ['block_public_policy', block.blockPublicPolicy],
      ['ignore_public_acls', block.ignorePublicAcls],
      ['restrict_public_buckets', block.restrictPublicBuckets],
    ];
    const undecided = flags.find(([, value]) => isUnknown(value));
    const off = flags.filter(([, value]) => value !== true && value !== 'true');
    if (undecided && isUnknown(undecided[1])) unknown('public access block', block, undecided[1]);
    else {
      report('public access block', off.length === 0 ? undefined : { messageId: 'publicAccessNotBlocked', data: { flags: off.map(([flag]) => flag).join(', ') } }, off[0] ? { resource: block.resource, path: off[0][0] } : block,
        off.map(([flag, value]) => ({ path: `${block.resource.address}.${flag}`, value })));
    }
  }
}

/** Evidence paths of settings written in another resource name that resource. */
function prefix(origin: SettingOrigin, bucket: Resource): string {
  return origin.resource === bucket ? '' : `${origin.resource.address}.`;
}
