import { addCounts, PartsConflict, uniqueItems } from '../../model/combine-parts.js';
import type { ApiCallStats } from '../../model/coverage.js';
import { emptyRecording, type AccountRecording, type Recording } from './recording.js';
import { parseShard } from './shard.js';
import { targetKey } from './target.js';

/** A saved inventory to merge, with the name errors give it. */
export interface NamedRecording {
  name: string;
  recording: Recording;
}

/**
 * Joins the saved inventories of one audit split across machines (`warden audit --shard K/N`) into the
 * inventory one machine would have saved. Refuses what would silently lose or double part of an estate:
 * parts of different sources, shards of different N, a shard missing or given twice, the same
 * (account, region) in two parts. Account-wide responses (S3 buckets), read by every shard of the
 * account, are kept once.
 */
export function mergeRecordings(parts: readonly NamedRecording[]): Recording {
  if (parts.length === 0) throw new PartsConflict('merge', 'no saved inventory to merge');
  const first = parts[0]!;
  for (const part of parts) {
    if (part.recording.source !== first.recording.source) {
      throw new PartsConflict(part.name, `read with source ${part.recording.source}, but ${first.name} with ${first.recording.source}: parts of one audit read the same source`);
    }
    if (part.recording.aggregator) throw new PartsConflict(part.name, 'a Config aggregator audit is one query: there is nothing to merge');
  }
  checkShards(parts);

  const merged = emptyRecording(first.recording.source);
  if (first.recording.tool) merged.tool = first.recording.tool;
  const times = parts.map((p) => p.recording.collected_at).filter((t): t is string => typeof t === 'string').sort();
  if (times.length > 0) merged.collected_at = times[0]!;

  const seen = new Map<string, string>();
  for (const part of parts) {
    for (const target of part.recording.targets) {
      const key = targetKey(target);
      const other = seen.get(key);
      if (other !== undefined) throw new PartsConflict(part.name, `${key} is also in ${other}: each account and region must be read by one part`);
      seen.set(key, part.name);
      merged.targets.push(target);
    }
  }
  merged.accounts = mergeAccounts(parts.flatMap((p) => p.recording.accounts));
  merged.targets.sort((a, b) => compare(targetKey(a), targetKey(b)));
  const gaps = uniqueItems(parts.flatMap((p) => p.recording.coverage?.gaps ?? []));
  const apiCalls = sumApiCalls(parts.map((p) => p.recording.coverage?.apiCalls).filter((c): c is ApiCallStats => c !== undefined));
  merged.coverage = { gaps, ...(apiCalls ? { apiCalls } : {}) };
  return merged;
}

/** All parts sharded the same N ways, each shard exactly once; or none sharded. */
function checkShards(parts: readonly NamedRecording[]): void {
  const sharded = parts.filter((p) => p.recording.shard !== undefined);
  if (sharded.length === 0) return;
  if (sharded.length !== parts.length) {
    const whole = parts.find((p) => p.recording.shard === undefined)!;
    throw new PartsConflict(whole.name, 'is a whole audit, the others are shards: merge the shards of one audit');
  }
  const byIndex = new Map<number, string>();
  let count: number | undefined;
  for (const part of parts) {
    const shard = parseShard(part.recording.shard!);
    if (!shard) throw new PartsConflict(part.name, `shard "${part.recording.shard}" is not K/N`);
    count ??= shard.count;
    if (shard.count !== count) throw new PartsConflict(part.name, `is shard ${shard.index}/${shard.count}, the others are of ${count}`);
    const other = byIndex.get(shard.index);
    if (other !== undefined) throw new PartsConflict(part.name, `shard ${shard.index}/${count} is also ${other}`);
    byIndex.set(shard.index, part.name);
  }
  const missing = Array.from({ length: count! }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  // A missing shard would leave its accounts and regions out of a report that looks complete.
  if (missing.length > 0) throw new PartsConflict('merge', `shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} missing: every part of the audit is needed`);
}

/** One entry per account: the bucket list (the same in every shard) once, the settings of every bucket any shard read. */
function mergeAccounts(accounts: readonly AccountRecording[]): AccountRecording[] {
  const byAccount = new Map<string, AccountRecording>();
  for (const account of accounts) {
    const found = byAccount.get(account.account);
    if (!found) {
      byAccount.set(account.account, { ...account, ...(account.bucket_settings ? { bucket_settings: { ...account.bucket_settings } } : {}) });
      continue;
    }
    found.list_buckets ??= account.list_buckets;
    if (account.bucket_settings) found.bucket_settings = { ...account.bucket_settings, ...found.bucket_settings };
  }
  return [...byAccount.values()].sort((a, b) => compare(a.account, b.account));
}

function sumApiCalls(stats: readonly ApiCallStats[]): ApiCallStats | undefined {
  return stats.length === 0 ? undefined : stats.reduce((sum, next) => addCounts(sum, next));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
