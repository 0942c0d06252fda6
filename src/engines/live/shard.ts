import { createHash } from 'node:crypto';

/** `--shard K/N`: this machine reads the K-th of N parts of an audit (1-based). */
export interface Shard {
  index: number;
  count: number;
}

/** `2/5` → {index: 2, count: 5}; undefined when the text is not K/N with 1 ≤ K ≤ N ≤ 1000. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return index >= 1 && count >= 1 && index <= count && count <= 1000 ? { index, count } : undefined;
}

export function shardText(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/**
 * Whether an (account, region) belongs to a shard: by a hash of the pair, so the assignment does
 * not depend on the order or number of accounts and regions each machine discovers (a region enabled
 * in one account only, an account added to the organisation), and every machine computes the same.
 */
export function inShard(shard: Shard, account: string, region: string): boolean {
  if (shard.count === 1) return true;
  const digest = createHash('sha256').update(`${account}/${region}`).digest();
  return digest.readUInt32BE(0) % shard.count === shard.index - 1;
}
