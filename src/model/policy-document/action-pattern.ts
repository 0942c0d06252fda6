/**
 * IAM wildcard matching as AWS applies it to actions (case-insensitive) and to resources and condition
 * values (case-sensitive): `*` matches any run of characters, `?` any one character, nothing else is special.
 */
const cache = new Map<string, RegExp>();

export function wildcardRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  const key = `${caseInsensitive ? 'i' : 's'}${pattern}`;
  let regexp = cache.get(key);
  if (!regexp) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    regexp = new RegExp(`^${body}$`, caseInsensitive ? 'is' : 's');
    if (cache.size > 10_000) cache.clear();
    cache.set(key, regexp);
  }
  return regexp;
}

/** Whether an action pattern (`s3:Get*`, `*`, `iam:pass?ole`) covers an action (`s3:GetObject`). */
export function actionMatches(pattern: string, action: string): boolean {
  return wildcardRegExp(pattern, true).test(action);
}

/** Whether a value consists of wildcards only (`*`, `**`, `*?`): it matches anything (of some length). */
export function isOnlyWildcards(pattern: string): boolean {
  return pattern !== '' && /^[*?]+$/.test(pattern) && pattern.includes('*');
}
