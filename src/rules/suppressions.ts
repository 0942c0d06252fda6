import type { IgnoreRule } from '../config/config.js';
import type { Finding, Suppression } from './finding.js';
import type { InlineIgnore } from '../model/inline-ignore.js';

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
    if (!isSuppressible(finding)) continue;
    for (const entry of compiled) {
      const { ignore } = entry;
      if (ignore.rule !== '*' && ignore.rule !== finding.ruleId) continue;
      if (!entry.pattern.test(finding.resource.address)) continue;
      entry.used = true;
      if (isExpired(ignore.until, today)) continue;
      suppress(finding, { kind: 'config', reason: ignore.reason, ...(ignore.until ? { until: ignore.until } : {}), by: where });
      break;
    }
  }
  for (const { ignore, used } of compiled) {
    if (used && isExpired(ignore.until, today)) {
      warnings.push(`${where}: ignore of ${ignore.rule} for ${ignore.resource ?? '*'} expired on ${ignore.until} and no longer suppresses`);
    }
  }
  return warnings;
}

/**
 * Applies inline ignores to findings located in source: a finding whose location lies in the block or
 * attribute below a comment naming its rule is suppressed; once the comment's `until` date has passed
 * it stops suppressing and yields a warning (once per comment).
 */
export function applyInlineIgnores(findings: Finding[], ignores: readonly InlineIgnore[], today: string): string[] {
  if (ignores.length === 0) return [];
  const byFile = new Map<string, InlineIgnore[]>();
  for (const ignore of ignores) {
    const list = byFile.get(ignore.file);
    if (list) list.push(ignore);
    else byFile.set(ignore.file, [ignore]);
  }
  const expiredUsed = new Set<InlineIgnore>();
  for (const finding of findings) {
    const location = finding.location;
    if (!isSuppressible(finding) || location?.kind !== 'source' || location.startLine === undefined) continue;
    const line = location.startLine;
    const matching = (byFile.get(location.file) ?? []).filter(
      (ignore) => ignore.rules.includes(finding.ruleId) && ignore.startLine <= line && line <= ignore.endLine,
    );
    const active = matching.find((ignore) => !isExpired(ignore.until, today));
    if (active) {
      suppress(finding, {
        kind: 'inline',
        ...(active.reason !== undefined ? { reason: active.reason } : {}),
        ...(active.until ? { until: active.until } : {}),
        by: `${active.file}:${active.line}`,
      });
    } else {
      for (const ignore of matching) expiredUsed.add(ignore);
    }
  }
  return [...expiredUsed].map(
    (ignore) => `${ignore.file}:${ignore.line}: warden:ignore ${ignore.rules.join(',')} expired on ${ignore.until} and no longer suppresses`,
  );
}

/**
 * Inline ignores naming a rule id no loaded policy has (a typo, or a policy since renamed): such a
 * comment silently suppresses nothing, so each is a warning with its file and line.
 */
export function unknownRuleIgnores(ignores: readonly InlineIgnore[], knownRuleIds: readonly string[]): string[] {
  const known = new Set(knownRuleIds);
  const warnings: string[] = [];
  for (const ignore of ignores) {
    for (const rule of ignore.rules) {
      if (!known.has(rule)) warnings.push(`${ignore.file}:${ignore.line}: warden:ignore names ${rule}, which is not the id of any policy (see warden policies); it suppresses nothing`);
    }
  }
  return warnings;
}

/** Only failing and undecided findings can be suppressed. */
function isSuppressible(finding: Finding): boolean {
  return finding.verdict === 'fail' || finding.verdict === 'unknown';
}

/** True once an ignore's `until` date (YYYY-MM-DD) has passed: it is valid through that day. */
export function isExpired(until: string | undefined, today: string): boolean {
  return until !== undefined && until < today;
}

function suppress(finding: Finding, suppression: Suppression): void {
  finding.verdict = 'suppressed';
  finding.suppression = suppression;
}
