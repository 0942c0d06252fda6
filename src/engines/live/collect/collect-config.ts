import { paginateSelectAggregateResourceConfig, paginateSelectResourceConfig } from '@aws-sdk/client-config-service';
import type { LimitFunction } from 'p-limit';
import { CONFIG_SELECT_KEY } from '../build-inventories.js';
import { configItemsOf } from '../config/config-items.js';
import { configQuery, type ConfigQueryScope } from '../config/config-query.js';
import type { TargetRecording } from '../recording.js';
import type { Target } from '../target.js';
import type { AccountClients } from './clients.js';
import type { GapRecorder } from './gap-recorder.js';
import { responseBody } from './list-pages.js';

/** Config advanced queries return at most 100 results a page. */
const CONFIG_PAGE_SIZE = 100;

/**
 * `--source config`: one paginated SelectResourceConfig per (account, region), reading every mapped
 * type from the region's configuration recorder instead of the Describe APIs.
 */
export async function collectConfigRegion(target: Target, clients: AccountClients, limit: LimitFunction, gaps: GapRecorder): Promise<{ recording: TargetRecording; items: number }> {
  const recording: TargetRecording = { account: target.account, region: target.region, responses: {} };
  let items = 0;
  await limit(async () => {
    try {
      const pages: Record<string, unknown>[] = [];
      const client = clients.get('config', target.region);
      for await (const page of paginateSelectResourceConfig({ client, pageSize: CONFIG_PAGE_SIZE }, { Expression: configQuery() })) pages.push(responseBody(page));
      recording.responses[CONFIG_SELECT_KEY] = pages;
      items = pages.reduce((n, page) => n + configItemsOf(page).length, 0);
    } catch (error) {
      gaps.fail(target, 'config', 'SelectResourceConfig', error);
    }
  });
  return { recording, items };
}

/**
 * `--source config-aggregator:NAME`: the whole organisation (or the accounts and regions asked for)
 * in one paginated SelectAggregateResourceConfig against the aggregator's region.
 */
export async function collectAggregator(
  name: string,
  region: string,
  scope: ConfigQueryScope,
  clients: AccountClients,
  gaps: GapRecorder,
): Promise<{ pages: unknown[]; items: number }> {
  const pages: Record<string, unknown>[] = [];
  try {
    const client = clients.get('config', region);
    const input = { ConfigurationAggregatorName: name, Expression: configQuery(scope) };
    for await (const page of paginateSelectAggregateResourceConfig({ client, pageSize: CONFIG_PAGE_SIZE }, input)) pages.push(responseBody(page));
  } catch (error) {
    gaps.fail({ account: clients.account, region }, 'config', 'SelectAggregateResourceConfig', error);
    return { pages: [], items: 0 };
  }
  return { pages, items: pages.reduce((n, page) => n + configItemsOf(page).length, 0) };
}
