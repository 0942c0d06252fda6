import type { FailOn, UnknownMode } from '../config/config.js';
import { FORMATS, isFormat, type Format } from '../report/reporter.js';
import { SEVERITIES } from '../rules/severity.js';
import { UsageError } from './usage-error.js';

/** `--only a,b --only c` → ['a','b','c']. */
export function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

// Flag values are words, not identifiers: `--fail-on HIGH` or `--format JSON` mean what they say.
export function parseFormat(given: string): Format {
  const value = given.toLowerCase();
  if (!isFormat(value)) throw new UsageError(`--format: unknown format "${given}" (one of ${FORMATS.join(', ')})`);
  return value;
}

export function parseFailOn(given: string): FailOn {
  const value = given.toLowerCase();
  if (value === 'none' || (SEVERITIES as readonly string[]).includes(value)) return value as FailOn;
  throw new UsageError(`--fail-on: "${given}" is not one of critical, high, medium, low, none`);
}

export function parseUnknownMode(given: string): UnknownMode {
  const value = given.toLowerCase();
  if (value === 'warn' || value === 'fail' || value === 'ignore') return value;
  throw new UsageError(`--unknown: "${given}" is not one of warn, fail, ignore`);
}

/** `--report sarif=out/warden.sarif` → { format: 'sarif', file: 'out/warden.sarif' }. */
export function parseReport(value: string): { format: Format; file: string } {
  const eq = value.indexOf('=');
  if (eq <= 0 || eq === value.length - 1) throw new UsageError(`--report: expected FORMAT=FILE, got "${value}"`);
  const format = value.slice(0, eq).toLowerCase();
  if (!isFormat(format)) throw new UsageError(`--report: unknown format "${value.slice(0, eq)}" (one of ${FORMATS.join(', ')})`);
  return { format, file: value.slice(eq + 1) };
}
