import * as cloudtrail from '@aws-sdk/client-cloudtrail';
import * as config from '@aws-sdk/client-config-service';
import * as autoscaling from '@aws-sdk/client-auto-scaling';
import * as ec2 from '@aws-sdk/client-ec2';
import * as elb from '@aws-sdk/client-elastic-load-balancing';
import * as elbv2 from '@aws-sdk/client-elastic-load-balancing-v2';
import * as eks from '@aws-sdk/client-eks';
import * as elasticache from '@aws-sdk/client-elasticache';
import * as kms from '@aws-sdk/client-kms';
import * as opensearch from '@aws-sdk/client-opensearch';
import * as rds from '@aws-sdk/client-rds';
import * as redshift from '@aws-sdk/client-redshift';
import * as sqs from '@aws-sdk/client-sqs';
import * as sns from '@aws-sdk/client-sns';
import * as dynamodb from '@aws-sdk/client-dynamodb';
import * as efs from '@aws-sdk/client-efs';
import * as logs from '@aws-sdk/client-cloudwatch-logs';
import * as secretsmanager from '@aws-sdk/client-secrets-manager';
import * as kinesis from '@aws-sdk/client-kinesis';
import type { RegionalService, ResourceDescriptor } from '../descriptor.js';
import type { AccountClients } from './clients.js';

type Paginate = (config: { client: unknown; pageSize?: number }, input: object) => AsyncIterable<object>;
type CommandClass = new (input: object) => unknown;
interface Sender {
  send(command: unknown): Promise<object>;
}

const SDK: Record<RegionalService, Record<string, unknown>> = {
  ec2,
  rds,
  kms,
  cloudtrail,
  config,
  autoscaling,
  redshift,
  elbv2,
  elb,
  eks,
  opensearch,
  elasticache,
  sqs,
  sns,
  dynamodb,
  efs,
  logs,
  secretsmanager,
  kinesis,
};

/** One call of a regional service: the operation, its request and page size. */
export interface ServiceCall {
  service: RegionalService;
  operation: string;
  input?: object | undefined;
  pageSize?: number | undefined;
}

/**
 * Every page of a call (a descriptor's list call, or a paginated detail call with its request), through
 * the SDK's paginator `paginate<Operation>` (or one `<Operation>Command` call for APIs that do not
 * page, such as DescribeAddresses).
 */
export async function* listPages(call: ServiceCall, clients: AccountClients, region: string): AsyncGenerator<object> {
  const paginate = SDK[call.service][`paginate${call.operation}`];
  const input = call.input ?? {};
  if (typeof paginate === 'function') {
    const client = clients.get(call.service, region);
    yield* (paginate as Paginate)({ client, ...(call.pageSize ? { pageSize: call.pageSize } : {}) }, input);
    return;
  }
  yield await sendCommand(call.service, call.operation, clients, region, input);
}

/** One call of `<operation>Command` of a regional service's SDK (detail and companion calls, APIs without pages). */
export async function sendCommand(service: RegionalService, name: string, clients: AccountClients, region: string, input: object): Promise<object> {
  const Command = SDK[service][`${name}Command`];
  if (typeof Command !== 'function') throw new Error(`the ${service} SDK has no ${name} operation`);
  return (clients.get(service, region) as unknown as Sender).send(new (Command as CommandClass)(input));
}

/** A response body as AWS sent it: the SDK's `$metadata` (request id, attempts) is not part of it. */
export function responseBody(output: object): Record<string, unknown> {
  const { $metadata: _metadata, ...body } = output as Record<string, unknown>;
  return body;
}

/** The descriptor whose list call reads a descriptor's items: its own, or its lister's (`listedBy`). */
export function listCallOf(descriptor: ResourceDescriptor): ResourceDescriptor {
  return descriptor.listedBy ?? descriptor;
}
