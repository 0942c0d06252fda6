import { field, isAwsObject, num, objects, str, type AwsObject } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';
import { loadBalancerDescriptor } from './elbv2-load-balancer.js';
import type { ValueObject } from '../../../model/value.js';

/**
 * DescribeListeners, read per load balancer (a detail call of elbv2-load-balancer.ts; AWS Config
 * records listeners as items of their own) → `aws_lb_listener` with `default_action` in the
 * provider's block shape: `redirect`, `fixed_response` and `forward` as lists of one block or none.
 */
export const listenerDescriptor: ResourceDescriptor = {
  type: 'aws_lb_listener',
  service: 'elbv2',
  operation: 'DescribeListeners',
  listedBy: loadBalancerDescriptor,
  needs: ['aws_lb'],
  configType: 'AWS::ElasticLoadBalancingV2::Listener',
  items: (page) => objects(page, 'Listeners'),
  map(item) {
    const arn = str(item, 'ListenerArn');
    if (!arn) return [];
    return [
      {
        type: 'aws_lb_listener',
        id: arn,
        arn,
        name: `${str(item, 'Protocol') ?? '?'}:${String(num(item, 'Port') ?? '?')}`,
        values: {
          load_balancer_arn: str(item, 'LoadBalancerArn'),
          port: num(item, 'Port'),
          protocol: str(item, 'Protocol'),
          ssl_policy: str(item, 'SslPolicy'),
          certificate_arn: str(objects(item, 'Certificates')[0], 'CertificateArn'),
          alpn_policy: str(item, 'AlpnPolicy'),
          default_action: objects(item, 'DefaultActions').map(action),
        },
        raw: item,
      },
    ];
  },
};

function action(item: AwsObject): ValueObject {
  const redirect = block(item, 'RedirectConfig');
  const fixed = block(item, 'FixedResponseConfig');
  return {
    type: str(item, 'Type'),
    order: num(item, 'Order'),
    target_group_arn: str(item, 'TargetGroupArn'),
    redirect: redirect.map((r) => ({
      protocol: str(r, 'Protocol'),
      port: str(r, 'Port'),
      host: str(r, 'Host'),
      path: str(r, 'Path'),
      query: str(r, 'Query'),
      status_code: str(r, 'StatusCode'),
    })),
    fixed_response: fixed.map((f) => ({ content_type: str(f, 'ContentType'), message_body: str(f, 'MessageBody'), status_code: str(f, 'StatusCode') })),
  };
}

/** A nested configuration object as a Terraform block list: one block, or none. */
function block(item: AwsObject, name: string): AwsObject[] {
  const found = field(item, name);
  return isAwsObject(found) ? [found] : [];
}
