import * as cloudtrail from '@aws-sdk/client-cloudtrail';
import * as config from '@aws-sdk/client-config-service';
import * as autoscaling from '@aws-sdk/client-auto-scaling';
import * as ec2 from '@aws-sdk/client-ec2';
import * as kms from '@aws-sdk/client-kms';
import * as rds from '@aws-sdk/client-rds';
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
};

/**
 * Every page of a descriptor's list call, through the SDK's paginator `paginate<Operation>` (or one
 * `<Operation>Command` call for APIs that do not page, such as DescribeAddresses).
 */
export async function* listPages(descriptor: ResourceDescriptor, clients: AccountClients, region: string): AsyncGenerator<object> {
  const sdk = SDK[descriptor.service];
  const client = clients.get(descriptor.service, region);
  const paginate = sdk[`paginate${descriptor.operation}`];
  const input = descriptor.input ?? {};
  if (typeof paginate === 'function') {
    yield* (paginate as Paginate)({ client, ...(descriptor.pageSize ? { pageSize: descriptor.pageSize } : {}) }, input);
    return;
  }
  yield await sendCommand(descriptor.service, descriptor.operation, clients, region, input);
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
