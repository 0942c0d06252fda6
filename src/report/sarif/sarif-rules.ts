import { SECURITY_SEVERITY_SCORE } from '../../rules/severity.js';
import type { PolicyMeta } from '../../scan/scan-result.js';
import { asSentence } from '../format-value.js';
import { levelForSeverity } from './sarif-levels.js';
import type * as Sarif from 'sarif';

/**
 * GitHub reads `precision` to rank alerts. warden's checks evaluate declared configuration and
 * inventories deterministically (no heuristics), so every built-in is "high"; undecidable cases are
 * reported as `unknown` instead of guessed.
 */
const PRECISION = 'high';

/** A policy as a SARIF rule, with everything GitHub code scanning shows on an alert. */
export function ruleDescriptor(policy: PolicyMeta): Sarif.ReportingDescriptor {
  const frameworks = frameworkTags(policy.frameworks);
  return {
    id: policy.id,
    name: pascalName(policy.id),
    shortDescription: { text: asSentence(policy.title) },
    fullDescription: { text: asSentence(policy.description) },
    help: { text: helpText(policy, frameworks), markdown: helpMarkdown(policy, frameworks) },
    ...(policy.helpUri !== undefined ? { helpUri: policy.helpUri } : {}),
    defaultConfiguration: { level: levelForSeverity(policy.severity) },
    properties: {
      tags: [...new Set(['security', ...policy.tags, ...frameworks])],
      'security-severity': SECURITY_SEVERITY_SCORE[policy.severity],
      precision: PRECISION,
      severity: policy.severity,
    },
  };
}

/** `sg-open-ingress` → `SgOpenIngress`: SARIF wants a friendly Pascal-case name distinct from the id. */
export function pascalName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** `{ 'CIS AWS 3.0': ['5.2'] }` → `['CIS AWS 3.0 5.2']`, so alerts can be filtered by control. */
function frameworkTags(frameworks: Record<string, string[]>): string[] {
  return Object.entries(frameworks).flatMap(([framework, controls]) =>
    controls.length > 0 ? controls.map((control) => `${framework} ${control}`) : [framework],
  );
}

function helpText(policy: PolicyMeta, frameworks: string[]): string {
  const parts = [asSentence(policy.title), policy.description, `Remediation: ${policy.remediation}`];
  if (frameworks.length > 0) parts.push(`Frameworks: ${frameworks.join(', ')}.`);
  parts.push(`Severity: ${policy.severity}.${policy.helpUri !== undefined ? ` More: ${policy.helpUri}` : ''}`);
  return parts.join('\n\n');
}

function helpMarkdown(policy: PolicyMeta, frameworks: string[]): string {
  const parts = [`**${policy.title}** (\`${policy.id}\`, ${policy.severity})`, policy.description, `**Remediation:** ${policy.remediation}`];
  if (frameworks.length > 0) parts.push(`**Frameworks:** ${frameworks.join(', ')}`);
  if (policy.helpUri !== undefined) parts.push(`[Documentation](${policy.helpUri})`);
  return parts.join('\n\n');
}
