import { CloudTrailClient, DescribeTrailsCommand, GetEventSelectorsCommand, GetTrailStatusCommand } from '@aws-sdk/client-cloudtrail';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildInventories } from '../../../src/engines/live/build-inventories.js';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import { isUnknown } from '../../../src/model/unknown.js';

const ACCOUNT = '111122223333';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' };
const kms = mockClient(KMSClient);
const cloudtrail = mockClient(CloudTrailClient);
const sts = mockClient(STSClient);
const config = mockClient(ConfigServiceClient);
const key = (n: number) => `2b3c4d5e-0000-4000-8000-00000000000${n}`;
const metadata = (n: number, manager: 'AWS' | 'CUSTOMER', state = 'Enabled') => ({
  KeyMetadata: { KeyId: key(n), Arn: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${key(n)}`, KeyManager: manager, KeyUsage: 'ENCRYPT_DECRYPT', KeySpec: 'SYMMETRIC_DEFAULT', KeyState: state, Origin: 'AWS_KMS' },
} as never);

beforeEach(() => {
  for (const mock of [kms, cloudtrail, sts, config]) mock.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
  config.onAnyCommand().resolves({});
  cloudtrail.onAnyCommand().resolves({});
  // Two pages of keys: a customer key, an AWS managed key, a key pending deletion, a customer key whose rotation status is denied.
  kms.on(ListKeysCommand).callsFake((input: { Marker?: string }) =>
    input.Marker ? { Keys: [{ KeyId: key(3) }, { KeyId: key(4) }], Truncated: false } : { Keys: [{ KeyId: key(1) }, { KeyId: key(2) }], Truncated: true, NextMarker: 'm' },
  );
  kms.on(DescribeKeyCommand).callsFake((input: { KeyId: string }) => metadata(Number(input.KeyId.slice(-1)), input.KeyId === key(2) ? 'AWS' : 'CUSTOMER', input.KeyId === key(3) ? 'PendingDeletion' : 'Enabled'));
  kms.on(GetKeyRotationStatusCommand).callsFake((input: { KeyId: string }) => {
    if (input.KeyId === key(4)) throw Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' });
    return { KeyRotationEnabled: false, KeyId: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${input.KeyId}` };
  });
  kms.on(GetKeyPolicyCommand).callsFake((input: { KeyId: string; PolicyName: string }) => ({ PolicyName: input.PolicyName, Policy: `{"Statement":[{"Sid":"${input.KeyId}","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${ACCOUNT}:root"},"Action":"kms:*","Resource":"*"}]}` }));
});
afterAll(() => {
  for (const mock of [kms, cloudtrail, sts, config]) mock.restore();
});

describe('per-resource detail calls of a live audit', () => {
  it('reads KMS keys per key, only what each key needs, and a denied read is a gap and an Unknown', async () => {
    const collection = await collectLive({ source: { kind: 'api' }, regions: ['eu-west-1'], credentials, readsType: (type) => type === 'aws_kms_key' });
    // Every key is described; rotation is read only for the customer keys that can rotate (1 and 4).
    // (aws-sdk-client-mock replaces the middleware stack, so calls are counted here from the mock.)
    // The key policy is read for every customer key (1, 3 and 4), by its only name, `default`.
    expect([kms.commandCalls(ListKeysCommand).length, kms.commandCalls(DescribeKeyCommand).length, kms.commandCalls(GetKeyRotationStatusCommand).length, kms.commandCalls(GetKeyPolicyCommand).length]).toEqual([2, 4, 2, 3]);
    expect(collection.gaps).toEqual([expect.objectContaining({ region: 'eu-west-1', service: 'kms', operations: ['GetKeyRotationStatus'], errorCode: 'AccessDeniedException' })]);
    const [inventory] = buildInventories(collection.recording);
    const managed = inventory!.ofType('aws_kms_key').filter((k) => k.mode === 'managed');
    const keys = new Map(managed.map((k) => [k.values['key_id'], k.values]));
    expect([...keys.keys()].sort()).toEqual([key(1), key(3), key(4)]);
    expect([...keys.values()].map((values) => values['key_manager'])).toEqual(['CUSTOMER', 'CUSTOMER', 'CUSTOMER']);
    // The AWS managed key is recorded as a data source: known by its ARN, judged by no key policy, at no extra call.
    const awsManaged = inventory!.ofType('aws_kms_key').filter((k) => k.mode === 'data');
    expect(awsManaged.map((k) => [k.address, k.values['key_manager']])).toEqual([[`arn:aws:kms:eu-west-1:${ACCOUNT}:key/${key(2)}`, 'AWS']]);
    expect(keys.get(key(1))!['enable_key_rotation']).toBe(false);
    expect(keys.get(key(3))!['key_state']).toBe('PendingDeletion');
    expect(JSON.parse(keys.get(key(4))!['policy'] as string).Statement[0].Sid).toBe(key(4)); // each key's own policy
    const denied = keys.get(key(4))!['enable_key_rotation'];
    expect(isUnknown(denied) && denied.reason).toBe('GetKeyRotationStatus failed: AccessDeniedException');
  });

  it('reads each listed trail (shadows too) with its ARN, and maps a trail only in its home region', async () => {
    const trail = (name: string, home: string, multi: boolean) => ({ Name: name, TrailARN: `arn:aws:cloudtrail:${home}:${ACCOUNT}:trail/${name}`, HomeRegion: home, IsMultiRegionTrail: multi, S3BucketName: 'logs' });
    cloudtrail.on(DescribeTrailsCommand).resolves({ trailList: [trail('local', 'eu-west-1', false), trail('org', 'us-east-1', true)] });
    cloudtrail.on(GetTrailStatusCommand).resolves({ IsLogging: true });
    cloudtrail.on(GetEventSelectorsCommand).resolves({ EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] });
    const collection = await collectLive({ source: { kind: 'api' }, regions: ['eu-west-1'], credentials, readsType: (type) => type === 'aws_cloudtrail' });
    expect(cloudtrail.commandCalls(DescribeTrailsCommand)[0]!.args[0].input).toEqual({ includeShadowTrails: true });
    expect(cloudtrail.commandCalls(GetTrailStatusCommand).map((c) => c.args[0].input).sort()).toEqual([
      { Name: `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/local` },
      { Name: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org` },
    ]);
    expect(cloudtrail.commandCalls(GetEventSelectorsCommand)).toHaveLength(2);
    const [inventory] = buildInventories(collection.recording);
    expect(inventory!.ofType('aws_cloudtrail').map((t) => t.values['name'])).toEqual(['local']);
    const [coverage] = inventory!.ofType('aws_cloudtrail_coverage');
    expect((coverage!.values['trails'] as { name: string; enable_logging: boolean }[]).map((t) => [t.name, t.enable_logging])).toEqual([
      ['local', true],
      ['org', true],
    ]);
  });
});
