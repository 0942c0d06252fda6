import type { FailOn, UnknownMode } from '../config/config.js';
import type { ScanResult } from './scan-result.js';
import { severityRank } from '../rules/severity.js';

export const EXIT = {
  ok: 0,
  failing: 1,
  /** The command could not run: bad usage, bad config, a broken policy, no readable input. */
  error: 2,
  /** Something could not be read (an input, region, account) and nothing else failed. */
  incomplete: 3,
} as const;

export interface GateOptions {
  failOn: FailOn;
  unknown: UnknownMode;
  allowIncomplete: boolean;
}

/**
 * DESIGN §5: 2 when no input could be read at all, or a policy's check threw (a broken policy is a
 * configuration error, DESIGN §8, whatever --allow-incomplete says); 1 when a finding fails at or above the threshold
 * (or an unknown, with `--unknown fail`); 3 when the scan was incomplete; else 0.
 */
export function exitCodeFor(result: ScanResult, gate: GateOptions): number {
  if (result.inputs.length > 0 && result.inputs.every((input) => input.status === 'error')) return EXIT.error;
  if (result.coverage.gaps.some((gap) => gap.scope === 'policy')) return EXIT.error;
  if (isFailing(result, gate)) return EXIT.failing;
  if (!result.coverage.complete && !gate.allowIncomplete) return EXIT.incomplete;
  return EXIT.ok;
}

function isFailing(result: ScanResult, gate: GateOptions): boolean {
  if (gate.failOn === 'none') return false;
  const threshold = severityRank(gate.failOn);
  return result.findings.some(
    (f) => (f.verdict === 'fail' || (f.verdict === 'unknown' && gate.unknown === 'fail')) && severityRank(f.severity) >= threshold,
  );
}
