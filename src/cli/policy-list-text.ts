import { inertCommands } from '../report/inert-commands.js';
import { safeJsonText } from '../report/json/safe-json-text.js';
import { printableLines } from '../report/printable-text.js';
import { coverageSummary, frameworkCoverage, type FrameworkCoverage } from '../rules/framework-coverage.js';
import { matchingFrameworks } from '../rules/frameworks.js';
import type { ListedPolicy } from './policy-sources.js';
import { UsageError } from './usage-error.js';

/**
 * What `warden policies` prints for a list of policies: a table (console) or JSON, only the policies
 * mapped to `frameworks` when some are named, then for each named framework that has a control
 * catalog (CIS v3.0.0, FSBP) which of its controls those policies cover and which they do not (JSON:
 * `{ policies, coverage }` instead of the plain list). Shared by the command and bin/warden.js's fast path for
 * the built-in catalog, so both print the same bytes. Throws UsageError for a bad format or framework.
 * A user policy's title is text from the repository: no control character or workflow command in it.
 */
export function policyListText(policies: readonly ListedPolicy[], format: string | undefined, frameworks: readonly string[]): string {
  const rows = policies
    .map((policy) => ({ policy, controls: controlsOf(policy, frameworks) }))
    .filter((row) => frameworks.length === 0 || row.controls.length > 0);
  if (frameworks.length > 0 && rows.length === 0) {
    throw new UsageError(`--framework: no policy is mapped to ${frameworks.map((f) => `"${f}"`).join(', ')} (known: cis, fsbp, pci, soc2, hipaa)`);
  }
  const coverage = frameworks.length > 0 ? frameworkCoverage(rows.map((row) => row.policy), frameworks) : [];
  if (format === 'json') {
    const listed = rows.map((row) => row.policy);
    return `${safeJsonText(JSON.stringify(frameworks.length > 0 ? { policies: listed, coverage } : listed, null, 2))}\n`;
  }
  if (format === undefined || format === 'console') return inertCommands(printableLines(table(rows, frameworks.length > 0) + coverage.map(coverageText).join('')));
  throw new UsageError(`--format: "${format}" is not one of console, json`);
}

/** `CIS AWS Foundations Benchmark v3.0.0 5.2, 5.3` for each matching framework. */
function controlsOf(policy: ListedPolicy, frameworks: readonly string[]): string[] {
  const keys = [...new Set(frameworks.flatMap((name) => matchingFrameworks(policy.frameworks, name)))];
  return keys.map((key) => `${key} ${(policy.frameworks[key] ?? []).join(', ')}`);
}

function table(rows: { policy: ListedPolicy; controls: string[] }[], withControls: boolean): string {
  const idWidth = Math.max(2, ...rows.map((r) => r.policy.id.length));
  const titleWidth = Math.max(5, ...rows.map((r) => r.policy.title.length));
  const head = `${'ID'.padEnd(idWidth)}  SEVERITY  ${withControls ? `${'TITLE'.padEnd(titleWidth)}  CONTROLS` : 'TITLE'}`;
  const lines = rows.map(({ policy, controls }) => {
    const { id, severity, title } = policy;
    const base = `${id.padEnd(idWidth)}  ${severity.padEnd(8)}  `;
    if (!withControls) return `${base}${title}`;
    return [`${base}${title.padEnd(titleWidth)}  ${controls[0]}`, ...controls.slice(1).map((c) => `${' '.repeat(base.length + titleWidth + 2)}${c}`)].join('\n');
  });
  return `${[head, ...lines].join('\n')}\n`;
}

/** The coverage of one framework: a summary line, then the controls covered (with their policies) and not. */
function coverageText(coverage: FrameworkCoverage): string {
  const width = Math.max(0, ...[...coverage.covered, ...coverage.notCovered].map((c) => c.id.length));
  const lines = [
    '',
    `${coverage.framework}: ${coverageSummary(coverage)}`,
    ...coverage.covered.map((c) => `  covered      ${c.id.padEnd(width)}  ${c.title}  (${c.policies.join(', ')})`),
    ...coverage.notCovered.map((c) => `  not covered  ${c.id.padEnd(width)}  ${c.title}`),
  ];
  return `${lines.join('\n')}\n`;
}
