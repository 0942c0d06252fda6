import type { Finding } from '../../rules/finding.js';
import type { PolicyMeta } from '../../scan/scan-result.js';
import { evidenceText } from '../finding-text.js';
import { controlIds } from '../policy-controls.js';
import { csvNumberCell, csvTextCell } from './csv-cell.js';

/**
 * The CSV columns, in their fixed order (docs/report-formats.md). Columns are only ever added at the
 * end: spreadsheets and scripts read them by position.
 */
export const CSV_COLUMNS = [
  'account',
  'region',
  'resource',
  'name',
  'type',
  'policy',
  'severity',
  'verdict',
  'message',
  'controls',
  'fingerprint',
  'file',
  'line',
  'first_seen',
  'evidence',
  'remediation',
] as const;

/** One finding as one CSV row (without its line break). `policy` is the run's metadata of the finding's policy, when known. */
export function csvRow(finding: Finding, policy: PolicyMeta | undefined): string {
  const { location, resource } = finding;
  const cloud = location?.kind === 'cloud' ? location : undefined;
  const source = location?.kind === 'source' ? location : undefined;
  const cells = [
    csvTextCell(cloud?.account ?? ''),
    csvTextCell(cloud?.region ?? ''),
    csvTextCell(cloud?.arn ?? resource.address),
    csvTextCell(resource.name ?? ''),
    csvTextCell(resource.type),
    csvTextCell(finding.ruleId),
    csvTextCell(finding.severity),
    csvTextCell(finding.verdict),
    csvTextCell(finding.verdict === 'unknown' && finding.reason ? `${finding.message} (unknown because: ${finding.reason})` : finding.message),
    csvTextCell(policy ? controlIds(policy.frameworks).join('; ') : ''),
    csvTextCell(finding.fingerprint),
    csvTextCell(source?.file ?? (cloud ? '' : resource.input)),
    csvNumberCell(source?.startLine),
    // Baselines record fingerprints, not dates, and findings a baseline lists are left out of the
    // report: no finding has a first-seen date yet. The column keeps its place for when one does.
    '',
    csvTextCell(finding.evidence.map(evidenceText).join('; ')),
    csvTextCell(finding.remediation),
  ];
  return cells.join(',');
}
