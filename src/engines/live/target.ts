/** One (account, region) pair a live audit reads: the unit of collection, inventory and coverage. */
export interface Target {
  account: string;
  region: string;
  /** `aws`, `aws-cn` or `aws-us-gov`: the first field of every ARN in the region. */
  partition: string;
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}

export function makeTarget(account: string, region: string): Target {
  return { account, region, partition: partitionOf(region) };
}

/** `123456789012/eu-west-1`: the Inventory input name of a target. */
export function targetKey(target: Pick<Target, 'account' | 'region'>): string {
  return `${target.account}/${target.region}`;
}
