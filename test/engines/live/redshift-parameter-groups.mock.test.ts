import { DescribeClusterParameterGroupsCommand, DescribeClusterParametersCommand, DescribeClustersCommand, RedshiftClient } from '@aws-sdk/client-redshift';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../../policies/index.js';
import { buildInventories } from '../../../src/engines/live/build-inventories.js';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import { typesReadBy } from '../../../src/engines/live/collection-scope.js';
import { isUnknown } from '../../../src/model/unknown.js';
import { runPolicies } from '../../../src/rules/runner.js';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' };
const clusterArn = (name: string): string => `arn:aws:redshift:${REGION}:${ACCOUNT}:cluster:${name}`;

const redshift = mockClient(RedshiftClient);
const sts = mockClient(STSClient);

/**
 * Three clusters: `secure` on a group that requires SSL (its parameters on two pages), `loose` on a
 * group without require_ssl, `plain` on Redshift's default group (no DescribeClusterParameters for it).
 */
beforeEach(() => {
  for (const mock of [redshift, sts]) mock.reset();
  redshift.onAnyCommand().resolves({});
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
  redshift.on(DescribeClustersCommand).resolves({
    Clusters: [
      { ClusterIdentifier: 'secure', ClusterParameterGroups: [{ ParameterGroupName: 'ssl-on', ParameterApplyStatus: 'in-sync' }] },
      { ClusterIdentifier: 'loose', ClusterParameterGroups: [{ ParameterGroupName: 'tuning', ParameterApplyStatus: 'in-sync' }] },
      { ClusterIdentifier: 'plain', ClusterParameterGroups: [{ ParameterGroupName: 'default.redshift-1.0', ParameterApplyStatus: 'in-sync' }] },
    ],
  });
  redshift.on(DescribeClusterParameterGroupsCommand).resolves({
    ParameterGroups: [
      { ParameterGroupName: 'default.redshift-1.0', ParameterGroupFamily: 'redshift-1.0' },
      { ParameterGroupName: 'ssl-on', ParameterGroupFamily: 'redshift-1.0' },
      { ParameterGroupName: 'tuning', ParameterGroupFamily: 'redshift-1.0' },
    ],
  });
  redshift.on(DescribeClusterParametersCommand).callsFake((input: { ParameterGroupName: string; Marker?: string }) => {
    if (input.ParameterGroupName === 'tuning') return { Parameters: [{ ParameterName: 'max_concurrency_scaling_clusters', ParameterValue: '1', Source: 'user' }] };
    return input.Marker
      ? { Parameters: [{ ParameterName: 'require_ssl', ParameterValue: 'true', Source: 'user' }] }
      : { Parameters: [{ ParameterName: 'enable_user_activity_logging', ParameterValue: 'false', Source: 'engine-default' }], Marker: 'page-2' };
  });
});

/** An audit of the region scoped as `--only redshift-require-ssl` scopes it: Redshift calls only. */
async function audit() {
  const types = typesReadBy(builtinPolicies.filter((p) => p.id === 'redshift-require-ssl').map((p) => p.resourceTypes))!;
  return collectLive({ source: { kind: 'api' }, regions: [REGION], credentials, maxAttempts: 1, readsType: (type) => types.includes(type) });
}

/** The verdict redshift-require-ssl gives each cluster of the collection. */
async function verdicts(collection: Awaited<ReturnType<typeof audit>>): Promise<Record<string, string>> {
  const [inventory] = buildInventories(collection.recording);
  const policy = builtinPolicies.find((p) => p.id === 'redshift-require-ssl')!;
  const { findings } = runPolicies(inventory!, [{ policy, options: {} }], 'report');
  return Object.fromEntries(findings.map((f) => [f.resource.address, f.verdict]));
}

describe('Redshift parameter groups (require_ssl, Redshift.2)', () => {
  it('reads every page of each non-default group\'s parameters, none of a default group\'s', async () => {
    const collection = await audit();
    expect(collection.gaps).toEqual([]);
    // Two pages for ssl-on (the paginator reuses its input object, so the Marker of each call is not kept).
    const asked = redshift.commandCalls(DescribeClusterParametersCommand).map((call) => call.args[0].input.ParameterGroupName);
    expect(asked.sort()).toEqual(['ssl-on', 'ssl-on', 'tuning']);
    const [inventory] = buildInventories(collection.recording);
    const groups = Object.fromEntries(inventory!.ofType('aws_redshift_parameter_group').map((g) => [g.values['name'], g.values['parameter']]));
    expect(groups).toEqual({
      'default.redshift-1.0': [],
      'ssl-on': [{ name: 'enable_user_activity_logging', value: 'false' }, { name: 'require_ssl', value: 'true' }],
      tuning: [{ name: 'max_concurrency_scaling_clusters', value: '1' }],
    });
    expect(inventory!.ofType('aws_redshift_cluster').map((c) => c.values['cluster_parameter_group_name']).sort()).toEqual(['default.redshift-1.0', 'ssl-on', 'tuning']);
    expect(await verdicts(collection)).toEqual({ [clusterArn('secure')]: 'pass', [clusterArn('loose')]: 'fail', [clusterArn('plain')]: 'fail' });
  });

  it('a denied DescribeClusterParameters is a gap naming it, and the clusters on that group are unknown, not passed', async () => {
    const denied = Object.assign(new Error('User is not authorized to perform: redshift:DescribeClusterParameters'), { name: 'AccessDenied' });
    redshift.on(DescribeClusterParametersCommand, { ParameterGroupName: 'ssl-on' }).rejects(denied);
    const collection = await audit();
    expect(collection.gaps.map((g) => [g.target, g.service, g.operations, g.errorCode])).toEqual([[`${ACCOUNT}/${REGION}`, 'redshift', ['DescribeClusterParameters'], 'AccessDenied']]);
    const [inventory] = buildInventories(collection.recording);
    const group = inventory!.ofType('aws_redshift_parameter_group').find((g) => g.values['name'] === 'ssl-on')!;
    expect(isUnknown(group.values['parameter'])).toBe(true);
    expect(String(group.values['parameter'])).toContain('DescribeClusterParameters failed: AccessDenied');
    expect(await verdicts(collection)).toEqual({ [clusterArn('secure')]: 'unknown', [clusterArn('loose')]: 'fail', [clusterArn('plain')]: 'fail' });
  });

  it('--only redshift-require-ssl reads clusters and parameter groups, and nothing else', async () => {
    await audit();
    const operations = [...new Set(redshift.calls().map((call) => (call.args[0] as object).constructor.name))].sort();
    expect(operations).toEqual(['DescribeClusterParameterGroupsCommand', 'DescribeClusterParametersCommand', 'DescribeClustersCommand']);
  });
});
