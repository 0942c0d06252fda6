import { resolve } from 'node:path';
import { describeFsError } from '../engines/input-error.js';
import type { FailOn, UnknownMode, WardenConfig } from '../config/config.js';
import { FORMATS_WITH_PASSES, loadReporter, type Format } from '../report/reporter.js';
import type { ReportText } from '../report/report-text.js';
import { writeOutputFile, writeOutputStream } from '../report/write-output.js';
import { exitCodeFor, type GateOptions } from '../scan/exit-code.js';
import type { PassMode } from '../rules/runner.js';
import type { ScanResult } from '../scan/scan-result.js';
import { parseFailOn, parseFormat, parseReport, parseUnknownMode } from './parse-flags.js';
import { writeStderrLine } from './stderr-line.js';
import { shouldColor } from './terminal.js';
import { UsageError } from './usage-error.js';

/** The output and gating flags `scan` and `audit` share. */
export interface OutputFlags {
  format: string;
  output?: string;
  report?: string[];
  failOn?: string;
  unknown?: string;
  allowIncomplete?: boolean;
  includePasses?: boolean;
  quiet?: boolean;
  /** `--sg-report FILE`: also write the security-group report (format from the file name). */
  sgReport?: string;
}

/** The flags checked and merged with warden.yaml: what to write where, and how the exit code is decided. */
export interface OutputPlan {
  format: Format;
  reports: { format: Format; file: string }[];
  output?: string;
  quiet: boolean;
  failOn: FailOn;
  unknownMode: UnknownMode;
  allowIncomplete: boolean;
  /**
   * Passing checks: reported as findings when asked for with --include-passes (every format shows
   * them), else counted when a requested format always shows them (junit), else dropped.
   */
  passMode: PassMode;
}

/** Checks the output flags (a bad value is a UsageError, before any work is done). */
export function planOutput(flags: OutputFlags, config: WardenConfig): OutputPlan {
  const format = parseFormat(flags.format);
  const reports = (flags.report ?? []).map(parseReport);
  const countPasses = [format, ...reports.map((report) => report.format)].some((f) => FORMATS_WITH_PASSES.includes(f));
  return {
    format,
    reports,
    ...(flags.output ? { output: flags.output } : {}),
    quiet: flags.quiet ?? false,
    failOn: flags.failOn ? parseFailOn(flags.failOn) : (config.failOn ?? 'low'),
    unknownMode: flags.unknown ? parseUnknownMode(flags.unknown) : (config.unknown ?? 'warn'),
    allowIncomplete: flags.allowIncomplete ?? config.allowIncomplete ?? false,
    passMode: flags.includePasses ? 'report' : countPasses ? 'count' : 'omit',
  };
}

/**
 * Reports a result: input errors, coverage gaps and warnings on stderr, the chosen format on stdout
 * or `--output`, extra `--report` files; returns the exit code.
 */
export async function emitResult(result: ScanResult, plan: OutputPlan, cwd: string): Promise<number> {
  for (const input of result.inputs) if (input.error) writeStderrLine(input.error);
  const inputErrors = new Set(result.inputs.map((input) => input.error).filter(Boolean));
  // A live (account, region) in error already listed its gaps in its input error.
  const failedInputs = new Set(result.inputs.filter((input) => input.error).map((input) => input.path));
  for (const gap of result.coverage.gaps) {
    if (!inputErrors.has(gap.message) && !failedInputs.has(gap.target)) writeStderrLine(gap.message);
  }
  for (const note of result.coverage.notes ?? []) writeStderrLine(`note: ${note}`);
  for (const warning of result.warnings) writeStderrLine(`warning: ${warning}`);

  const render = reportRenderer(result, plan, cwd);
  for (const report of plan.reports) writeReport(report.file, cwd, await render(report.format, true));
  if (plan.output) writeReport(plan.output, cwd, await render(plan.format, true));
  else if (!(plan.quiet && plan.format === 'console')) writeOutputStream(process.stdout, await render(plan.format, false));

  return exitCodeFor(result, gateOf(plan));
}

/**
 * Renders the result in any format as this run reports it: its gate and the workspace that
 * annotation paths are relative to. The GitHub Action also renders its job summary with it.
 */
export function reportRenderer(result: ScanResult, plan: OutputPlan, cwd: string): (format: Format, toFile: boolean) => Promise<ReportText> {
  const gate = gateOf(plan);
  const workspace = process.env['GITHUB_WORKSPACE'];
  return async (format, toFile) =>
    (await loadReporter(format))(result, {
      color: !toFile && shouldColor(process.stdout),
      cwd,
      gate,
      ...(workspace ? { workspace } : {}),
    });
}

function gateOf(plan: OutputPlan): GateOptions {
  return { failOn: plan.failOn, unknown: plan.unknownMode, allowIncomplete: plan.allowIncomplete };
}

/**
 * Writes an output (report, saved inventory); one that cannot be written (a directory, a read-only
 * place) is a usage error of one line, not a crash. A report is rendered as it is written: an error
 * of the reporter itself (no system error code) is not the file's fault and goes on as it is.
 */
export function writeReport(file: string, cwd: string, content: string | ReportText): void {
  try {
    writeOutputFile(resolve(cwd, file), content);
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException | undefined)?.code !== 'string') throw error;
    throw new UsageError(`cannot write ${file}: ${describeFsError(error)}`);
  }
}
