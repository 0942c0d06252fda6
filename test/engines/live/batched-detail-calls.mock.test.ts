import { DescribeDomainsCommand, ListDomainNamesCommand, OpenSearchClient } from '@aws-sdk/client-opensearch';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildInventories } from '../../../src/engines/live/build-inventories.js';
import { collectLive } from '../../../src/engines/live/collect-live.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' };
const NAMES = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

const opensearch = mockClient(OpenSearchClient);
const sts = mockClient(STSClient);

beforeEach(() => {
  sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333' });
  opensearch.on(ListDomainNamesCommand).resolves({ DomainNames: NAMES.map((DomainName) => ({ DomainName, EngineType: 'OpenSearch' })) });
  // The batch that holds `g` is denied; the others are described.
  opensearch.on(DescribeDomainsCommand).callsFake((input: { DomainNames: string[] }) => {
    if (input.DomainNames.includes('g')) throw Object.assign(new Error('denied'), { name: 'AccessDeniedException' });
    return { DomainStatusList: input.DomainNames.map((DomainName) => ({ DomainName, ARN: `arn:aws:es:eu-west-1:111122223333:domain/${DomainName}`, NodeToNodeEncryptionOptions: { Enabled: true } })) };
  });
});
afterEach(() => {
  opensearch.reset();
  sts.reset();
});

describe('a batched detail call (OpenSearch DescribeDomains, 5 domains a call) of a lister descriptor (ListDomainNames)', () => {
  it('describes the listed domains 5 at a time, records each domain by name, and a denied batch is a gap for its domains only', async () => {
    const collection = await collectLive({ source: { kind: 'api' }, regions: ['eu-west-1'], credentials, maxAttempts: 1, readsType: (type) => type === 'aws_opensearch_domain' });

    const batches = opensearch.commandCalls(DescribeDomainsCommand).map((call) => call.args[0].input.DomainNames);
    expect(batches).toEqual([['a', 'b', 'c', 'd', 'e'], ['f', 'g']]);
    expect(opensearch.commandCalls(ListDomainNamesCommand)).toHaveLength(1);
    expect(collection.gaps.map((g) => [g.service, g.operations, g.errorCode])).toEqual([['opensearch', ['DescribeDomains'], 'AccessDeniedException']]);
    // One recorded answer per domain, found by its name when the recording is mapped offline.
    const recorded = collection.recording.targets[0]!.responses['opensearch:DescribeDomains']!;
    expect(recorded.map((answer) => (answer as { DomainName: string }).DomainName)).toEqual(NAMES);
    const saved = JSON.parse(JSON.stringify(collection.recording));
    const domains = buildInventories(saved).flatMap((inventory) => inventory.ofType('aws_opensearch_domain').map((r) => r.values['domain_name']));
    expect(domains).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
