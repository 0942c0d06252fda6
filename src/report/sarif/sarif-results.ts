import type { Finding, Suppression } from '../../rules/finding.js';
import { asSentence } from '../format-value.js';
import { codeFlows } from './sarif-codeflows.js';
import type { FingerprintCounter } from './sarif-fingerprints.js';
import { kindAndLevel } from './sarif-levels.js';
import { resultLocation } from './sarif-locations.js';
import type * as Sarif from 'sarif';

/** One finding as a SARIF result. `ruleIndex` points into the run's `tool.driver.rules`. */
export function sarifResult(finding: Finding, ruleIndex: number | undefined, counter: FingerprintCounter): Sarif.Result {
  const location = resultLocation(finding);
  const flows = location.physicalLocation ? codeFlows(finding.trace, location.physicalLocation) : undefined;
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    ...kindAndLevel(finding),
    message: { text: messageText(finding) },
    locations: [location],
    ...counter.fingerprintsFor(finding, location),
    ...(flows ? { codeFlows: flows } : {}),
    ...(finding.verdict === 'suppressed' ? { suppressions: [sarifSuppression(finding.suppression)] } : {}),
    properties: {
      severity: finding.severity,
      verdict: finding.verdict,
      ...(finding.messageId !== undefined ? { messageId: finding.messageId } : {}),
      resource: { type: finding.resource.type, address: finding.resource.address, source: finding.resource.source },
      // Evidence values serialise Sensitive as "(sensitive)" and Unknown as { unknown: reason }.
      evidence: finding.evidence,
    },
  };
}

/** The finding's message; an undecided check also says what could not be known. */
function messageText(finding: Finding): string {
  const message = asSentence(finding.message);
  if (finding.verdict !== 'unknown') return message;
  return `${message} Could not be decided: ${asSentence(finding.reason ?? 'a decisive value is unknown')}`;
}

/** Inline `# warden:ignore` is persisted in the source; config ignores and baselines are external. */
function sarifSuppression(suppression: Suppression | undefined): Sarif.Suppression {
  if (!suppression) return { kind: 'external', status: 'accepted', justification: 'Suppressed.' };
  const justification = [suppression.reason ?? `Suppressed by ${suppression.kind}`];
  if (suppression.until) justification.push(`(until ${suppression.until})`);
  return {
    kind: suppression.kind === 'inline' ? 'inSource' : 'external',
    status: 'accepted',
    justification: justification.join(' '),
    properties: {
      source: suppression.kind,
      ...(suppression.until ? { until: suppression.until } : {}),
      ...(suppression.by ? { by: suppression.by } : {}),
    },
  };
}
