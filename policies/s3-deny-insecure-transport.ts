import { admitsAnyone, definePolicy, globToRegExp, isUnknown, locate, parsePolicyDocument, statementLabel, Unknown, type PolicyDocument, type Statement } from '../src/api.js';

export const s3DenyInsecureTransport = definePolicy({
  id: 's3-deny-insecure-transport',
  title: 'S3 bucket policy does not deny requests without TLS',
  severity: 'medium',
  description:
    'An S3 bucket passes when its bucket policy (aws_s3_bucket_policy or the inline aws_s3_bucket.policy) has a Deny ' +
    'statement that covers every caller (`"Principal": "*"` or `{"AWS": "*"}`, no NotPrincipal), every S3 action ' +
    '(`s3:*` or `*`, no NotAction), the bucket and its objects (`*`, `arn:aws:s3:::*`, or patterns matching both ' +
    '`arn:aws:s3:::NAME` and `arn:aws:s3:::NAME/*`), and whose only condition is `Bool` (or BoolIfExists) ' +
    '`aws:SecureTransport = "false"`. A bucket without a policy fails. Unknown: a policy, statement, principal, action, ' +
    'condition or Resource known only after apply (a Resource built from the bucket\'s ARN in a plan is known only after ' +
    'apply), or a bucket name not known. Deliberately stricter than Security Hub S3.5, which also accepts a Deny ' +
    'narrowed by further conditions or a subset of actions: such a statement leaves plain-HTTP requests allowed.',
  remediation:
    'Add to the bucket policy: {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*", ' +
    '"Resource": ["arn:aws:s3:::NAME", "arn:aws:s3:::NAME/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}.',
  frameworks: { 'AWS Foundational Security Best Practices': ['S3.5'], 'PCI DSS 4.0': ['4.2.1'] },
  tags: ['s3', 'encryption-in-transit'],
  resourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_policy'],
  messages: {
    noPolicy: 'bucket {{bucket}} has no bucket policy, so nothing denies requests without TLS',
    noDeny: 'the bucket policy of {{bucket}} has no Deny for aws:SecureTransport = false on all principals, s3:* and the bucket and its objects',
    unknown: 'cannot tell whether the bucket policy of {{bucket}} denies requests without TLS',
    denies: 'the bucket policy of {{bucket}} denies every request without TLS ({{statement}})',
  },
  check(context) {
    for (const bucket of context.inventory.buckets) {
      const data = { bucket: typeof bucket.name === 'string' ? bucket.name : bucket.resource.address };
      if (!bucket.policy) {
        context.fail({ resource: bucket.resource, path: 'policy', element: 'no bucket policy', messageId: 'noPolicy', data });
        continue;
      }
      const { resource, path, document } = bucket.policy;
      const answer = secureTransportDeny(parsePolicyDocument(document, `${resource.address} ${path}`), bucket.name);
      // The verdict is the bucket's, located where its policy is written.
      const written = resource !== bucket.resource ? locate(resource, path) : undefined;
      const at = { resource: bucket.resource, path, ...(written ? { location: written } : {}) };
      if (isUnknown(answer)) context.unknown({ ...at, messageId: 'unknown', data, reason: answer });
      else if (answer) context.pass({ resource: bucket.resource, messageId: 'denies', data: { ...data, statement: answer } });
      else context.fail({ ...at, element: 'no TLS deny', messageId: 'noDeny', data });
    }
  },
});

/** The label of the statement that denies requests without TLS, false when none does, or Unknown. */
function secureTransportDeny(document: PolicyDocument | Unknown, bucketName: unknown): string | false | Unknown {
  if (isUnknown(document)) return document;
  let doubt: Unknown | undefined = document.unknown;
  for (const statement of document.statements) {
    const answer = deniesInsecureTransport(statement, bucketName);
    if (answer === true) return statementLabel(statement);
    if (isUnknown(answer)) doubt ??= answer;
  }
  return doubt ?? false;
}

function deniesInsecureTransport(statement: Statement, bucketName: unknown): boolean | Unknown {
  if (isUnknown(statement.effect)) return statement.effect;
  if (statement.effect !== 'Deny' || statement.notPrincipal || statement.notAction || statement.notResource) return false;
  const anyone = admitsAnyone(statement);
  if (anyone === false || isUnknown(anyone)) return anyone;
  const conditions = statement.conditions;
  if (isUnknown(conditions)) return conditions;
  const [only, ...others] = conditions;
  if (!only || others.length > 0) return false;
  if (only.baseOperator.toLowerCase() !== 'bool' || only.setQualifier || only.key.toLowerCase() !== 'aws:securetransport') return false;
  if (!only.values.known.some((v) => v.toLowerCase() === 'false')) return only.values.unknown ? new Unknown(`the aws:SecureTransport value is not known (${only.values.unknown.reason})`) : false;
  const actions = statement.action;
  if (!actions) return false;
  if (!actions.known.some((a) => a === '*' || a.toLowerCase() === 's3:*')) return actions.unknown ? new Unknown(`Action is not known (${actions.unknown.reason})`) : false;
  return coversBucketAndObjects(statement, bucketName);
}

function coversBucketAndObjects(statement: Statement, bucketName: unknown): boolean | Unknown {
  const resources = statement.resource;
  if (!resources) return false;
  const patterns = resources.known;
  if (patterns.some((p) => p === '*' || p === 'arn:aws:s3:::*')) return true;
  if (typeof bucketName !== 'string') {
    return new Unknown(isUnknown(bucketName) ? `the bucket name is not known (${bucketName.reason})` : 'the bucket name is not set');
  }
  const matches = (arn: string): boolean => patterns.some((p) => globToRegExp(p).test(arn));
  if (matches(`arn:aws:s3:::${bucketName}`) && matches(`arn:aws:s3:::${bucketName}/*`)) return true;
  return resources.unknown ? new Unknown(`Resource is not known (${resources.unknown.reason})`) : false;
}
