import * as ec2 from '@aws-sdk/client-ec2';
import * as eks from '@aws-sdk/client-eks';
import * as elasticache from '@aws-sdk/client-elasticache';
import * as opensearch from '@aws-sdk/client-opensearch';
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
  eks,
  opensearch,
  elasticache,
};

/** One list or describe call of a descriptor's service: which operation, with what input and page size. */
export interface ServiceCall {
  service: RegionalService;
  operation: string;
  input?: object | undefined;
  pageSize?: number | undefined;
}

/**
 * Every page of a call, through the SDK's paginator `paginate<Operation>` (or one
 * `<Operation>Command` call for APIs that do not page, such as DescribeAddresses).
 */
export async function* listPages(call: ServiceCall, clients: AccountClients, region: string): AsyncGenerator<object> {
  const sdk = SDK[call.service];
  const client = clients.get(call.service, region);
  const input = call.input ?? {};
  const paginate = sdk[`paginate${call.operation}`];
  if (typeof paginate === 'function') {
    yield* (paginate as Paginate)({ client, ...(call.pageSize ? { pageSize: call.pageSize } : {}) }, input);
    return;
  }
  const Command = sdk[`${call.operation}Command`];
  if (typeof Command !== 'function') throw new Error(`the ${call.service} SDK has no ${call.operation} operation`);
  yield await (client as unknown as Sender).send(new (Command as CommandClass)(input));
}

/** The list call of a descriptor (for a per-resource descriptor, the call that names its resources). */
export function listCallOf(descriptor: ResourceDescriptor): ServiceCall {
  const listed = descriptor.listedBy;
  if (listed) return { service: descriptor.service, operation: listed.operation, input: listed.input, pageSize: listed.pageSize };
  return { service: descriptor.service, operation: descriptor.operation, input: descriptor.input, pageSize: descriptor.pageSize };
}

/** A response body as AWS sent it: the SDK's `$metadata` (request id, attempts) is not part of it. */
export function responseBody(output: object): Record<string, unknown> {
  const { $metadata: _metadata, ...body } = output as Record<string, unknown>;
  return body;
}
