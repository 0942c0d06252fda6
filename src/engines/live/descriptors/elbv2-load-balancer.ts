import { isUnknown } from '../../../model/unknown.js';
import type { Value } from '../../../model/value.js';
import { field, objects, str, strings, type AwsObject } from '../aws-object.js';
import type { MapContext, ResourceDescriptor } from '../descriptor.js';

const ATTRIBUTES_KEY = 'elbv2:DescribeLoadBalancerAttributes';

/** The one attribute a policy reads so far, and its Terraform argument. */
const DROP_INVALID_HEADERS = 'routing.http.drop_invalid_header_fields.enabled';

/** A load balancer's ARN as the request of its per-load-balancer calls. */
function byArn(item: AwsObject): Record<string, string> | undefined {
  const arn = str(item, 'LoadBalancerArn');
  return arn ? { LoadBalancerArn: arn } : undefined;
}

/**
 * DescribeLoadBalancers (Application, Network and Gateway Load Balancers) → `aws_lb`. ELBv2 has no
 * account-wide listener or attribute listing, so per load balancer DescribeListeners (mapped by
 * elbv2-listener.ts) and, for Application Load Balancers, DescribeLoadBalancerAttributes
 * (drop_invalid_header_fields) follow. DescribeLoadBalancers carries no tags (DescribeTags would be
 * one more call per 20 load balancers), so none are mapped.
 */
export const loadBalancerDescriptor: ResourceDescriptor = {
  type: 'aws_lb',
  service: 'elbv2',
  operation: 'DescribeLoadBalancers',
  pageSize: 400,
  configType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  details: [
    { operation: 'DescribeListeners', pageSize: 400, request: byArn },
    { operation: 'DescribeLoadBalancerAttributes', request: (item) => (str(item, 'Type') === 'application' ? byArn(item) : undefined) },
  ],
  items: (page) => objects(page, 'LoadBalancers'),
  map(item, context) {
    const arn = str(item, 'LoadBalancerArn');
    if (!arn) return [];
    const name = str(item, 'LoadBalancerName') ?? arn;
    const type = str(item, 'Type') ?? 'application';
    return [
      {
        type: 'aws_lb',
        id: arn,
        arn,
        name,
        values: {
          name,
          load_balancer_type: type,
          internal: str(item, 'Scheme') === 'internal',
          dns_name: str(item, 'DNSName'),
          vpc_id: str(item, 'VpcId'),
          ip_address_type: str(item, 'IpAddressType'),
          security_groups: strings(item, 'SecurityGroups'),
          subnets: objects(item, 'AvailabilityZones').flatMap((zone) => str(zone, 'SubnetId') ?? []),
          drop_invalid_header_fields: type === 'application' ? dropsInvalidHeaders(context, arn) : null,
        },
        raw: item,
      },
    ];
  },
};

/** The ALB attribute, or Unknown saying why it was not read (a failed call, an AWS Config item). */
function dropsInvalidHeaders(context: MapContext, arn: string): Value {
  const pages = context.detailPages(ATTRIBUTES_KEY, { LoadBalancerArn: arn });
  if (isUnknown(pages)) return pages;
  const attribute = pages.flatMap((page) => objects(page, 'Attributes')).find((a) => str(a, 'Key') === DROP_INVALID_HEADERS);
  // AWS lists every attribute of the type; an absent one has its default, false.
  return str(attribute, 'Value') === 'true' || field(attribute, 'Value') === true;
}
