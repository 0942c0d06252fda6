import { definePolicy, isUnknown, knownString } from '@warden-scanner/warden';

/** Security policies whose oldest protocol is TLS 1.2 or 1.3 carry it in their name. */
const TLS12_OR_NEWER = /^ELBSecurityPolicy-(?:TLS13-1-[23]|TLS-1-2|FS-1-2)-/;
const ENCRYPTED_PROTOCOLS = ['HTTPS', 'TLS'];

export interface LbTlsOptions {
  /** Further policy names to accept (e.g. a newer AWS policy this rule does not know yet). */
  allowedPolicies: string[];
}

export default definePolicy<LbTlsOptions>({
  id: 'lb-tls-min-version',
  title: 'Load balancer listener allows TLS older than 1.2',
  severity: 'high',
  description:
    'An HTTPS or TLS listener of an Application or Network Load Balancer uses a security policy that still ' +
    'negotiates TLS 1.0 or 1.1. When ssl_policy is not set, AWS applies ELBSecurityPolicy-2016-08, which does.',
  remediation:
    'Set ssl_policy to a policy whose minimum is TLS 1.2, such as ELBSecurityPolicy-TLS13-1-2-2021-06.',
  frameworks: { 'PCI DSS 4.0': ['4.2.1'], 'HIPAA Security Rule': ['164.312(e)(1)'] },
  tags: ['encryption-in-transit', 'load-balancer'],
  resourceTypes: ['aws_lb_listener', 'aws_alb_listener'],
  options: {
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { allowedPolicies: { type: 'array', items: { type: 'string', minLength: 1 } } },
    },
    defaults: { allowedPolicies: [] },
  },
  check({ inventory, options, fail, unknown, pass }) {
    for (const listener of inventory.ofType('aws_lb_listener', 'aws_alb_listener')) {
      const protocol = listener.values['protocol'];
      if (isUnknown(protocol)) {
        unknown({ resource: listener, path: 'protocol', message: `${listener.address}: the listener protocol is not known`, reason: protocol });
        continue;
      }
      if (!ENCRYPTED_PROTOCOLS.includes(String(protocol))) continue;

      const policy = listener.values['ssl_policy'];
      if (isUnknown(policy)) {
        unknown({
          resource: listener,
          path: 'ssl_policy',
          message: `${listener.address}: the TLS security policy is not known (unset, AWS applies ELBSecurityPolicy-2016-08)`,
          reason: policy,
        });
        continue;
      }
      const name = knownString(policy) ?? '';
      if (TLS12_OR_NEWER.test(name) || options.allowedPolicies.includes(name)) {
        pass({ resource: listener, message: `${listener.address} requires TLS 1.2 or newer` });
        continue;
      }
      fail({
        resource: listener,
        path: 'ssl_policy',
        message: `${listener.address} uses ${name || 'no TLS security policy'}, which allows TLS older than 1.2`,
        evidence: [{ path: 'ssl_policy', value: policy ?? null }],
      });
    }
  },
});
