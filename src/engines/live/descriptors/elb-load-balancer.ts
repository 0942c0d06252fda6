import { isUnknown } from '../../../model/unknown.js';
import type { Value } from '../../../model/value.js';
import { field, num, objects, str, strings, type AwsObject } from '../aws-object.js';
import type { LiveDraft, MapContext, ResourceDescriptor } from '../descriptor.js';

const POLICIES_KEY = 'elb:DescribeLoadBalancerPolicies';

/** The listeners that negotiate TLS and name policies: only they need the balancer's policies read. */
function tlsListenersWithPolicies(item: AwsObject): AwsObject[] {
  return objects(item, 'ListenerDescriptions').filter((d) => {
    const protocol = str(field(d, 'Listener'), 'Protocol')?.toUpperCase();
    return (protocol === 'HTTPS' || protocol === 'SSL') && strings(d, 'PolicyNames').length > 0;
  });
}

/**
 * Classic DescribeLoadBalancers → `aws_elb`, its listeners inline (ListenerDescriptions) as the
 * provider's `listener` blocks (protocols lower case, as configurations write them), plus what
 * Terraform models separately: an `aws_load_balancer_listener_policy` per listener that names
 * policies and, from DescribeLoadBalancerPolicies (one call per balancer with such an HTTPS/SSL
 * listener: the classic API has no account-wide policy listing), an `aws_load_balancer_policy` per
 * policy of the balancer.
 */
export const classicLoadBalancerDescriptor: ResourceDescriptor = {
  type: 'aws_elb',
  service: 'elb',
  operation: 'DescribeLoadBalancers',
  pageSize: 400,
  configType: 'AWS::ElasticLoadBalancing::LoadBalancer',
  alsoProduces: ['aws_load_balancer_listener_policy', 'aws_load_balancer_policy'],
  details: [
    {
      operation: 'DescribeLoadBalancerPolicies',
      request: (item) => {
        const name = str(item, 'LoadBalancerName');
        return name && tlsListenersWithPolicies(item).length > 0 ? { LoadBalancerName: name } : undefined;
      },
    },
  ],
  items: (page) => objects(page, 'LoadBalancerDescriptions'),
  map(item, context) {
    const { target } = context;
    const name = str(item, 'LoadBalancerName');
    if (!name) return [];
    const arn = `arn:${target.partition}:elasticloadbalancing:${target.region}:${target.account}:loadbalancer/${name}`;
    const part = (type: string, id: string, suffix: string, values: Record<string, Value>, raw: unknown): LiveDraft => ({
      type,
      id,
      address: `${arn}#${suffix}`,
      locationArn: arn,
      name: id,
      values: { load_balancer_name: name, ...values },
      raw,
    });
    const listenerPolicies = objects(item, 'ListenerDescriptions')
      .filter((d) => strings(d, 'PolicyNames').length > 0)
      .map((d) => {
        const port = num(field(d, 'Listener'), 'LoadBalancerPort');
        return part('aws_load_balancer_listener_policy', `${name}:${String(port)}`, `listener-policy/${String(port)}`, { load_balancer_port: port, policy_names: strings(d, 'PolicyNames') }, d);
      });
    return [
      {
        type: 'aws_elb',
        id: name,
        arn,
        name,
        values: {
          name,
          internal: str(item, 'Scheme') === 'internal',
          dns_name: str(item, 'DNSName'),
          vpc_id: str(item, 'VPCId', 'VpcId'),
          subnets: strings(item, 'Subnets'),
          security_groups: strings(item, 'SecurityGroups'),
          instances: strings(item, 'Instances', 'InstanceId'),
          listener: objects(item, 'ListenerDescriptions').map((description) => {
            const listener = field(description, 'Listener');
            return {
              lb_port: num(listener, 'LoadBalancerPort'),
              lb_protocol: str(listener, 'Protocol')?.toLowerCase() ?? null,
              instance_port: num(listener, 'InstancePort'),
              instance_protocol: str(listener, 'InstanceProtocol')?.toLowerCase() ?? null,
              ssl_certificate_id: str(listener, 'SSLCertificateId'),
            };
          }),
        },
        raw: item,
      },
      ...listenerPolicies,
      ...balancerPolicies(item, name, context).map(({ policy, values, raw }) => part('aws_load_balancer_policy', `${name}:${policy}`, `policy/${policy}`, values, raw)),
    ];
  },
};

/**
 * The balancer's policies as DescribeLoadBalancerPolicies listed them; when that call failed or was
 * not made (an AWS Config item), each policy its TLS listeners name, with its settings Unknown.
 */
function balancerPolicies(item: AwsObject, name: string, context: MapContext): { policy: string; values: Record<string, Value>; raw: unknown }[] {
  const named = [...new Set(tlsListenersWithPolicies(item).flatMap((d) => strings(d, 'PolicyNames')))];
  if (named.length === 0) return [];
  const pages = context.detailPages(POLICIES_KEY, { LoadBalancerName: name });
  if (isUnknown(pages)) {
    const why = pages;
    return named.map((policy) => ({ policy, values: { policy_name: policy, policy_type_name: why, policy_attribute: why }, raw: null }));
  }
  return pages.flatMap((page) =>
    objects(page, 'PolicyDescriptions').flatMap((description) => {
      const policy = str(description, 'PolicyName');
      if (!policy) return [];
      const attributes = objects(description, 'PolicyAttributeDescriptions').map((a) => ({ name: str(a, 'AttributeName'), value: str(a, 'AttributeValue') }));
      return [{ policy, values: { policy_name: policy, policy_type_name: str(description, 'PolicyTypeName'), policy_attribute: attributes }, raw: description }];
    }),
  );
}
