import { field, num, objects, str, strings } from '../aws-object.js';
import type { ResourceDescriptor } from '../descriptor.js';

/**
 * Classic DescribeLoadBalancers → `aws_elb`, its listeners inline (ListenerDescriptions) as the
 * provider's `listener` blocks. Protocols are written lower case, as Terraform configurations do.
 */
export const classicLoadBalancerDescriptor: ResourceDescriptor = {
  type: 'aws_elb',
  service: 'elb',
  operation: 'DescribeLoadBalancers',
  pageSize: 400,
  configType: 'AWS::ElasticLoadBalancing::LoadBalancer',
  items: (page) => objects(page, 'LoadBalancerDescriptions'),
  map(item, { target }) {
    const name = str(item, 'LoadBalancerName');
    if (!name) return [];
    const arn = `arn:${target.partition}:elasticloadbalancing:${target.region}:${target.account}:loadbalancer/${name}`;
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
    ];
  },
};
