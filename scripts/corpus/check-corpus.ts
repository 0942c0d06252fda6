import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rejectionReason, scanReason } from './outcome-reasons.js';

/** What one warden invocation did. */
export interface WardenRun {
  /** The exit code; null when the process died from a signal or never exited. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Why there is no exit code (signal, timeout, exception escaping main). */
  abnormal?: string;
}

/** Runs `warden ARGS` with the working directory `cwd`. */
export type RunWarden = (args: readonly string[], cwd: string) => Promise<WardenRun>;

export interface CorpusFile {
  /** Path relative to the corpus root, as warden is given it and prints it. */
  path: string;
  /** `plans/*.json` are all real plans and must be scanned; the variants may be scanned or rejected. */
  mustScan: boolean;
}

export interface FileOutcome {
  file: CorpusFile;
  status: 'scanned' | 'rejected' | 'broken';
  /** The one-line error of a rejected file (without the `warden: ` prefix). */
  error?: string;
  /** Why it was scanned or rejected (`plan JSON`, `wrapper recovered`, `not valid JSON` …), for the counts. */
  reason?: string;
  /** Everything that breaks the contract: crash, stack trace, several lines, bad JSON, a different second run. */
  violations: string[];
}

export interface CorpusReport {
  root: string;
  outcomes: FileOutcome[];
}

interface JsonOutput {
  inputs?: { path?: string; status?: string; error?: string; details?: Record<string, string> }[];
  summary?: unknown;
  findings?: unknown[];
}

/** `plans/*.json` and `plans/variants/*.json` under the corpus root, in a stable order. */
export function listCorpusFiles(root: string): CorpusFile[] {
  const list = (dir: string, mustScan: boolean): CorpusFile[] => {
    const absolute = join(root, dir);
    if (!existsSync(absolute)) return [];
    return readdirSync(absolute)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => ({ path: `${dir}/${name}`, mustScan }));
  };
  return [...list('plans', true), ...list('plans/variants', false)];
}

/** The arguments of one check run: the JSON report on stdout, errors on stderr. */
export function scanArgs(file: CorpusFile): string[] {
  return ['scan', file.path, '--format', 'json'];
}

/**
 * Runs warden twice on every corpus file, `jobs` at a time, and checks the contract of
 * ../shared/corpus/README.md: each file is scanned (exit 0/1) or rejected (exit 2) with exactly one
 * line naming it; never a stack trace, never another exit code, and the same result both times.
 */
export async function checkCorpus(root: string, run: RunWarden, jobs = 2): Promise<CorpusReport> {
  const files = listCorpusFiles(root);
  const outcomes: FileOutcome[] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      const first = await run(scanArgs(file), root);
      const second = await run(scanArgs(file), root);
      outcomes[index] = judge(file, first, second);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, files.length)) }, worker));
  return { root, outcomes };
}

export function judge(file: CorpusFile, first: WardenRun, second: WardenRun): FileOutcome {
  const violations: string[] = [];
  if (first.abnormal) violations.push(`did not exit normally: ${first.abnormal}`);
  // A corpus plan lies away from its .tf sources: the note saying so (once) is expected, not a complaint.
  const stderrLines = first.stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('warden: note: '));
  if (stderrLines.some((line) => /^\s+at /.test(line))) violations.push('stack trace on stderr');
  if (/internal error/.test(first.stderr)) violations.push(`internal error: ${stderrLines.find((l) => l.includes('internal error'))}`);
  if (stderrLines.length > 1) violations.push(`${stderrLines.length} lines on stderr (at most one per input)`);

  let report: JsonOutput | undefined;
  try {
    report = JSON.parse(first.stdout) as JsonOutput;
  } catch {
    violations.push(`stdout is not JSON (${first.stdout.length} bytes)`);
  }
  const input = report?.inputs?.[0];

  let status: FileOutcome['status'] = 'broken';
  let error: string | undefined;
  let reason: string | undefined;
  if (first.code === 0 || first.code === 1) {
    status = 'scanned';
    reason = scanReason(input?.details);
    if (input && input.status !== 'scanned') violations.push(`exit ${first.code} but the JSON says the input is ${input.status}`);
    if (stderrLines.length > 0) violations.push(`scanned, yet stderr says: ${stderrLines[0]}`);
  } else if (first.code === 2) {
    status = 'rejected';
    const line = stderrLines[0] ?? '';
    error = line.replace(/^warden: /, '');
    reason = rejectionReason(error, file.path);
    if (!line.startsWith(`warden: ${file.path}:`)) violations.push(`the error does not start by naming the file: ${JSON.stringify(line)}`);
    if (input && input.status !== 'error') violations.push(`exit 2 but the JSON says the input is ${input.status}`);
    if (input?.error !== undefined && input.error !== error) violations.push('the JSON error differs from the stderr line');
    if (file.mustScan) violations.push('a real plan was rejected');
  } else if (first.code !== null) {
    violations.push(`exit code ${first.code} (expected 0 or 1 for a scan, 2 for a rejection)`);
  }

  const fingerprint = (run: WardenRun): string => {
    let parsed: JsonOutput | undefined;
    try {
      parsed = JSON.parse(run.stdout) as JsonOutput;
    } catch {
      parsed = undefined;
    }
    return JSON.stringify([run.code, run.abnormal ?? null, run.stderr, parsed?.inputs ?? null, parsed?.summary ?? null, parsed?.findings ?? null]);
  };
  if (fingerprint(first) !== fingerprint(second)) violations.push('a second run gave a different result');

  if (violations.length > 0) return { file, status: 'broken', ...(error !== undefined ? { error } : {}), violations };
  return { file, status, ...(error !== undefined ? { error } : {}), ...(reason !== undefined ? { reason } : {}), violations };
}

export function formatReport(report: CorpusReport): string {
  const { outcomes } = report;
  const scanned = outcomes.filter((o) => o.status === 'scanned');
  const rejected = outcomes.filter((o) => o.status === 'rejected');
  const broken = outcomes.filter((o) => o.status === 'broken');
  const lines = [
    `corpus: ${report.root} (${outcomes.length} files, each scanned twice)`,
    `scanned:  ${scanned.length}`,
    ...countsByReason(scanned),
    `rejected: ${rejected.length}`,
    ...countsByReason(rejected),
    `broken:   ${broken.length}`,
  ];
  if (rejected.length > 0) lines.push('', 'rejected files:', ...rejected.map((o) => `  ${o.error}`));
  const recovered = scanned.filter((o) => !o.file.mustScan);
  if (recovered.length > 0) lines.push('', 'variants recovered and scanned:', ...recovered.map((o) => `  ${o.file.path}`));
  if (broken.length > 0) {
    lines.push('', 'contract violations:');
    for (const o of broken) for (const v of o.violations) lines.push(`  ${o.file.path}: ${v}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `  183  plan JSON` lines, most frequent reason first (then by name, so the report is stable). */
function countsByReason(outcomes: readonly FileOutcome[]): string[] {
  const counts = new Map<string, number>();
  for (const { reason } of outcomes) counts.set(reason ?? '?', (counts.get(reason ?? '?') ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([reason, n]) => `  ${String(n).padStart(4)}  ${reason}`);
}
