import { definePolicy, isUnknown, knownString, type PolicyContext, type Resource } from '../src/api.js';

const LISTENER_TYPES = ['aws_lb_listener', 'aws_alb_listener'];

/** Listener protocols that terminate TLS at the load balancer and so take a security policy. */
const TLS_PROTOCOLS = new Set(['HTTPS', 'TLS']);

export interface LbTlsPolicyOutdatedOptions {
  /** Security policies a TLS listener may use. */
  allowedPolicies: string[];
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
    'protocol below TLS 1.2 either (narrow the option to follow ELB.17 exactly). Classic Load Balancers (ELB.8) are ' +
    'not covered by this policy.',
  remediation:
    'Set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06" (or another policy of the allow-list) on every HTTPS and ' +
    'TLS listener. Clients that cannot speak TLS 1.2 are rare; check the load balancer access logs (ssl_protocol) first.',
  frameworks: {
    'AWS Foundational Security Best Practices': ['ELB.17'],
    'PCI DSS 4.0': ['4.2.1'],
  },
  tags: ['load-balancer', 'encryption-in-transit', 'tls'],
  resourceTypes: LISTENER_TYPES,
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { allowedPolicies: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, minItems: 1 } },
    },
    defaults: { allowedPolicies: RECOMMENDED_POLICIES },
  },
  messages: {
    allowed: '{{listener}} uses the security policy {{policy}}',
    outdated: '{{listener}} ({{protocol}}) uses the security policy {{policy}}, which is not in the allowed list{{note}}',
    protocolUnknown: '{{listener}}: cannot tell whether it terminates TLS',
    policyUnknown: '{{listener}}: cannot tell which TLS security policy it uses',
  },
  check(context) {
    const allowed = new Set(context.options.allowedPolicies);
    for (const listener of context.inventory.ofType(...LISTENER_TYPES)) {
      if (listener.mode === 'managed') checkListener(context, listener, allowed);
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
