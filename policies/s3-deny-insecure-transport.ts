import { admitsAnyone, attributeReferenceOf, definePolicy, globToRegExp, isUnknown, locate, parsePolicyDocument, statementLabel, Unknown, type AttributeReference, type Bucket, type PolicyDocument, type Statement } from '../src/api.js';

export const s3DenyInsecureTransport = definePolicy({
  id: 's3-deny-insecure-transport',
  title: 'S3 bucket policy does not deny requests without TLS',
  severity: 'medium',
  description:
    'An S3 bucket passes when its bucket policy (aws_s3_bucket_policy or the inline aws_s3_bucket.policy) has a Deny ' +
    'statement that covers every caller (`"Principal": "*"` or `{"AWS": "*"}`, no NotPrincipal), every S3 action ' +
    '(`s3:*` or `*`, no NotAction), the bucket and its objects (`*`, `arn:aws:s3:::*`, or patterns matching both ' +
    '`arn:aws:s3:::NAME` and `arn:aws:s3:::NAME/*`), and whose only condition is `Bool` (or BoolIfExists) ' +
    '`aws:SecureTransport = "false"`. A bucket without a policy fails. In .tf source a Resource element written as the ' +
    'bucket\'s own ARN (`aws_s3_bucket.b.arn`, or followed by text: `"${aws_s3_bucket.b.arn}/*"`, or built from its name: ' +
    '`"arn:aws:s3:::${aws_s3_bucket.b.id}/*"`) stands for that ARN even ' +
    'when the bucket\'s name is not known (bucket_prefix), and another bucket\'s ARN for that bucket\'s when its name is ' +
    'known; whatever a function or operator makes of an ARN is not known. Unknown: a policy, statement, principal, action, ' +
    'condition or Resource known only after apply (in a plan, a policy built from the bucket\'s ARN is known only after ' +
    'apply as a whole), or a bucket name not known where a literal pattern would have to match it. Deliberately stricter than Security Hub S3.5, which also accepts a Deny ' +
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
    // The ARNs of the configuration's named buckets, for Resource elements written as `aws_s3_bucket.x.arn`.
    let arns: Map<string, string> | undefined;
    const arnOf = (address: string): string | undefined =>
      (arns ??= new Map(context.inventory.buckets.flatMap((b) => (typeof b.name === 'string' ? [[b.resource.address, `arn:aws:s3:::${b.name}`] as const] : [])))).get(address);
    for (const bucket of context.inventory.buckets) {
      const data = { bucket: typeof bucket.name === 'string' ? bucket.name : bucket.resource.address };
      if (!bucket.policy) {
        context.fail({ resource: bucket.resource, path: 'policy', element: 'no bucket policy', messageId: 'noPolicy', data });
        continue;
      }
      const { resource, path, document } = bucket.policy;
      const answer = secureTransportDeny(parsePolicyDocument(document, `${resource.address} ${path}`), { bucket, arnOf });
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
function secureTransportDeny(document: PolicyDocument | Unknown, target: Target): string | false | Unknown {
  if (isUnknown(document)) return document;
  let doubt: Unknown | undefined = document.unknown;
  for (const statement of document.statements) {
    const answer = deniesInsecureTransport(statement, target);
    if (answer === true) return statementLabel(statement);
    if (isUnknown(answer)) doubt ??= answer;
  }
  return doubt ?? false;
}

/** The bucket whose policy is judged, and the ARN of a bucket of the configuration by its address. */
interface Target {
  bucket: Bucket;
  arnOf: (address: string) => string | undefined;
}

function deniesInsecureTransport(statement: Statement, target: Target): boolean | Unknown {
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
  return coversBucketAndObjects(statement, target);
}

function coversBucketAndObjects(statement: Statement, { bucket, arnOf }: Target): boolean | Unknown {
  const resources = statement.resource;
  if (!resources) return false;
  if (resources.known.some((p) => p === '*' || p === 'arn:aws:s3:::*')) return true;
  // Elements written as a bucket's ARN before it is known stand for that ARN followed by the text written
  // after it: this bucket's own, or another bucket's when its name is known.
  const known = [...resources.known];
  const own: string[] = [];
  let doubt: Unknown | undefined = resources.unknownItems ? undefined : resources.unknown;
  for (const item of resources.unknownItems ?? []) {
    const reference = attributeReferenceOf(item);
    if (reference && namesBucketArn(reference)) {
      if (reference.address === bucket.resource.address) {
        own.push(reference.suffix);
        continue;
      }
      const other = arnOf(reference.address);
      if (other !== undefined) {
        known.push(other + reference.suffix);
        continue;
      }
    }
    doubt ??= item;
  }
  const name = bucket.name;
  if (typeof name !== 'string' && own.length === 0) return nameNotKnown(name);
  // Bucket names hold no `*` or `?`: the ARN followed by the written text is the pattern it stands for.
  const arn = typeof name === 'string' ? `arn:aws:s3:::${name}` : UNNAMED_BUCKET_ARN;
  const patterns = [...known, ...own.map((suffix) => arn + suffix)];
  const matches = (target: string): boolean => patterns.some((p) => globToRegExp(p).test(target));
  if (matches(arn) && matches(`${arn}/*`)) return true;
  if (doubt) return new Unknown(`Resource is not known (${doubt.reason})`);
  // A literal pattern may match the name it will have.
  if (typeof name !== 'string' && known.length > 0) return nameNotKnown(name);
  return false;
}

/** `aws_s3_bucket.b.arn`, or `arn:aws:s3:::${aws_s3_bucket.b.id}` (`.bucket`, the name): the bucket's ARN, then the text after it. */
function namesBucketArn({ attribute, prefix }: AttributeReference): boolean {
  return (attribute === 'arn' && prefix === '') || ((attribute === 'id' || attribute === 'bucket') && prefix === 'arn:aws:s3:::');
}

function nameNotKnown(name: unknown): Unknown {
  return new Unknown(isUnknown(name) ? `the bucket name is not known (${name.reason})` : 'the bucket name is not set');
}

/** Stands for the ARN of a bucket whose name is not known: no bucket name holds a control character, so only patterns built from it or matching every bucket match it. */
const UNNAMED_BUCKET_ARN = 'arn:aws:s3:::\u0001unnamed';
