import type { Finding, Suppression } from '../../rules/finding.js';
import { asSentence } from '../format-value.js';
import { codeFlows } from './sarif-codeflows.js';
import type { FingerprintCounter } from './sarif-fingerprints.js';
import { kindAndLevel } from './sarif-levels.js';
import { resultLocation, type ArtifactLocations } from './sarif-locations.js';
import type * as Sarif from 'sarif';

/**
 * One finding as a SARIF result. `ruleIndex` points into the run's `tool.driver.rules`. Built member
 * by member in the written order (no spread of a temporary object: a large scan has 100k+ results).
 */
export function sarifResult(finding: Finding, ruleIndex: number | undefined, counter: FingerprintCounter, artifacts?: ArtifactLocations): Sarif.Result {
  const location = resultLocation(finding, artifacts);
  const flows = location.physicalLocation ? codeFlows(finding.trace, location.physicalLocation) : undefined;
  const { kind, level } = kindAndLevel(finding);
  const { partialFingerprints, fingerprints } = counter.fingerprintsFor(finding, location);
  const { ruleId } = finding;
  const message = { text: messageText(finding) };
  const locations = [location];
  const result: Sarif.Result =
    ruleIndex !== undefined
      ? { ruleId, ruleIndex, kind, level, message, locations, partialFingerprints, fingerprints }
      : { ruleId, kind, level, message, locations, partialFingerprints, fingerprints };
  if (flows) result.codeFlows = flows;
  if (finding.verdict === 'suppressed') result.suppressions = [sarifSuppression(finding.suppression)];
  result.properties = resultProperties(finding);
  return result;
}

function resultProperties(finding: Finding): Sarif.PropertyBag {
  const { resource } = finding;
  const properties: Sarif.PropertyBag = { severity: finding.severity, verdict: finding.verdict };
  if (finding.messageId !== undefined) properties['messageId'] = finding.messageId;
  properties['resource'] = { type: resource.type, address: resource.address, source: resource.source };
  // Evidence values serialise Sensitive as "(sensitive)" and Unknown as { unknown: reason }.
  properties['evidence'] = finding.evidence;
  return properties;
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
