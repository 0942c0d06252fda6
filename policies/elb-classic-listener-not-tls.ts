import { definePolicy, isUnknown, knownString, listOf, valueAt, type PolicyContext, type Resource } from '../src/api.js';

/** Classic listener protocols that encrypt between client and load balancer. */
const ENCRYPTED = new Set(['HTTPS', 'SSL']);

export const elbClassicListenerNotTls = definePolicy({
  id: 'elb-classic-listener-not-tls',
  title: 'Classic Load Balancer listener does not use HTTPS or SSL',
  severity: 'medium',
  description:
    'A Classic Load Balancer (aws_elb; live: the classic DescribeLoadBalancers, whose listener descriptions are inline) ' +
    'has a listener whose lb_protocol, the protocol between clients and the load balancer, is HTTP or TCP rather than ' +
    'HTTPS or SSL. Each such listener is one finding. A Classic Load Balancer cannot redirect HTTP to HTTPS, so an HTTP ' +
    'listener always serves plain text. The protocol to the instances (instance_protocol) is not judged. At plan time a ' +
    'listener list or an lb_protocol known only after apply is unknown. As Security Hub ELB.3.',
  remediation:
    'Change the listener to lb_protocol = "https" (or "ssl" for TCP) with an ssl_certificate_id, or move the service to ' +
    'an Application Load Balancer whose HTTP listener redirects to HTTPS.',
  frameworks: {
    'AWS Foundational Security Best Practices': ['ELB.3'],
    'PCI DSS 4.0': ['4.2.1'],
  },
  tags: ['load-balancer', 'encryption-in-transit'],
  resourceTypes: ['aws_elb'],
  messages: {
    allEncrypted: '{{balancer}} listens only with HTTPS or SSL',
    plainListener: '{{balancer}} listens with {{protocol}} on port {{port}}, without TLS',
    listenersUnknown: '{{balancer}}: cannot tell whether every listener uses HTTPS or SSL',
  },
  check(context) {
    for (const balancer of context.inventory.ofType('aws_elb')) {
      if (balancer.mode === 'managed') checkBalancer(context, balancer);
    }
  },
});

function checkBalancer(context: PolicyContext<Record<string, never>>, balancer: Resource): void {
  const data = { balancer: balancer.address };
  const listeners = listOf(balancer.values['listener']);
  if (isUnknown(listeners)) {
    context.unknown({ resource: balancer, path: 'listener', messageId: 'listenersUnknown', data, reason: listeners });
    return;
  }
  let open = 0;
  listeners.forEach((listener, i) => {
    const path = `listener.${String(i)}.lb_protocol`;
    const protocol = valueAt(listener, 'lb_protocol');
    const port = valueAt(listener, 'lb_port');
    if (isUnknown(protocol)) {
      open++;
      context.unknown({ resource: balancer, path, element: path, messageId: 'listenersUnknown', data, reason: protocol });
      return;
    }
    const upper = knownString(protocol)?.toUpperCase() ?? '';
    if (ENCRYPTED.has(upper)) return;
    open++;
    const shownPort = isUnknown(port) ? '(known after apply)' : String(port ?? '?');
    context.fail({
      resource: balancer,
      path,
      element: `${upper} ${shownPort}`,
      messageId: 'plainListener',
      data: { ...data, protocol: upper || '(none)', port: shownPort },
      evidence: [{ path, value: knownString(protocol) ?? null }],
    });
  });
  if (open === 0) context.pass({ resource: balancer, messageId: 'allEncrypted', data });
}
