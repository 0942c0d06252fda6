import { paginateSelectAggregateResourceConfig, paginateSelectResourceConfig } from '@aws-sdk/client-config-service';
import type { LimitFunction } from 'p-limit';
import { CONFIG_SELECT_KEY } from '../build-inventories.js';
import { configItemsOf } from '../config/config-items.js';
import { configQuery, type ConfigQueryScope } from '../config/config-query.js';
import { bool, objects, str } from '../aws-object.js';
import { configRecorderDescriptor, RECORDER_STATUS_KEY } from '../descriptors/config-recorder.js';
import { RecordedDetails } from '../recorded-details.js';
import { isUnknown } from '../../../model/unknown.js';
import { collectRegion } from './collect-region.js';
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
  // The recorder first: its inventory is only as current as its recording (and config-recorder-enabled reads it).
  await collectRegion({ target, clients, limit, gaps, descriptors: [configRecorderDescriptor] }).then((result) => Object.assign(recording.responses, result.recording.responses));
  checkRecording(target, recording, gaps);
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

/**
 * A region whose configuration recorder is not recording (stopped, or there is none) has an inventory
 * that is stale or empty: trusting it would pass the region on what it no longer records. That is a
 * coverage gap for the region. A status that could not be read is a gap already (its failed call).
 */
function checkRecording(target: Target, recording: TargetRecording, gaps: GapRecorder): void {
  const status = new RecordedDetails(recording.responses).detail(RECORDER_STATUS_KEY);
  if (isUnknown(status)) return;
  const recorders = objects(status, 'ConfigurationRecordersStatus');
  if (recorders.some((r) => bool(r, 'recording') === true)) return;
  const why = recorders.length === 0 ? 'the region has no configuration recorder' : `configuration recorder ${recorders.map((r) => str(r, 'name')).join(', ')} is not recording`;
  gaps.fail(
    target,
    'config',
    'DescribeConfigurationRecorderStatus',
    Object.assign(new Error(`${why}: the region's AWS Config inventory is stale or empty, so it was not trusted as complete`), { name: 'ConfigRecorderNotRecording' }),
  );
}
