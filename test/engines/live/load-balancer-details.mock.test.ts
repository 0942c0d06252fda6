import { RedshiftClient } from '@aws-sdk/client-redshift';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeListenersCommand,
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { GenerateCredentialReportCommand, IAMClient } from '@aws-sdk/client-iam';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient } from '@aws-sdk/client-eks';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { EFSClient } from '@aws-sdk/client-efs';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { KMSClient } from '@aws-sdk/client-kms';
import { OpenSearchClient } from '@aws-sdk/client-opensearch';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { builtinPolicies } from '../../../policies/index.js';
import { buildInventories } from '../../../src/engines/live/build-inventories.js';
import { collectLive } from '../../../src/engines/live/collect-live.js';
import { typesReadBy } from '../../../src/engines/live/collection-scope.js';
import { isUnknown } from '../../../src/model/unknown.js';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const lbArn = (kind: string, name: string): string => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/${kind}/${name}/0123456789abcdef`;
const WEB = lbArn('app', 'web');
const API = lbArn('app', 'api');
const MQ = lbArn('net', 'mq');

const elbv2 = mockClient(ElasticLoadBalancingV2Client);
/** Every other client answers with nothing, so only the load balancer calls matter. */
const ec2 = mockClient(EC2Client);
// The credential report is generated at once here: no polling.
const iamMock = mockClient(IAMClient);
const others = [ec2, mockClient(RDSClient), mockClient(S3Client), mockClient(ElasticLoadBalancingClient), mockClient(KMSClient), mockClient(CloudTrailClient), mockClient(ConfigServiceClient), mockClient(EKSClient), mockClient(OpenSearchClient), mockClient(ElastiCacheClient), mockClient(AutoScalingClient), iamMock, mockClient(S3ControlClient), mockClient(RedshiftClient)] as unknown as (typeof ec2)[];
others.push(...([mockClient(SQSClient), mockClient(SNSClient), mockClient(DynamoDBClient), mockClient(EFSClient), mockClient(CloudWatchLogsClient), mockClient(SecretsManagerClient), mockClient(KinesisClient)] as unknown as (typeof ec2)[]));
const sts = mockClient(STSClient);

/** Three load balancers on two pages: two ALBs and an NLB; each has one listener. */
beforeEach(() => {
  for (const mock of [elbv2, sts, ...others]) mock.reset();
  for (const mock of others) mock.onAnyCommand().resolves({});
  iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT });
  elbv2.on(DescribeLoadBalancersCommand).callsFake((input: { Marker?: string }) =>
    input.Marker
      ? { LoadBalancers: [{ LoadBalancerArn: MQ, LoadBalancerName: 'mq', Type: 'network', Scheme: 'internal' }] }
      : {
          LoadBalancers: [
            { LoadBalancerArn: WEB, LoadBalancerName: 'web', Type: 'application', Scheme: 'internet-facing' },
            { LoadBalancerArn: API, LoadBalancerName: 'api', Type: 'application', Scheme: 'internal' },
          ],
          NextMarker: 'page-2',
        },
  );
  elbv2.on(DescribeListenersCommand).callsFake((input: { LoadBalancerArn: string }) => ({
    Listeners: [{ ListenerArn: `${input.LoadBalancerArn.replace(':loadbalancer/', ':listener/')}/1`, LoadBalancerArn: input.LoadBalancerArn, Port: 80, Protocol: input.LoadBalancerArn === MQ ? 'TCP' : 'HTTP', DefaultActions: [{ Type: 'forward' }] }],
  }));
  elbv2.on(DescribeLoadBalancerAttributesCommand).resolves({ Attributes: [{ Key: 'routing.http.drop_invalid_header_fields.enabled', Value: 'true' }] });
});

async function audit(readsType?: (type: string) => boolean) {
  return collectLive({
    source: { kind: 'api' },
    regions: [REGION],
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
    maxAttempts: 1,
    ...(readsType ? { readsType } : {}),
  });
}

describe('per-load-balancer calls (ELBv2 has no account-wide listener or attribute listing)', () => {
  it('reads listeners of every load balancer and attributes of each ALB only', async () => {
    const collection = await audit();
    expect(collection.gaps).toEqual([]);
    const listenersAskedFor = elbv2.commandCalls(DescribeListenersCommand).map((call) => call.args[0].input.LoadBalancerArn);
    expect(listenersAskedFor.sort()).toEqual([API, MQ, WEB].sort());
    const attributesAskedFor = elbv2.commandCalls(DescribeLoadBalancerAttributesCommand).map((call) => call.args[0].input.LoadBalancerArn);
    expect(attributesAskedFor.sort()).toEqual([API, WEB].sort());
    expect(elbv2.commandCalls(DescribeLoadBalancersCommand)).toHaveLength(2);

    const [inventory] = buildInventories(collection.recording);
    expect(inventory!.ofType('aws_lb_listener').map((l) => [l.values['load_balancer_arn'], l.values['protocol']]).sort()).toEqual(
      [[API, 'HTTP'], [MQ, 'TCP'], [WEB, 'HTTP']].sort(),
    );
    const lbs = new Map(inventory!.ofType('aws_lb').map((lb) => [lb.address, lb.values['drop_invalid_header_fields']]));
    // The NLB has no such attribute (not read); the provider default fills it, as for a plan.
    expect(lbs).toEqual(new Map([[WEB, true], [API, true], [MQ, false]]));
  });

  it('a denied per-load-balancer call is a gap naming the operation, and the setting it would have read is Unknown', async () => {
    const denied = Object.assign(new Error('User is not authorized to perform: elasticloadbalancing:DescribeLoadBalancerAttributes'), { name: 'AccessDenied' });
    elbv2.on(DescribeLoadBalancerAttributesCommand, { LoadBalancerArn: API }).rejects(denied);
    elbv2.on(DescribeListenersCommand, { LoadBalancerArn: WEB }).rejects(Object.assign(new Error('throttled'), { name: 'Throttling' }));
    const collection = await audit();
    expect(collection.gaps.map((g) => [g.target, g.service, g.operations, g.errorCode]).sort()).toEqual([
      [`${ACCOUNT}/${REGION}`, 'elbv2', ['DescribeListeners'], 'Throttling'],
      [`${ACCOUNT}/${REGION}`, 'elbv2', ['DescribeLoadBalancerAttributes'], 'AccessDenied'],
    ]);
    const [inventory] = buildInventories(collection.recording);
    const api = inventory!.ofType('aws_lb').find((lb) => lb.address === API)!;
    expect(isUnknown(api.values['drop_invalid_header_fields'])).toBe(true);
    expect(String(api.values['drop_invalid_header_fields'])).toContain('DescribeLoadBalancerAttributes failed: AccessDenied');
    // web's listeners could not be read: none are invented.
    expect(inventory!.ofType('aws_lb_listener').map((l) => l.values['load_balancer_arn']).sort()).toEqual([API, MQ].sort());
  });

  it('records per-load-balancer pages in list order, however the calls finish', async () => {
    // web's answer comes last: several turns of the event loop after the others'.
    elbv2.on(DescribeListenersCommand, { LoadBalancerArn: WEB }).callsFake(async () => {
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
      return { Listeners: [{ ListenerArn: `${WEB.replace(':loadbalancer/', ':listener/')}/1`, LoadBalancerArn: WEB, Port: 80, Protocol: 'HTTP' }] };
    });
    const collection = await audit();
    const pages = collection.recording.targets[0]!.responses['elbv2:DescribeListeners'] as { LoadBalancerArn: string }[];
    expect(pages.map((page) => page.LoadBalancerArn)).toEqual([WEB, API, MQ]);
  });

  it('reads listeners only when a selected policy reads them', async () => {
    const types = typesReadBy(builtinPolicies.filter((p) => p.id === 'alb-drop-invalid-headers').map((p) => p.resourceTypes))!;
    const collection = await audit((type) => types.includes(type));
    expect(collection.gaps).toEqual([]);
    expect(elbv2.commandCalls(DescribeListenersCommand)).toHaveLength(0);
    expect(elbv2.commandCalls(DescribeLoadBalancerAttributesCommand)).toHaveLength(2);
    expect(others.every((mock) => mock.calls().length === 0)).toBe(true);
  });
});
