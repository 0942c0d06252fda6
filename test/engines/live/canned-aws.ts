import { Readable } from 'node:stream';

/** What a canned response handler sees of one request. */
export interface CannedRequest {
  service: string;
  region: string;
  /** Query-protocol action (`DescribeVpcs`), or for S3 the method and path. */
  action: string;
  /** The request's query parameters (`RoleArn` of an AssumeRole). */
  params: Record<string, string>;
  /** The access key id that signed the request. */
  accessKeyId: string;
  /** A JSON-protocol request's body, or a REST request's query (EFS `Marker`), as an object. */
  input: Record<string, unknown>;
}

export interface CannedResponse {
  status: number;
  body: string;
  /** Extra response headers (a REST-JSON error's `x-amzn-errortype`). */
  headers?: Record<string, string>;
}

/** Services whose endpoints answer in JSON rather than the query protocol's XML. */
const JSON_SERVICES = new Set(['config', 'kms', 'cloudtrail', 'eks', 'es', 'sqs', 'dynamodb']);
// EFS (REST-JSON), CloudWatch Logs, Secrets Manager and Kinesis (JSON 1.1).
for (const service of ['elasticfilesystem', 'logs', 'secretsmanager', 'kinesis']) JSON_SERVICES.add(service);

interface SdkRequest {
  hostname: string;
  path: string;
  method: string;
  headers?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
}

/**
 * An SDK HTTP handler that answers from a function instead of the network: the whole SDK stack
 * (serialisation, signing, retries, parsing) runs as in production, only the socket is replaced.
 */
export class CannedAws {
  readonly requests: CannedRequest[] = [];

  constructor(private readonly respond: (request: CannedRequest, attempt: number) => CannedResponse | Error) {}

  async handle(request: SdkRequest): Promise<{ response: { statusCode: number; headers: Record<string, string>; body: Readable } }> {
    const labels = request.hostname.split('.');
    const at = labels.findIndex((label) => ['ec2', 'rds', 's3', 's3-control', 'sts', 'config', 'organizations', 'kms', 'cloudtrail', 'autoscaling', 'iam', 'redshift', 'elasticloadbalancing', 'eks', 'es', 'elasticache', 'sns'].includes(label) || JSON_SERVICES.has(label));
    const service = labels[at] ?? 'unknown';
    const region = labels[at + 1] ?? 'us-east-1';
    const body = typeof request.body === 'string' ? request.body : request.body instanceof Uint8Array ? Buffer.from(request.body).toString() : '';
    // Query protocols name the action in the body; JSON protocols in X-Amz-Target (`Service.Action`).
    const target = request.headers?.['x-amz-target'] ?? request.headers?.['X-Amz-Target'];
    const action = target?.split('.').at(-1) ?? new URLSearchParams(body).get('Action') ?? `${request.method} ${request.path}`;
    const params = Object.fromEntries(new URLSearchParams(body));
    const accessKeyId = /Credential=([^/]+)\//.exec(request.headers?.['authorization'] ?? '')?.[1] ?? '';
    const canned: CannedRequest = { service, region, action, params, accessKeyId, input: target ? jsonBody(body) : { ...request.query } };
    const attempt = this.requests.filter((r) => r.service === service && r.region === region && r.action === action).length + 1;
    this.requests.push(canned);
    const answer = this.respond(canned, attempt);
    if (answer instanceof Error) throw answer;
    return {
      response: {
        statusCode: answer.status,
        headers: {
          'content-type': JSON_SERVICES.has(service) ? 'application/x-amz-json-1.1' : 'text/xml',
          'x-amzn-requestid': `req-${this.requests.length}`,
          ...answer.headers,
        },
        body: Readable.from([Buffer.from(answer.body)]),
      },
    };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  destroy(): void {}
}

function jsonBody(body: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A JSON-protocol error document (`AccessDeniedException` …). */
export function jsonError(status: number, code: string, message: string): CannedResponse {
  return { status, body: JSON.stringify({ __type: code, message }) };
}

/** Namespaces of the query-protocol services with a `<Action>Result` wrapper. */
const QUERY_NAMESPACE: Record<string, string> = {
  rds: 'http://rds.amazonaws.com/doc/2014-10-31/',
  autoscaling: 'http://autoscaling.amazonaws.com/doc/2011-01-01/',
  elasticache: 'http://elasticache.amazonaws.com/doc/2015-02-02/',
  sns: 'http://sns.amazonaws.com/doc/2010-03-31/',
};

/** An empty successful answer of an action (EC2, RDS, Auto Scaling or ElastiCache query protocol, a JSON-protocol service, the EKS and OpenSearch listings). */
export function emptyQueryResponse(service: string, action: string): CannedResponse {
  if (service === 'eks') return { status: 200, body: '{"clusters":[]}' };
  if (service === 'es') return { status: 200, body: '{"DomainNames":[]}' };
  if (JSON_SERVICES.has(service)) return { status: 200, body: '{}' };
  // S3 Control's one call, the account's public access block, answers "all blocked": an estate without findings stays so.
  if (service === 's3-control') return ACCOUNT_PUBLIC_ACCESS_BLOCKED;
  if (service === 'ec2') return { status: 200, body: `<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId></${action}Response>` };
  // An account whose credential report is ready at once (an empty one): collection does not poll.
  const inner = service === 'iam' && action === 'GenerateCredentialReport' ? '<State>COMPLETE</State>' : '';
  return {
    status: 200,
    body: `<${action}Response xmlns="${QUERY_NAMESPACE[service] ?? QUERY_NAMESPACE['rds']!}"><${action}Result>${inner}</${action}Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${action}Response>`,
  };
}

/** An EC2 error document (`RequestLimitExceeded` 503, `UnauthorizedOperation` 403 …). */
export function ec2Error(status: number, code: string, message: string): CannedResponse {
  return { status, body: `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>r</RequestID></Response>` };
}

/** A REST-JSON error (EKS, OpenSearch): the code travels in a header. */
export function restJsonError(status: number, code: string, message: string): CannedResponse {
  return { status, body: JSON.stringify({ message }), headers: { 'x-amzn-errortype': code } };
}

/** An RDS or ElastiCache (query protocol) error document. */
export function rdsError(status: number, code: string, message: string): CannedResponse {
  return {
    status,
    body: `<ErrorResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
  };
}

export function callerIdentity(account: string): CannedResponse {
  return {
    status: 200,
    body:
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
      `<Arn>arn:aws:sts::${account}:assumed-role/ci/jenkins</Arn><UserId>AROAEXAMPLEID:jenkins</UserId><Account>${account}</Account>` +
      '</GetCallerIdentityResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>',
  };
}

/** AssumeRole's answer: temporary credentials whose key id names the role's account (ASIA + account). */
export function assumedRole(account: string, expiration: string): CannedResponse {
  return {
    status: 200,
    body:
      '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>' +
      `<AccessKeyId>ASIA${account}</AccessKeyId><SecretAccessKey>secret-not-real</SecretAccessKey><SessionToken>token</SessionToken><Expiration>${expiration}</Expiration>` +
      `</Credentials><AssumedRoleUser><Arn>arn:aws:sts::${account}:assumed-role/audit/warden-audit</Arn><AssumedRoleId>AROAEXAMPLE:warden-audit</AssumedRoleId></AssumedRoleUser>` +
      '</AssumeRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>',
  };
}

/** An STS (query protocol) error document. */
export function stsError(status: number, code: string, message: string): CannedResponse {
  return {
    status,
    body: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
  };
}

/** S3 Control GetPublicAccessBlock of an account that blocks all public access. */
export const ACCOUNT_PUBLIC_ACCESS_BLOCKED: CannedResponse = {
  status: 200,
  body:
    '<?xml version="1.0" encoding="UTF-8"?><PublicAccessBlockConfiguration xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><BlockPublicAcls>true</BlockPublicAcls>' +
    '<IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>',
};

export const NO_BUCKETS: CannedResponse = {
  status: 200,
  body: '<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Owner><ID>owner</ID></Owner><Buckets></Buckets></ListAllMyBucketsResult>',
};

/**
 * A region whose logging is set up as CIS asks (the organization's multi-region trail, homed in
 * us-east-1, logging; a recorder that records all supported types, with a delivery channel), so that
 * an estate used for other tests has no CloudTrail or AWS Config findings. Undefined for other calls.
 */
export function loggedRegion(request: CannedRequest): CannedResponse | undefined {
  const ok = (body: unknown): CannedResponse => ({ status: 200, body: JSON.stringify(body) });
  const account = '111122223333';
  switch (`${request.service}:${request.action}`) {
    case 'cloudtrail:DescribeTrails':
      return ok({ trailList: [{ Name: 'org', TrailARN: `arn:aws:cloudtrail:us-east-1:${account}:trail/org`, HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IsOrganizationTrail: true, S3BucketName: 'org-trail' }] });
    case 'cloudtrail:GetTrailStatus':
      return ok({ IsLogging: true });
    case 'cloudtrail:GetEventSelectors':
      return ok({ EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }] });
    case 'config:DescribeConfigurationRecorders':
      return ok({ ConfigurationRecorders: [{ name: 'default', roleARN: `arn:aws:iam::${account}:role/config`, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [] } }] });
    case 'config:DescribeConfigurationRecorderStatus':
      return ok({ ConfigurationRecordersStatus: [{ name: 'default', recording: true, lastStatus: 'SUCCESS' }] });
    case 'config:DescribeDeliveryChannels':
      return ok({ DeliveryChannels: [{ name: 'default', s3BucketName: 'config-logs' }] });
    default:
      return undefined;
  }
}
