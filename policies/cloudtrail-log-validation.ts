import { definePolicy, isUnknown } from '../src/api.js';

export const cloudtrailLogValidation = definePolicy({
  id: 'cloudtrail-log-validation',
  title: 'CloudTrail trail does not validate its log files',
  severity: 'medium',
  description:
    'A CloudTrail trail (aws_cloudtrail) has log file integrity validation off (enable_log_file_validation, default ' +
    'false): without the signed digest files, a log file changed or deleted in its bucket cannot be detected. At plan ' +
    'time a value known only after apply is unknown. Live, each trail is checked once, in its home region (DescribeTrails).',
  remediation: 'Set enable_log_file_validation = true on the aws_cloudtrail, or run `aws cloudtrail update-trail --name TRAIL --enable-log-file-validation`.',
  frameworks: {
    'CIS AWS Foundations Benchmark v3.0.0': ['3.2'],
    'AWS Foundational Security Best Practices': ['CloudTrail.4'],
    'PCI DSS 4.0': ['10.3.2'],
  },
  tags: ['logging', 'cloudtrail', 'integrity'],
  resourceTypes: ['aws_cloudtrail'],
  messages: {
    notValidated: '{{trail}} does not validate its log files',
    validationUnknown: '{{trail}}: cannot tell whether log file validation is on',
    validated: '{{trail}} writes signed digest files for log file validation',
  },
  check(context) {
    for (const trail of context.inventory.ofType('aws_cloudtrail')) {
      if (trail.mode !== 'managed') continue;
      const data = { trail: trail.address };
      const value = trail.values['enable_log_file_validation'];
      if (value === true) context.pass({ resource: trail, messageId: 'validated', data });
      else if (isUnknown(value)) context.unknown({ resource: trail, path: 'enable_log_file_validation', messageId: 'validationUnknown', data, reason: value });
      else {
        const note = trail.defaults?.['enable_log_file_validation'];
        context.fail({ resource: trail, path: 'enable_log_file_validation', messageId: 'notValidated', data, evidence: [{ path: 'enable_log_file_validation', value: value ?? null, ...(note ? { note } : {}) }] });
      }
    }
  },
});
