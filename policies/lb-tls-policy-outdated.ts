import { definePolicy, isUnknown, knownString, listOf, valueAt, type Inventory, type PolicyContext, type Resource, type Unknown, type Value } from '../src/api.js';

const LISTENER_TYPES = ['aws_lb_listener', 'aws_alb_listener'];
/** Classic Load Balancer resources: the balancer and the three ways Terraform attaches an SSL negotiation policy. */
const CLASSIC_TYPES = ['aws_elb', 'aws_load_balancer_listener_policy', 'aws_load_balancer_policy', 'aws_lb_ssl_negotiation_policy'];
/** What AWS negotiates with on a classic HTTPS/SSL listener that has no policy of its own (API-created). */
const CLASSIC_DEFAULT_POLICY = 'ELBSecurityPolicy-2016-08';
const REFERENCE = 'Reference-Security-Policy';

/** Listener protocols that terminate TLS at the load balancer and so take a security policy. */
const TLS_PROTOCOLS = new Set(['HTTPS', 'TLS']);

export interface LbTlsPolicyOutdatedOptions {
  /** Security policies a TLS listener of an Application or Network Load Balancer may use. */
  allowedPolicies: string[];
  /** Predefined policies a Classic Load Balancer's HTTPS/SSL listener may negotiate with. */
  allowedClassicPolicies: string[];
}

/**
 * AWS's predefined policies that offer only TLS 1.2 and 1.3 with forward-secret ciphers: the TLS 1.3
 * family AWS recommends (2021-06, its FIPS variants of 2023-04 and the post-quantum ones of 2025-09)
 * and the older FS-1-2 family.
 */
const RECOMMENDED_POLICIES = [
  'ELBSecurityPolicy-TLS13-1-2-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
  'ELBSecurityPolicy-TLS13-1-3-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-FS-1-2-2019-08',
  'ELBSecurityPolicy-FS-1-2-Res-2019-08',
  'ELBSecurityPolicy-FS-1-2-Res-2020-10',
];

export const lbTlsPolicyOutdated = definePolicy<LbTlsPolicyOutdatedOptions>({
  id: 'lb-tls-policy-outdated',
  title: 'Load balancer TLS listener uses an outdated security policy',
  severity: 'medium',
  description:
    'An Application or Network Load Balancer listener that terminates TLS (aws_lb_listener or aws_alb_listener with ' +
    'protocol HTTPS or TLS; live: DescribeListeners) has an ssl_policy outside the allowedPolicies option. The default ' +
    'allow-list holds the predefined policies that offer only TLS 1.2 and 1.3 with forward-secret ciphers: the ' +
    'ELBSecurityPolicy-TLS13-1-2/1-3 family (2021-06, FIPS 2023-04, post-quantum 2025-09, and their Res variants) and ' +
    'the ELBSecurityPolicy-FS-1-2 family. An HTTPS or TLS listener without ssl_policy gets ELBSecurityPolicy-2016-08 ' +
    '(the provider leaves it to AWS, and AWS uses that policy for listeners created through the API), which still ' +
    'offers TLS 1.0 and 1.1, so it fails. At plan time an ssl_policy or protocol known only after apply is unknown. ' +
    'Security Hub ELB.17 allows only the TLS13 policies by default; we also allow the FS-1-2 family, which offers no ' +
    'protocol below TLS 1.2 either (narrow the option to follow ELB.17 exactly). Classic Load Balancers (as Security ' +
    'Hub ELB.8): an aws_elb listener with lb_protocol https or ssl must negotiate with a predefined policy in ' +
    'allowedClassicPolicies (default ELBSecurityPolicy-TLS-1-2-2017-01, the only classic policy without TLS 1.0 and ' +
    '1.1), found through the aws_load_balancer_listener_policy on its port and the aws_load_balancer_policy it names ' +
    '(its Reference-Security-Policy attribute, or a predefined policy named directly), or an aws_lb_ssl_negotiation_policy ' +
    'on its port; a policy without a reference (custom ciphers) fails, and a listener with none negotiates with ' +
    'ELBSecurityPolicy-2016-08 and fails. Live, the classic policies come from DescribeLoadBalancerPolicies (one call ' +
    'per Classic Load Balancer with such a listener). A policy named but not in the input is unknown.',
  remediation:
    'Set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" (or another policy of the allow-list) on every HTTPS and ' +
    'TLS listener. Clients that cannot speak TLS 1.2 are rare; check the load balancer access logs (ssl_protocol) first.',
  frameworks: {
    'AWS Foundational Security Best Practices': ['ELB.17'],
    'PCI DSS 4.0': ['4.2.1'],
  },
  tags: ['load-balancer', 'encryption-in-transit', 'tls'],
  resourceTypes: [...LISTENER_TYPES, ...CLASSIC_TYPES],
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedPolicies: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, minItems: 1 },
        allowedClassicPolicies: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, minItems: 1 },
      },
    },
    defaults: { allowedPolicies: RECOMMENDED_POLICIES, allowedClassicPolicies: ['ELBSecurityPolicy-TLS-1-2-2017-01'] },
  },
  messages: {
    allowed: '{{listener}} uses the security policy {{policy}}',
    outdated: '{{listener}} ({{protocol}}) uses the security policy {{policy}}, which is not in the allowed list{{note}}',
    protocolUnknown: '{{listener}}: cannot tell whether it terminates TLS',
    policyUnknown: '{{listener}}: cannot tell which TLS security policy it uses',
    classicAllowed: '{{balancer}} negotiates TLS on every HTTPS/SSL listener with an allowed predefined policy',
    classicOutdated: '{{balancer}} listener on port {{port}} negotiates TLS with {{policy}}, which is not in the allowed list',
    classicUnknown: '{{balancer}}: cannot tell which TLS policy its listener on port {{port}} negotiates with',
  },
  check(context) {
    const allowed = new Set(context.options.allowedPolicies);
    for (const listener of context.inventory.ofType(...LISTENER_TYPES)) {
      if (listener.mode === 'managed') checkListener(context, listener, allowed);
    }
    const attached = classicPolicies(context.inventory);
    const allowedClassic = new Set(context.options.allowedClassicPolicies);
    for (const balancer of context.inventory.ofType('aws_elb')) {
      if (balancer.mode === 'managed') checkClassic(context, balancer, attached.get(balancer) ?? NO_POLICIES, allowedClassic);
    }
  },
});

function checkListener(context: PolicyContext<LbTlsPolicyOutdatedOptions>, listener: Resource, allowed: ReadonlySet<string>): void {
  const data = { listener: listener.address };
  const protocol = listener.values['protocol'];
  if (isUnknown(protocol)) {
    // Only a certificate makes a listener terminate TLS: without one it is plain HTTP or TCP.
    if (listener.values['certificate_arn'] === undefined || listener.values['certificate_arn'] === null) return;
    context.unknown({ resource: listener, path: 'protocol', messageId: 'protocolUnknown', data, reason: protocol });
    return;
  }
  const upper = knownString(protocol)?.toUpperCase();
  if (!upper || !TLS_PROTOCOLS.has(upper)) return;
  const policy = listener.values['ssl_policy'];
  if (isUnknown(policy)) {
    context.unknown({ resource: listener, path: 'ssl_policy', messageId: 'policyUnknown', data, reason: policy });
    return;
  }
  const name = knownString(policy) ?? '';
  if (allowed.has(name)) {
    context.pass({ resource: listener, messageId: 'allowed', data: { ...data, policy: name } });
    return;
  }
  const note = listener.defaults?.['ssl_policy'];
  context.fail({
    resource: listener,
    path: 'ssl_policy',
    element: name,
    messageId: 'outdated',
    data: { ...data, protocol: upper, policy: name || '(none)', note: note ? ` (${note})` : '' },
    evidence: [{ path: 'ssl_policy', value: name || null, ...(note ? { note } : {}) }],
  });
}

/** The SSL negotiation settings attached to one Classic Load Balancer, by kind. */
interface ClassicPolicies {
  listenerPolicies: Resource[];
  policies: Resource[];
  negotiation: Resource[];
}
const NO_POLICIES: ClassicPolicies = { listenerPolicies: [], policies: [], negotiation: [] };

/** Each Classic Load Balancer's policy resources, indexed once through their reference to it. */
function classicPolicies(inventory: Inventory): Map<Resource, ClassicPolicies> {
  const byBalancer = new Map<Resource, ClassicPolicies>();
  const add = (type: string, path: string, kind: keyof ClassicPolicies): void => {
    for (const resource of inventory.ofType(type)) {
      const balancers = inventory.resolve(resource, path, ['aws_elb']);
      if (isUnknown(balancers)) continue;
      for (const balancer of balancers) {
        const found = byBalancer.get(balancer) ?? { listenerPolicies: [], policies: [], negotiation: [] };
        found[kind].push(resource);
        byBalancer.set(balancer, found);
      }
    }
  };
  add('aws_load_balancer_listener_policy', 'load_balancer_name', 'listenerPolicies');
  add('aws_load_balancer_policy', 'load_balancer_name', 'policies');
  add('aws_lb_ssl_negotiation_policy', 'load_balancer', 'negotiation');
  return byBalancer;
}

type Negotiated = { policy: string; note?: string } | { doubt: Unknown | string };

function checkClassic(context: PolicyContext<LbTlsPolicyOutdatedOptions>, balancer: Resource, attached: ClassicPolicies, allowed: ReadonlySet<string>): void {
  const data = { balancer: balancer.address };
  const listeners = listOf(balancer.values['listener']);
  if (isUnknown(listeners)) {
    context.unknown({ resource: balancer, path: 'listener', messageId: 'classicUnknown', data: { ...data, port: '?' }, reason: listeners });
    return;
  }
  let tlsListeners = 0;
  let reported = 0;
  listeners.forEach((listener, i) => {
    const protocol = valueAt(listener, 'lb_protocol');
    const upper = isUnknown(protocol) ? undefined : knownString(protocol)?.toUpperCase();
    if (upper !== undefined && upper !== 'HTTPS' && upper !== 'SSL') return;
    tlsListeners++;
    const port = valueAt(listener, 'lb_port');
    const shownPort = isUnknown(port) ? '(known after apply)' : String(port ?? '?');
    const path = `listener.${String(i)}`;
    const negotiated: Negotiated = isUnknown(protocol) ? { doubt: protocol } : negotiatedPolicy(port, attached);
    if ('doubt' in negotiated) {
      reported++;
      context.unknown({ resource: balancer, path, element: `${path} ${shownPort}`, messageId: 'classicUnknown', data: { ...data, port: shownPort }, reason: negotiated.doubt });
      return;
    }
    if (allowed.has(negotiated.policy)) return;
    reported++;
    context.fail({
      resource: balancer,
      path,
      element: `${shownPort} ${negotiated.policy}`,
      messageId: 'classicOutdated',
      data: { ...data, port: shownPort, policy: negotiated.note ? `${negotiated.policy} (${negotiated.note})` : negotiated.policy },
      evidence: [{ path, value: negotiated.policy, ...(negotiated.note ? { note: negotiated.note } : {}) }],
    });
  });
  if (tlsListeners > 0 && reported === 0) context.pass({ resource: balancer, messageId: 'classicAllowed', data });
}

/** The predefined policy a classic listener on `port` negotiates with, from whichever resource sets it. */
function negotiatedPolicy(port: Value | undefined, attached: ClassicPolicies): Negotiated {
  if (isUnknown(port)) return { doubt: port };
  const onPort = (resource: Resource, path: string): boolean | Unknown => {
    const value = resource.values[path];
    return isUnknown(value) ? value : value === port;
  };
  for (const negotiation of attached.negotiation) {
    const here = onPort(negotiation, 'lb_port');
    if (isUnknown(here)) return { doubt: here };
    if (here) return referenceOf(listOf(negotiation.values['attribute']), negotiation.address);
  }
  for (const listenerPolicy of attached.listenerPolicies) {
    const here = onPort(listenerPolicy, 'load_balancer_port');
    if (isUnknown(here)) return { doubt: here };
    if (!here) continue;
    const names = listOf(listenerPolicy.values['policy_names']);
    if (isUnknown(names)) return { doubt: names };
    for (const name of names) {
      if (isUnknown(name)) return { doubt: name };
      const policy = attached.policies.find((p) => p.values['policy_name'] === name);
      if (policy) {
        const type = policy.values['policy_type_name'];
        if (isUnknown(type)) return { doubt: type };
        if (type !== 'SSLNegotiationPolicyType') continue;
        return referenceOf(listOf(policy.values['policy_attribute']), policy.address);
      }
      // A predefined policy can be named directly; any other name is a policy this input does not hold.
      if (typeof name === 'string' && name.startsWith('ELBSecurityPolicy-')) return { policy: name };
      return { doubt: `the listener policy names ${String(name)}, which is not in the input` };
    }
  }
  return { policy: CLASSIC_DEFAULT_POLICY, note: 'no SSL negotiation policy is attached: AWS uses ELBSecurityPolicy-2016-08' };
}

/** The Reference-Security-Policy attribute of a policy's attributes; without one the policy is custom. */
function referenceOf(attributes: Value[] | Unknown, address: string): Negotiated {
  if (isUnknown(attributes)) return { doubt: attributes };
  for (const attribute of attributes) {
    const name = valueAt(attribute, 'name');
    if (isUnknown(name)) return { doubt: name };
    if (name !== REFERENCE) continue;
    const value = valueAt(attribute, 'value');
    if (isUnknown(value)) return { doubt: value };
    return { policy: knownString(value) ?? '(none)' };
  }
  return { policy: `custom ciphers (${address})`, note: 'the policy lists its own protocols and ciphers instead of a predefined policy' };
}
