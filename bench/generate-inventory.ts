import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Recording, TargetRecording } from '../src/engines/live/recording.js';

/**
 * Writes a saved live inventory (the `warden scan inventory.json` path) of about `size` resources for
 * the benchmark: the responses of fixtures/live-estate/inventory.json (one account and region, 50
 * resources: VPC, subnets, route tables, NACLs, security groups, instances, volumes, addresses, RDS,
 * Redshift, load balancers, a flow log, an EKS cluster, an OpenSearch domain, an ElastiCache group, snapshots)
 * copied into the same region again and again, each copy with its own resource ids, as pages of the
 * same list calls — so the joins (ids, subnets, groups) run over one large region. The account's
 * buckets are not copied. Returns the number of regional resources written.
 */
export function generateInventory(repo: string, path: string, size: number): number {
  const fixture = JSON.parse(readFileSync(join(repo, 'fixtures', 'live-estate', 'inventory.json'), 'utf8')) as Recording;
  const template = fixture.targets[0]!;
  const copies = Math.max(1, Math.round(size / FIXTURE_RESOURCES));
  const text = JSON.stringify({ responses: template.responses, prefix_list_entries: template.prefix_list_entries ?? {} });
  const names = rdsNames(text);
  const target: TargetRecording = { account: template.account, region: template.region, responses: {}, prefix_list_entries: {} };
  for (let copy = 0; copy < copies; copy++) {
    const renamed = copy === 0 ? text : text.replace(AWS_ID, (_, prefix: string, hex: string) => `${prefix}-${renumber(hex, copy)}`).replace(names, `$&-${copy}`);
    const part = JSON.parse(renamed) as Required<Pick<TargetRecording, 'responses' | 'prefix_list_entries'>>;
    for (const [call, pages] of Object.entries(part.responses)) {
      // A region has one of each setting: copies of it would be one resource read many times.
      if (copy > 0 && REGION_SETTINGS.has(call)) continue;
      (target.responses[call] ??= []).push(...pages);
    }
    Object.assign(target.prefix_list_entries!, part.prefix_list_entries);
  }
  const recording: Recording = { ...fixture, targets: [target], coverage: { gaps: [] } };
  writeFileSync(path, JSON.stringify(recording));
  return copies * FIXTURE_RESOURCES + REGION_SETTINGS.size;
}

/** Regional resources warden maps from the fixture's one target, copied: its 53 resources less the account's 7 buckets and the region's 2 settings. */
const FIXTURE_RESOURCES = 44;

/** Calls that read a setting of the region (one record each), written once. */
const REGION_SETTINGS = new Set(['ec2:GetEbsEncryptionByDefault', 'ec2:GetInstanceMetadataDefaults']);

/** EC2/RDS-style ids: `vpc-0c4f2a7e9b1d3a5c7`, `eipalloc-…`, `vpc-cidr-assoc-…`, `pl-6da54004`. */
const AWS_ID = /\b([a-z]+(?:-[a-z]+)*)-([0-9a-f]{8,17})\b/g;

/** RDS, Redshift (clusters and their subnet and parameter groups), load balancer, EKS, OpenSearch and ElastiCache resources are named, not numbered (`orders`, ARN `…:db:orders`): a pattern for every such name, to suffix per copy. */
function rdsNames(text: string): RegExp {
  const names = new Set<string>();
  for (const match of text.matchAll(/"(?:DBInstanceIdentifier|DBClusterIdentifier|DBSubnetGroupName|ClusterIdentifier|ClusterSubnetGroupName|ParameterGroupName|LoadBalancerName|DBSnapshotIdentifier|ReplicationGroupId|DomainName|name)":"([^"]+)"/g)) names.add(match[1]!);
  const escaped = [...names].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`\\b(?:${escaped.join('|') || '(?!)'})\\b`, 'g');
}

/** The id's hex digits with the first four replaced by the copy number: unique per copy, same length. */
function renumber(hex: string, copy: number): string {
  return copy.toString(16).padStart(4, '0') + hex.slice(4);
}
