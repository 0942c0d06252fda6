import { addCounts, PartsConflict, uniqueItems } from '../../model/combine-parts.js';
import type { Finding } from '../../rules/finding.js';
import { SEVERITIES, type Severity } from '../../rules/severity.js';
import { sortFindings, type Ordered } from '../../scan/sort-findings.js';

/** A JSON report (schemas/warden-report.schema.json) to merge, with the name errors give it. */
export interface NamedReport {
  name: string;
  report: Record<string, any>;
}

/**
 * Joins the JSON reports of one audit (or scan) split across machines into the report one machine
 * would have written: inputs and findings together in the report order, coverage gaps and warnings
 * once each, API calls summed, the summary counted again. Refuses reports of different warden
 * versions or policy sets, and an input (an account/region, a file) reported by two parts.
 */
export function mergeJsonReports(parts: readonly NamedReport[]): Record<string, unknown> {
  if (parts.length === 0) throw new PartsConflict('merge', 'no report to merge');
  const first = parts[0]!;
  for (const part of parts) {
    const { report } = part;
    if (report['schemaVersion'] !== first.report['schemaVersion']) throw new PartsConflict(part.name, `JSON report schema ${report['schemaVersion']}, but ${first.name} has ${first.report['schemaVersion']}`);
    if (report['tool']?.version !== first.report['tool']?.version) throw new PartsConflict(part.name, `written by warden ${report['tool']?.version}, but ${first.name} by ${first.report['tool']?.version}: merge reports of one warden version`);
    if (report['command'] !== first.report['command']) throw new PartsConflict(part.name, `is a ${report['command']} report, but ${first.name} a ${first.report['command']} report`);
    if (policyKey(report) !== policyKey(first.report)) throw new PartsConflict(part.name, `ran other policies than ${first.name}: merge reports of one policy set`);
  }

  const inputs: Record<string, any>[] = [];
  const seenInputs = new Map<string, string>();
  for (const part of parts) {
    for (const input of part.report['inputs'] ?? []) {
      const other = seenInputs.get(input.path);
      if (other !== undefined) throw new PartsConflict(part.name, `input ${input.path} is also in ${other}: each input must be in one part`);
      seenInputs.set(input.path, part.name);
      inputs.push(input);
    }
  }
  inputs.sort((a, b) => cmp(String(a.path), String(b.path)));

  const findings = parts.flatMap((part) => (part.report['findings'] ?? []) as Record<string, any>[]);
  const ordered = findings.map((json) => ({ json, ...orderedOf(json) }));
  sortFindings(ordered);

  const coverages = parts.map((part) => part.report['coverage'] ?? { complete: true, gaps: [] });
  const gaps = uniqueItems(coverages.flatMap((c) => c.gaps ?? []));
  const notes = uniqueItems(coverages.flatMap((c) => c.notes ?? []));
  const apiCalls = coverages.map((c) => c.apiCalls).filter((c) => c !== undefined);
  const coverage = {
    complete: coverages.every((c) => c.complete === true),
    gaps,
    ...(notes.length > 0 ? { notes } : {}),
    ...(apiCalls.length > 0 ? { apiCalls: apiCalls.reduce((a, b) => addCounts(a, b)) } : {}),
  };
  return {
    ...first.report,
    inputs,
    coverage,
    summary: summaryOf(parts, ordered.map((o) => o.json)),
    warnings: uniqueItems(parts.flatMap((part) => part.report['warnings'] ?? [])),
    findings: ordered.map((o) => o.json),
  };
}

function policyKey(report: Record<string, any>): string {
  return JSON.stringify((report['policies'] ?? []).map((p: Record<string, unknown>) => [p['id'], p['severity']]).sort());
}

/** What the report order reads, from a JSON finding (its location has no `kind`: a file is a source). */
function orderedOf(json: Record<string, any>): Ordered {
  const location = json['location'];
  return {
    ruleId: json['ruleId'],
    severity: json['severity'] as Severity,
    verdict: json['verdict'],
    resource: json['resource'] as Finding['resource'],
    ...(location ? { location: location.file !== undefined ? { kind: 'source', ...location } : { kind: 'cloud', ...location } } : {}),
    fingerprint: json['fingerprint'],
  } as Ordered;
}

function summaryOf(parts: readonly NamedReport[], findings: readonly Record<string, any>[]): Record<string, unknown> {
  const byVerdict: Record<string, number> = { fail: 0, unknown: 0, suppressed: 0, pass: 0 };
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) {
    byVerdict[finding['verdict']] = (byVerdict[finding['verdict']] ?? 0) + 1;
    if (finding['verdict'] === 'fail') bySeverity[finding['severity'] as Severity]++;
  }
  const summaries = parts.map((part) => part.report['summary'] ?? {});
  const baselined = summaries.filter((s) => s.baselined !== undefined);
  return {
    findings: findings.length,
    ...(baselined.length > 0 ? { baselined: baselined.reduce((sum, s) => sum + s.baselined, 0) } : {}),
    byVerdict,
    bySeverity,
    policiesRun: Math.max(...summaries.map((s) => s.policiesRun ?? 0)),
    resources: summaries.reduce((sum, s) => sum + (s.resources ?? 0), 0),
  };
}

function cmp(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
