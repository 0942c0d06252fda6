import type { Finding, Verdict } from '../../rules/finding.js';
import { severityRank } from '../../rules/severity.js';
import type { CoverageGap, InputSummary, ScanResult } from '../../scan/scan-result.js';
import type { ReportContext } from '../report-context.js';
import { FingerprintCounter } from './sarif-fingerprints.js';
import { artifactLocation, directoryUri, SRCROOT } from './sarif-locations.js';
import { sarifResult } from './sarif-results.js';
import { ruleDescriptor } from './sarif-rules.js';
import { textMemo } from '../text-memo.js';
import { JsonSequence } from '../json/json-pieces.js';
import type * as Sarif from 'sarif';

/** A run as written: its results made a batch at a time as they are written (JsonSequence), never all at once. */
export type WrittenRun = Omit<Sarif.Run, 'results'> & { results: JsonSequence<Finding> };

/** GitHub code scanning keeps at most this many results of one run and this many runs of one file. */
export const MAX_RESULTS_PER_RUN = 25_000;
export const MAX_RUNS = 20;

/**
 * Findings split into one run per target — `plan`, `hcl`, `live/<account>` — each with its own
 * `automationDetails.id` (`warden/plan/`), which GitHub uses as the analysis category: a later
 * upload of the same category replaces the alerts of that target only. A target scanned clean
 * still gets an empty run, so that GitHub closes its fixed alerts.
 */
export function sarifRuns(result: ScanResult, context: ReportContext): WrittenRun[] {
  const notifications = result.coverage.gaps.map(gapNotification);
  for (const note of result.coverage.notes ?? []) notifications.push({ level: 'note', message: { text: note } });
  let targets = groupByTarget(result);
  if (targets.size > MAX_RUNS) {
    const accounts = [...targets.keys()].filter((category) => category.startsWith('live/')).length;
    targets = groupByTarget(result, true);
    notifications.push({
      level: 'warning',
      message: { text: `Findings of ${accounts} AWS accounts are in one run (category warden/live/): GitHub accepts at most ${MAX_RUNS} runs per SARIF file.` },
    });
  }
  const rules = result.policies.map(ruleDescriptor);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  // Under a baseline, what is reported is new; the baselined count is the whole scan's (findings left out have no target).
  const { baselined } = result.summary;
  // 100k+ results name a few files: each file's URI is made once.
  const artifacts = textMemo((file) => Object.freeze(artifactLocation(file)));
  return [...targets].map(([category, findings]) => {
    const { kept, omitted } = keepMostSevere(findings, MAX_RESULTS_PER_RUN);
    const counter = new FingerprintCounter();
    const runNotifications = [...notifications];
    if (omitted > 0) {
      runNotifications.push({
        level: 'warning',
        message: {
          text: `${omitted} of ${findings.length} results of warden/${category}/ were left out: GitHub code scanning accepts at most ${MAX_RESULTS_PER_RUN} results per run, so the most severe were kept. The JSON report lists every finding.`,
        },
      });
    }
    return {
      tool: { driver: driver(result, rules) },
      automationDetails: { id: `warden/${category}/` },
      originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.cwd) } },
      columnKind: 'utf16CodeUnits',
      invocations: [
        {
          // One warden process produced every run: an incomplete scan is unsuccessful in all of them.
          executionSuccessful: result.coverage.complete,
          workingDirectory: { uri: directoryUri(context.cwd) },
          toolExecutionNotifications: runNotifications,
        },
      ],
      // Mapped once each, in order, as written: the fingerprint counter sees the findings in the written order.
      results: new JsonSequence(kept, (finding) => {
        const sarif = sarifResult(finding, ruleIndex.get(finding.ruleId), counter, artifacts);
        return baselined === undefined ? sarif : { ...sarif, baselineState: 'new' as const };
      }),
      ...(baselined === undefined ? {} : { properties: { baselined } }),
    };
  });
}

/**
 * Target category → findings, in a fixed order (plan, hcl, then live accounts). Passing checks are
 * left out: GitHub shows every result as an alert whatever its `kind`. Scanned inputs without
 * findings still name their target, so that clean targets get their (empty) run.
 */
function groupByTarget(result: ScanResult, foldAccounts = false): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const input of result.inputs) {
    const category = inputCategory(input, foldAccounts);
    if (category && !groups.has(category)) groups.set(category, []);
  }
  for (const finding of result.findings) {
    if (finding.verdict === 'pass') continue;
    const category = findingCategory(finding, foldAccounts);
    const list = groups.get(category);
    if (list) list.push(finding);
    else groups.set(category, [finding]);
  }
  // Nothing could be read: an empty run in a real target's category would make GitHub close that
  // target's open alerts, so the run that carries the errors gets a category of its own.
  if (groups.size === 0) groups.set(result.command, []);
  return new Map([...groups].sort(([a], [b]) => categoryOrder(a) - categoryOrder(b) || (a < b ? -1 : a > b ? 1 : 0)));
}

function findingCategory(finding: Finding, foldAccounts: boolean): string {
  const { resource, location } = finding;
  if (resource.source !== 'live') return resource.source;
  if (foldAccounts) return 'live';
  // A live resource's input is `account/region`; its cloud location names the account exactly.
  const account = location?.kind === 'cloud' ? location.account : resource.input.split('/')[0];
  return account ? `live/${account}` : 'live';
}

function inputCategory(input: InputSummary, foldAccounts: boolean): string | undefined {
  if (input.status !== 'scanned') return undefined;
  switch (input.kind) {
    case 'plan':
    case 'hcl':
      return input.kind;
    case 'live':
      // An audited target is `account/region` (or an account).
      return foldAccounts ? 'live' : `live/${input.path.split('/')[0]}`;
    case 'inventory':
    case 'unknown':
      // A saved inventory may hold several accounts: its findings name theirs.
      return undefined;
  }
}

function categoryOrder(category: string): number {
  return category === 'plan' ? 0 : category === 'hcl' ? 1 : 2;
}

const VERDICT_PRIORITY: Record<Verdict, number> = { fail: 0, unknown: 1, suppressed: 2, pass: 3 };

/** The `limit` most severe findings (failing before unknown before suppressed), in their original order. */
export function keepMostSevere(findings: readonly Finding[], limit: number): { kept: Finding[]; omitted: number } {
  if (findings.length <= limit) return { kept: [...findings], omitted: 0 };
  const ranked = findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        VERDICT_PRIORITY[a.finding.verdict] - VERDICT_PRIORITY[b.finding.verdict] ||
        severityRank(b.finding.severity) - severityRank(a.finding.severity) ||
        a.index - b.index,
    );
  const kept = ranked.slice(0, limit).sort((a, b) => a.index - b.index).map((entry) => entry.finding);
  return { kept, omitted: findings.length - limit };
}

function driver(result: ScanResult, rules: Sarif.ReportingDescriptor[]): Sarif.Run['tool']['driver'] {
  const { name, version, informationUri } = result.tool;
  return { name, fullName: `${name} ${version}`, version, semanticVersion: version, informationUri, rules };
}

/** An input that could not be read, or a policy that failed: the scan is incomplete. */
function gapNotification(gap: CoverageGap): Sarif.Notification {
  return {
    level: 'error',
    message: { text: gap.message },
    properties: { scope: gap.scope, target: gap.target, ...(gap.policyId ? { policyId: gap.policyId } : {}) },
  };
}
