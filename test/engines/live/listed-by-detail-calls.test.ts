import { describe, expect, it } from 'vitest';
import { buildInventories } from '../../../src/engines/live/build-inventories.js';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import { MAX_DETAILED } from '../../../src/engines/live/collect/collect-extras.js';
import { CannedAws, callerIdentity, restJsonError, type CannedRequest } from './canned-aws.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' };
const onlyEks = (type: string): boolean => type === 'aws_eks_cluster';

/** STS answers; EKS lists `names` and describes each, denying the one named `denied`. */
function eks(names: string[], denied?: string) {
  return (request: CannedRequest) => {
    if (request.service === 'sts') return callerIdentity('111122223333');
    if (request.action === 'GET /clusters') return { status: 200, body: JSON.stringify({ clusters: names }) };
    const name = decodeURIComponent(request.action.replace('GET /clusters/', ''));
    if (name === denied) return restJsonError(403, 'AccessDeniedException', 'not allowed');
    return { status: 200, body: JSON.stringify({ cluster: { name, resourcesVpcConfig: { endpointPublicAccess: false, endpointPrivateAccess: true, publicAccessCidrs: [] } } }) };
  };
}

describe('descriptors whose list call only names resources (EKS ListClusters → DescribeCluster)', () => {
  it('describes each listed cluster once, counts every call, and records a denied describe as a gap naming it', async () => {
    const aws = new CannedAws(eks(['a', 'b', 'c'], 'b'));
    const collection = await collectLive({ source: { kind: 'api' }, regions: ['eu-west-1'], credentials, requestHandler: aws, maxAttempts: 1, readsType: onlyEks });

    expect(collection.apiCalls.byOperation).toEqual({ 'sts:GetCallerIdentity': 1, 'eks:ListClusters': 1, 'eks:DescribeCluster': 3 });
    expect(collection.gaps.map((g) => [g.service, g.operations, g.errorCode])).toEqual([['eks', ['DescribeCluster'], 'AccessDeniedException']]);
    const names = buildInventories(collection.recording).flatMap((inventory) => inventory.ofType('aws_eks_cluster').map((r) => r.values['name']));
    expect(names.sort()).toEqual(['a', 'c']);
  });

  it('stops describing at the bound and says so as a gap', async () => {
    const aws = new CannedAws(eks(Array.from({ length: MAX_DETAILED + 1 }, (_, i) => `cluster-${i}`)));
    const collection = await collectLive({ source: { kind: 'api' }, regions: ['eu-west-1'], credentials, requestHandler: aws, maxAttempts: 1, readsType: onlyEks });

    expect(collection.apiCalls.byOperation['eks:DescribeCluster']).toBe(MAX_DETAILED);
    expect(collection.gaps.map((g) => [g.operations, g.errorCode])).toEqual([[['DescribeCluster'], 'TooManyResources']]);
  });
});
