import { CONFIG_RESOURCE_TYPES } from './config-items.js';

export interface ConfigQueryScope {
  /** Only these regions (aggregator queries); undefined = all. */
  regions?: readonly string[];
  /** Only these accounts (aggregator queries); undefined = all. */
  accounts?: readonly string[];
}

/**
 * The advanced query that reads every resource type the audit maps, in one paginated call per
 * recorder (SelectResourceConfig, one account and region) or per aggregator (a whole organisation).
 */
export function configQuery(scope: ConfigQueryScope = {}): string {
  const conditions = [`resourceType IN (${quoteAll(CONFIG_RESOURCE_TYPES)})`];
  if (scope.regions?.length) conditions.push(`awsRegion IN (${quoteAll(scope.regions)})`);
  if (scope.accounts?.length) conditions.push(`accountId IN (${quoteAll(scope.accounts)})`);
  return (
    'SELECT accountId, awsRegion, resourceType, resourceId, arn, configurationItemStatus, tags, configuration, supplementaryConfiguration ' +
    `WHERE ${conditions.join(' AND ')}`
  );
}

function quoteAll(values: readonly string[]): string {
  return values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
}
