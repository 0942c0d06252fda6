import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import { quietSdkNodeWarning, SDK_NODE_WARNING_SWITCH } from '../../../src/engines/live/collect/sdk-node-warning.js';
import { CannedAws, callerIdentity, emptyQueryResponse, NO_BUCKETS } from './canned-aws.js';

// The SDK clients load the CommonJS build; its `state` remembers whether the warning was already given.
const sdkCore = createRequire(import.meta.url)('@aws-sdk/core/client') as { state: { warningEmitted: boolean }; emitWarningIfUnsupportedVersion(v: string): void };
const before = process.env[SDK_NODE_WARNING_SWITCH];

afterEach(() => {
  vi.restoreAllMocks();
  if (before === undefined) delete process.env[SDK_NODE_WARNING_SWITCH];
  else process.env[SDK_NODE_WARNING_SWITCH] = before;
});

describe("the AWS SDK's Node.js support warning", () => {
  it('is given by the SDK on Node 20 unless switched off (so the test below can fail)', () => {
    delete process.env[SDK_NODE_WARNING_SWITCH];
    sdkCore.state.warningEmitted = false;
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    sdkCore.emitWarningIfUnsupportedVersion('v20.0.0');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('is not printed by an audit', async () => {
    delete process.env[SDK_NODE_WARNING_SWITCH];
    sdkCore.state.warningEmitted = false;
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const aws = new CannedAws((r) => (r.service === 'sts' ? callerIdentity('111122223333') : r.service === 's3' ? NO_BUCKETS : emptyQueryResponse(r.service, r.action)));
    await collectLive({ source: { kind: 'api' }, regions: ['eu-west-1'], credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' }, requestHandler: aws });
    // Node 22 and later get no warning anyway; on Node 20 this is what the switch prevents.
    expect(warn.mock.calls.filter(([message]) => String(message).includes('NodeVersionSupportWarning'))).toEqual([]);
  });

  it('keeps a value the user set', () => {
    const env: NodeJS.ProcessEnv = { [SDK_NODE_WARNING_SWITCH]: 'false' };
    quietSdkNodeWarning(env);
    expect(env[SDK_NODE_WARNING_SWITCH]).toBe('false');
  });
});
