import { Unknown, definePolicy, isUnknown, knownString, listOf, valueAt, type PolicyContext, type Resource, type Value } from '../src/api.js';

const LISTENER_TYPES = ['aws_lb_listener', 'aws_alb_listener'];
const LOAD_BALANCER_TYPES = ['aws_lb', 'aws_alb'];

export const lbHttpNotRedirected = definePolicy({
  id: 'lb-http-not-redirected',
  title: 'Application Load Balancer HTTP listener does not redirect to HTTPS',
  severity: 'medium',
  description:
    'An Application Load Balancer listener on HTTP (aws_lb_listener or aws_alb_listener with protocol = "HTTP"; live: ' +
    'DescribeListeners) whose default action is not a redirect to HTTPS (default_action type = "redirect" with ' +
    'redirect.protocol = "HTTPS"). A forward, a fixed response, or a redirect that keeps the protocol fails. Only the ' +
    'default action decides: aws_lb_listener_rule resources only narrow it to requests matching their conditions, so a ' +
    'rule that redirects some paths does not make the listener pass, and a rule that forwards a few paths over HTTP ' +
    '(health checks, ACME challenges) beside a redirecting default is deliberately not reported. A listener without ' +
    'protocol on an Application Load Balancer is HTTP (the provider default); when its load balancer is not in the ' +
    'input, or at plan time the protocol, the action type or the redirect protocol is known only after apply, the ' +
    'verdict is unknown. Network and Gateway Load Balancer listeners (TCP, TLS, UDP, GENEVE) are out of scope, as in ' +
    'Security Hub ELB.1; HTTPS listeners pass.',
  remediation:
    'Give the HTTP listener a default action that redirects to HTTPS: default_action { type = "redirect" redirect { ' +
    'protocol = "HTTPS" port = "443" status_code = "HTTP_301" } }, and serve the application from an HTTPS listener.',
  frameworks: {
    'AWS Foundational Security Best Practices': ['ELB.1'],
    'PCI DSS 4.0': ['4.2.1'],
  },
  tags: ['load-balancer', 'encryption-in-transit'],
  resourceTypes: [...LISTENER_TYPES, ...LOAD_BALANCER_TYPES],
  messages: {
    redirects: '{{listener}} redirects HTTP to HTTPS',
    servesHttps: '{{listener}} serves {{protocol}}, not plain HTTP',
    notRedirected: '{{listener}} serves HTTP without redirecting to HTTPS ({{why}})',
    protocolUnknown: '{{listener}}: cannot tell whether it serves plain HTTP',
    actionUnknown: '{{listener}}: cannot tell whether its HTTP default action redirects to HTTPS',
  },
  check(context) {
    for (const listener of context.inventory.ofType(...LISTENER_TYPES)) {
      if (listener.mode === 'managed') checkListener(context, listener);
    }
  },
});

function checkListener(context: PolicyContext<Record<string, never>>, listener: Resource): void {
  const data = { listener: listener.address };
  const protocol = listenerProtocol(context, listener);
  if (isUnknown(protocol)) {
    context.unknown({ resource: listener, path: 'protocol', messageId: 'protocolUnknown', data, reason: protocol });
    return;
  }
  if (protocol === 'HTTPS') {
    context.pass({ resource: listener, messageId: 'servesHttps', data: { ...data, protocol } });
    return;
  }
  if (protocol !== 'HTTP') return; // an NLB or GWLB listener: out of scope
  const verdict = defaultActionVerdict(listener.values['default_action']);
  if (verdict === 'redirects') {
    context.pass({ resource: listener, messageId: 'redirects', data });
  } else if (isUnknown(verdict.why)) {
    context.unknown({ resource: listener, path: verdict.path, messageId: 'actionUnknown', data, reason: verdict.why });
  } else {
    context.fail({
      resource: listener,
      path: verdict.path,
      messageId: 'notRedirected',
      data: { ...data, why: verdict.why },
      evidence: [{ path: verdict.path, value: verdict.value ?? null }],
    });
  }
}

/** The listener's protocol, upper case; unset means HTTP on an Application Load Balancer (the load balancer type otherwise, which is out of scope). */
function listenerProtocol(context: PolicyContext<Record<string, never>>, listener: Resource): string | Unknown {
  const protocol = listener.values['protocol'];
  if (isUnknown(protocol)) return protocol;
  const written = knownString(protocol);
  if (written) return written.toUpperCase();
  const balancers = context.inventory.resolve(listener, 'load_balancer_arn', LOAD_BALANCER_TYPES);
  if (isUnknown(balancers)) return balancers;
  const type = balancers.length === 1 ? balancers[0]!.values['load_balancer_type'] : undefined;
  if (isUnknown(type)) return type;
  if (type === 'application') return 'HTTP';
  if (typeof type === 'string') return type.toUpperCase();
  return new Unknown('protocol is not set and its load balancer is not in the input: the listener serves HTTP only on an Application Load Balancer');
}

type ActionVerdict = 'redirects' | { path: string; why: string | Unknown; value?: Value };

/** Whether some default action is a redirect to HTTPS (authentication actions may come before it). */
function defaultActionVerdict(actions: Value | undefined): ActionVerdict {
  const list = listOf(actions);
  if (isUnknown(list)) return { path: 'default_action', why: list };
  if (list.length === 0) return { path: 'default_action', why: 'it has no default action', value: null };
  let doubt: ActionVerdict | undefined;
  let found: ActionVerdict = { path: 'default_action', why: 'its default action is not a redirect' };
  for (const [i, action] of list.entries()) {
    const at = `default_action.${String(i)}`;
    const type = valueAt(action, 'type');
    if (isUnknown(type)) {
      doubt ??= { path: `${at}.type`, why: type };
      continue;
    }
    if (type !== 'redirect') {
      if (type === 'forward' || type === 'fixed-response') found = { path: `${at}.type`, why: `its default action is ${type}`, value: type };
      continue;
    }
    const protocol = valueAt(action, 'redirect.0.protocol');
    if (isUnknown(protocol)) doubt ??= { path: `${at}.redirect.0.protocol`, why: protocol };
    else if (knownString(protocol)?.toUpperCase() === 'HTTPS') return 'redirects';
    else found = { path: `${at}.redirect.0.protocol`, why: `it redirects to ${knownString(protocol) ?? '#{protocol}'}, the request's own protocol`, value: protocol ?? null };
  }
  return doubt ?? found;
}
