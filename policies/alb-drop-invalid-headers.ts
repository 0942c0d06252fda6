import { definePolicy, isUnknown, type PolicyContext, type Resource } from '../src/api.js';

const LOAD_BALANCER_TYPES = ['aws_lb', 'aws_alb'];

export const albDropInvalidHeaders = definePolicy({
  id: 'alb-drop-invalid-headers',
  title: 'Application Load Balancer does not drop invalid HTTP headers',
  severity: 'medium',
  description:
    'An Application Load Balancer (aws_lb or aws_alb whose load_balancer_type is application, the provider default; ' +
    'live: DescribeLoadBalancers with the load balancer attribute routing.http.drop_invalid_header_fields.enabled from ' +
    'DescribeLoadBalancerAttributes) forwards HTTP headers whose names are not valid to its targets: ' +
    'drop_invalid_header_fields is not true (the provider default is false). Such headers are a vector for request ' +
    'smuggling and desynchronisation. Network and Gateway Load Balancers have no such setting and are not checked. At ' +
    'plan time a load_balancer_type or drop_invalid_header_fields known only after apply is unknown; live, an ' +
    'attribute read that failed (or an AWS Config item, which does not carry the attributes) is unknown. As Security Hub ' +
    'ELB.4.',
  remediation: 'Set drop_invalid_header_fields = true on the aws_lb (in the console: Attributes, "Drop invalid header fields").',
  frameworks: {
    'AWS Foundational Security Best Practices': ['ELB.4'],
  },
  tags: ['load-balancer', 'http'],
  resourceTypes: LOAD_BALANCER_TYPES,
  messages: {
    drops: '{{balancer}} drops invalid HTTP header fields',
    keeps: '{{balancer}} forwards invalid HTTP header fields to its targets ({{why}})',
    typeUnknown: '{{balancer}}: cannot tell whether it is an Application Load Balancer',
    settingUnknown: '{{balancer}}: cannot tell whether it drops invalid HTTP header fields',
  },
  check(context) {
    for (const balancer of context.inventory.ofType(...LOAD_BALANCER_TYPES)) {
      if (balancer.mode === 'managed') checkBalancer(context, balancer);
    }
  },
});

function checkBalancer(context: PolicyContext<Record<string, never>>, balancer: Resource): void {
  const data = { balancer: balancer.address };
  const type = balancer.values['load_balancer_type'];
  if (isUnknown(type)) {
    context.unknown({ resource: balancer, path: 'load_balancer_type', messageId: 'typeUnknown', data, reason: type });
    return;
  }
  if (type !== 'application') return;
  const drop = balancer.values['drop_invalid_header_fields'];
  if (drop === true) {
    context.pass({ resource: balancer, messageId: 'drops', data });
    return;
  }
  if (isUnknown(drop)) {
    context.unknown({ resource: balancer, path: 'drop_invalid_header_fields', messageId: 'settingUnknown', data, reason: drop });
    return;
  }
  const note = balancer.defaults?.['drop_invalid_header_fields'];
  context.fail({
    resource: balancer,
    path: 'drop_invalid_header_fields',
    messageId: 'keeps',
    data: { ...data, why: note ?? `drop_invalid_header_fields is ${drop === undefined || drop === null ? 'not set' : String(drop)}` },
    evidence: [{ path: 'drop_invalid_header_fields', value: drop ?? null, ...(note ? { note } : {}) }],
  });
}
