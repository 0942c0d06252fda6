import type { IgnoreRule } from '../config/config.js';
import type { Finding } from './finding.js';

/** `*` matches any run of characters, `?` one character; everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/**
 * Applies configuration ignores (rule + resource glob + reason + expiry). A matching, unexpired
 * ignore turns a `fail`/`unknown` into `suppressed`; an expired one stops working and yields a warning.
 */
export function applyConfigIgnores(findings: Finding[], ignores: readonly IgnoreRule[], today: string, where: string): string[] {
  const warnings: string[] = [];
  const compiled = ignores.map((ignore) => ({ ignore, pattern: globToRegExp(ignore.resource ?? '*'), used: false }));
  for (const finding of findings) {
    if (finding.verdict !== 'fail' && finding.verdict !== 'unknown') continue;
    for (const entry of compiled) {
      const { ignore } = entry;
      if (ignore.rule !== '*' && ignore.rule !== finding.ruleId) continue;
      if (!entry.pattern.test(finding.resource.address)) continue;
      entry.used = true;
      if (ignore.until && ignore.until < today) continue;
      finding.verdict = 'suppressed';
      finding.suppression = { kind: 'config', reason: ignore.reason, ...(ignore.until ? { until: ignore.until } : {}), by: where };
      break;
    }
  }
  for (const { ignore, used } of compiled) {
    if (used && ignore.until && ignore.until < today) {
      warnings.push(`${where}: ignore of ${ignore.rule} for ${ignore.resource ?? '*'} expired on ${ignore.until} and no longer suppresses`);
    }
  }
  return warnings;
}
