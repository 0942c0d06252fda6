import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { EC2Client, type EC2ClientConfig } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { EKSClient } from '@aws-sdk/client-eks';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { KMSClient } from '@aws-sdk/client-kms';
import { OpenSearchClient } from '@aws-sdk/client-opensearch';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { IAMClient } from '@aws-sdk/client-iam';
import { RDSClient } from '@aws-sdk/client-rds';
import { RedshiftClient } from '@aws-sdk/client-redshift';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { STSClient } from '@aws-sdk/client-sts';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EFSClient } from '@aws-sdk/client-efs';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import type { ApiCallCounter } from './api-call-counter.js';

/** Static credentials or a credential provider, as every SDK client accepts them. */
export type AwsCredentials = NonNullable<EC2ClientConfig['credentials']>;

/** How every client of an audit is configured. */
export interface ClientSettings {
  credentials?: AwsCredentials;
  /** SDK attempts per call (first try + retries) with the adaptive retry mode (client-side rate limiting on throttling). */
  maxAttempts: number;
  /** A custom HTTP handler (tests: canned responses, no network); default: the SDK's with timeouts. */
  requestHandler?: unknown;
  counter: ApiCallCounter;
}

/** Connection and request timeouts, so an unreachable region ends as a coverage gap instead of a hang. */
const DEFAULT_HANDLER = { connectionTimeout: 5_000, requestTimeout: 60_000 };

/** The SDK client of each service an audit calls (one line each). */
interface ServiceClients {
  ec2: EC2Client;
  rds: RDSClient;
  s3: S3Client;
  s3control: S3ControlClient;
  config: ConfigServiceClient;
  sts: STSClient;
  organizations: OrganizationsClient;
  kms: KMSClient;
  cloudtrail: CloudTrailClient;
  autoscaling: AutoScalingClient;
  iam: IAMClient;
  elbv2: ElasticLoadBalancingV2Client;
  elb: ElasticLoadBalancingClient;
  eks: EKSClient;
  opensearch: OpenSearchClient;
  elasticache: ElastiCacheClient;
  redshift: RedshiftClient;
  sqs: SQSClient;
  sns: SNSClient;
  dynamodb: DynamoDBClient;
  efs: EFSClient;
  logs: CloudWatchLogsClient;
  secretsmanager: SecretsManagerClient;
  kinesis: KinesisClient;
}
type ServiceName = keyof ServiceClients;
type ClientOf<S extends ServiceName> = ServiceClients[S];

/**
 * The SDK clients of one account, one per (service, region), created on first use and counted by the
 * audit's ApiCallCounter. `account` may be learnt after the first (STS) call.
 */
export class AccountClients {
  readonly #clients = new Map<string, { destroy(): void }>();

  constructor(
    public account: string,
    readonly settings: ClientSettings,
  ) {}

  get<S extends ServiceName>(service: S, region: string): ClientOf<S> {
    const key = `${service}/${region}`;
    let client = this.#clients.get(key);
    if (!client) {
      const config = {
        region,
        ...(this.settings.credentials ? { credentials: this.settings.credentials } : {}),
        retryMode: 'adaptive',
        maxAttempts: this.settings.maxAttempts,
        requestHandler: (this.settings.requestHandler ?? DEFAULT_HANDLER) as never,
      };
      client = create(service, config);
      this.settings.counter.attach(client as never, service, () => `${this.account}/${region}`);
      this.#clients.set(key, client);
    }
    return client as ClientOf<S>;
  }

  destroy(): void {
    for (const client of this.#clients.values()) client.destroy();
    this.#clients.clear();
  }
}

function create(service: ServiceName, config: Record<string, unknown>): { destroy(): void } {
  switch (service) {
    case 'ec2':
      return new EC2Client(config);
    case 'rds':
      return new RDSClient(config);
    case 'redshift':
      return new RedshiftClient(config);
    case 'elbv2':
      return new ElasticLoadBalancingV2Client(config);
    case 'elb':
      return new ElasticLoadBalancingClient(config);
    case 's3':
      // A bucket answered from another region's endpoint (GetBucketLocation without BucketRegion) is followed, not an error.
      return new S3Client({ ...config, followRegionRedirects: true });
    case 's3control':
      return new S3ControlClient(config);
    case 'config':
      return new ConfigServiceClient(config);
    case 'sts':
      return new STSClient(config);
    case 'organizations':
      return new OrganizationsClient(config);
    case 'kms':
      return new KMSClient(config);
    case 'cloudtrail':
      return new CloudTrailClient(config);
    case 'eks':
      return new EKSClient(config);
    case 'opensearch':
      return new OpenSearchClient(config);
    case 'elasticache':
      return new ElastiCacheClient(config);
    case 'autoscaling':
      return new AutoScalingClient(config);
    case 'iam':
      return new IAMClient(config);
    case 'sqs':
      return new SQSClient(config);
    case 'sns':
      return new SNSClient(config);
    case 'dynamodb':
      return new DynamoDBClient(config);
    case 'efs':
      return new EFSClient(config);
    case 'logs':
      return new CloudWatchLogsClient(config);
    case 'secretsmanager':
      return new SecretsManagerClient(config);
    case 'kinesis':
      return new KinesisClient(config);
  }
}
