import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import pLimit, { type LimitFunction } from 'p-limit';
import type { ApiCallStats, CoverageGap } from '../../model/coverage.js';
import { toolInfo } from '../../version.js';
import { ApiCallCounter } from './collect/api-call-counter.js';
import { awsErrorCode } from './collect/aws-error.js';
import { AccountClients, type AwsCredentials } from './collect/clients.js';
import { collectAccountPublicAccessBlock } from './collect/collect-account-public-access-block.js';
import { collectBuckets } from './collect/collect-buckets.js';
import { collectIam } from './collect/collect-iam.js';
import { collectAggregator, collectConfigRegion } from './collect/collect-config.js';
import { collectRegion } from './collect/collect-region.js';
import { listCallOf } from './collect/list-pages.js';
import { configRecorderDescriptor } from './descriptors/config-recorder.js';
import { collectionScope, type CollectionScope } from './collection-scope.js';
import { AssumeRoleFailure, defaultCredentials, homeRegion, roleCredentials } from './collect/credentials.js';
import { GapRecorder } from './collect/gap-recorder.js';
import { organizationAccounts, type OrganizationScope } from './collect/organization-accounts.js';
import { quietSdkNodeWarning } from './collect/sdk-node-warning.js';
import { liveSourceName, type LiveSource } from './live-source.js';
import type { AuditProgress } from './progress.js';
import { emptyRecording, type AccountRecording, type Recording, type TargetRecording } from './recording.js';
import { inShard, shardText, type Shard } from './shard.js';
import { makeTarget, partitionOf } from './target.js';

export interface LiveAuditOptions {
  source: LiveSource;
  /** Regions to read; undefined: every region enabled in each account (DescribeRegions, AllRegions false). */
  regions?: readonly string[];
  profile?: string;
  /** Accounts to read by assuming `roleName` in each; undefined: the account of the credentials. */
  accounts?: readonly string[];
  roleName?: string;
  externalId?: string;
  /**
   * Whether the selected policies read a Terraform type: only the list calls producing such types
   * are made (API source). Undefined: everything.
   */
  readsType?: (type: string) => boolean;
  /**
   * Whether the selected policies read an attribute of a type they read: per-item calls that fill
   * only attributes nobody reads are skipped (`DetailCall.fills`). Undefined: every attribute.
   */
  readsAttribute?: (type: string, attribute: string) => boolean;
  /** Calls in flight per (account, region). */
  concurrency?: number;
  /** (account, region) targets read at the same time. */
  parallelTargets?: number;
  /** SDK attempts per call (adaptive retry mode). */
  maxAttempts?: number;
  /** Credentials instead of the default provider chain (embedding, tests). */
  credentials?: AwsCredentials;
  /** Credentials for each of `accounts` instead of assuming `roleName` from the base credentials (embedding, tests). */
  credentialsForAccount?: (account: string) => AwsCredentials;
  /** A custom SDK HTTP handler (tests: canned responses, no network). */
  requestHandler?: unknown;
  onProgress?: AuditProgress;
  /** `--accounts-from organizations`: the accounts to assume `roleName` in are the organisation's (instead of `accounts`). */
  organization?: OrganizationScope;
  /** Read only the (account, region) pairs of this shard (`--shard K/N`); `warden merge` joins the parts. */
  shard?: Shard;
}

export interface LiveCollection {
  recording: Recording;
  gaps: CoverageGap[];
  apiCalls: ApiCallStats;
}

const DEFAULTS = { concurrency: 4, parallelTargets: 8, maxAttempts: 8 };

/**
 * Reads the live estate into a Recording: per account (the caller's, or each of `--accounts` through
 * an assumed role), per region, every descriptor's list call — or the Config recorders, or one
 * aggregator query. Failures are gaps; everything readable is read.
 */
export async function collectLive(options: LiveAuditOptions): Promise<LiveCollection> {
  quietSdkNodeWarning();
  const gaps = new GapRecorder();
  const progress: AuditProgress = options.onProgress ?? (() => undefined);
  const counter = new ApiCallCounter(options.onProgress ? (calls, latest) => progress({ kind: 'retrying', calls, latest }) : undefined);
  const base = options.credentials ?? defaultCredentials(options.profile);
  const settings = {
    credentials: base,
    maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
    requestHandler: options.requestHandler,
    counter,
  };
  const recording = emptyRecording(liveSourceName(options.source));
  recording.tool = { name: toolInfo().name, version: toolInfo().version };
  recording.collected_at = new Date().toISOString();
  if (options.shard) recording.shard = shardText(options.shard);

  if (options.source.kind === 'config-aggregator') {
    // The aggregator is queried where it lives; --regions only filters the items it returns.
    const home = options.source.region ?? (await homeRegion(options.profile, undefined));
    const clients = new AccountClients('aggregator', settings);
    try {
      progress({ kind: 'planned', targets: 1 });
      const identity = await clients.get('sts', home).send(new GetCallerIdentityCommand({}));
      clients.settings.counter.renameAccount(clients.account, identity.Account ?? clients.account);
      clients.account = identity.Account ?? clients.account;
      const scope = { ...(options.regions ? { regions: options.regions } : {}), ...(options.accounts ? { accounts: options.accounts } : {}) };
      const { pages, items } = await collectAggregator(options.source.aggregator, home, scope, clients, gaps);
      // An aggregator query reads no IAM: the IAM policies would see nothing, so the gap says so.
      if (collectionScope(options.readsType).iam) gaps.fail({ account: clients.account }, 'iam', 'GetAccountAuthorizationDetails', iamNotFromConfig());
      recording.aggregator = { name: options.source.aggregator, region: home, pages };
      progress({ kind: 'target-done', account: clients.account, region: home, items, failures: gaps.count });
    } catch (error) {
      gaps.fail({ account: clients.account }, 'sts', 'GetCallerIdentity', error);
      progress({ kind: 'account-failed', account: clients.account, code: awsErrorCode(error) });
    } finally {
      clients.destroy();
    }
  } else {
    const home = await homeRegion(options.profile, options.regions);
    const targetLimit = pLimit(options.parallelTargets ?? DEFAULTS.parallelTargets);
    const scope = collectionScope(options.readsType, options.readsAttribute);
    // AssumeRole goes through a client of the base credentials, counted under the role's account.
    const roleClients: AccountClients[] = [];
    const assumeWith = (account: string): AwsCredentials => {
      const clients = new AccountClients(account, settings);
      roleClients.push(clients);
      return roleCredentials(clients.get('sts', home), {
        account,
        roleName: options.roleName ?? '',
        ...(options.externalId ? { externalId: options.externalId } : {}),
        partition: partitionOf(home),
      });
    };
    let accounts = options.accounts;
    if (options.organization) {
      const organization = new AccountClients('(organization)', settings);
      try {
        // No account listed (the call failed: a gap) means none audited, never the caller's account instead.
        accounts = (await organizationAccounts(organization, partitionOf(home), options.organization, gaps)) ?? [];
      } finally {
        organization.destroy();
      }
    }
    const plans = accounts?.length
      ? accounts.map((account) => ({ account, credentials: options.credentialsForAccount?.(account) ?? assumeWith(account) }))
      : options.organization
        ? []
        : [{ account: undefined, credentials: base }];
    await Promise.all(
      plans.map((plan) =>
        auditAccount({
          clients: new AccountClients(plan.account ?? '(credentials)', { ...settings, credentials: plan.credentials }),
          requested: plan.account,
          options,
          scope,
          home,
          gaps,
          progress,
          targetLimit,
          recording,
        }),
      ),
    ).finally(() => {
      for (const clients of roleClients) clients.destroy();
    });
  }

  recording.targets.sort((a, b) => compare(a.account, b.account) || compare(a.region, b.region));
  recording.accounts.sort((a, b) => compare(a.account, b.account));
  const collection = { recording, gaps: gaps.gaps(), apiCalls: counter.stats() };
  recording.coverage = { gaps: collection.gaps, apiCalls: collection.apiCalls };
  return collection;
}

interface AccountWork {
  clients: AccountClients;
  requested: string | undefined;
  options: LiveAuditOptions;
  scope: CollectionScope;
  home: string;
  gaps: GapRecorder;
  progress: AuditProgress;
  targetLimit: LimitFunction;
  recording: Recording;
}

async function auditAccount(work: AccountWork): Promise<void> {
  const { clients, options, scope, home, gaps, progress, recording } = work;
  try {
    let step = 'GetCallerIdentity';
    let service = 'sts';
    let regions: readonly string[];
    let accountRegion = home;
    try {
      const identity = await clients.get('sts', home).send(new GetCallerIdentityCommand({}));
      const before = clients.account;
      clients.account = identity.Account ?? work.requested ?? clients.account;
      clients.settings.counter.renameAccount(before, clients.account);
      step = 'DescribeRegions';
      service = 'ec2';
      regions = options.regions ?? (await enabledRegions(clients, home));
      // Account-wide reads (IAM, the S3 account block) go with one region: the home region when audited.
      accountRegion = regions.includes(home) ? home : ([...regions].sort()[0] ?? home);
      const { shard } = options;
      if (shard) regions = regions.filter((region) => inShard(shard, clients.account, region));
    } catch (error) {
      if (error instanceof AssumeRoleFailure) gaps.fail({ account: work.requested ?? clients.account }, 'sts', 'AssumeRole', error.error);
      else gaps.fail({ account: work.requested ?? clients.account }, service, step, error);
      progress({ kind: 'account-failed', account: work.requested ?? clients.account, code: awsErrorCode(error) });
      return;
    }
    progress({ kind: 'planned', targets: regions.length });
    const limits = new Map(regions.map((region) => [region, pLimit(options.concurrency ?? DEFAULTS.concurrency)]));
    const targets: TargetRecording[] = [];
    const regionTasks = regions.map((region) =>
      work.targetLimit(async () => {
        const target = makeTarget(clients.account, region);
        const limit = limits.get(region)!;
        progress({ kind: 'target-started', account: target.account, region });
        const result =
          options.source.kind === 'config'
            ? await collectConfigRegion(target, clients, limit, gaps)
            : await collectRegion({ target, clients, limit, gaps, descriptors: scope.descriptors, skippedDetails: scope.skippedDetails });
        if (options.source.kind === 'config') notRecordedByConfig(target, scope, gaps);
        targets.push(result.recording);
        progress({ kind: 'target-done', account: target.account, region, items: result.items, failures: gaps.failuresIn(target.account, region) });
      }),
    );
    let buckets: AccountRecording | undefined;
    let iam: AccountRecording['iam'];
    const listRegion = regions.includes(home) ? home : (regions[0] ?? home);
    // Sharded, only the part that reads the account's region reads what is account-wide: once in the merged whole.
    const accountWide = regions.includes(accountRegion);
    // IAM is global: one read per account, placed with one region's inventory so each role is judged once.
    // It is read through the IAM API with the Config source too (one paginated call; Config items are not mapped for IAM).
    const iamTask =
      (scope.iam || scope.iamAccount) && accountWide
        ? collectIam({ account: clients.account, clients, region: accountRegion, limit: limits.get(accountRegion), gaps, details: scope.iam, accountSettings: scope.iamAccount }).then((result) => {
            iam = result;
          })
        : Promise.resolve();
    let accountBlock: AccountRecording['account_public_access_block'];
    const bucketTask =
      options.source.kind === 'api' && scope.buckets
        ? collectBuckets({ account: clients.account, clients, listRegion, limits, gaps }).then((result) => {
            buckets = result.recording;
            progress({ kind: 'account-items', account: clients.account, items: [...result.buckets.values()].reduce((a, b) => a + b, 0) });
          })
        : Promise.resolve();
    const accountBlockTask =
      options.source.kind === 'api' && scope.accountPublicAccessBlock && accountWide
        ? collectAccountPublicAccessBlock(clients.account, clients, accountRegion, limits.get(accountRegion), gaps).then((read) => {
            accountBlock = read;
          })
        : Promise.resolve();
    await Promise.all([...regionTasks, bucketTask, iamTask, accountBlockTask]);
    recording.targets.push(...targets);
    if (accountBlock) (buckets ??= { account: clients.account }).account_public_access_block = accountBlock;
    if (buckets || iam) recording.accounts.push({ ...(buckets ?? { account: clients.account }), ...(iam ? { iam } : {}) });
  } finally {
    clients.destroy();
  }
}

/** What the policies need that AWS Config does not record (snapshot and AMI permissions) is a gap, never an empty list. */
function notRecordedByConfig(target: { account: string; region: string }, scope: CollectionScope, gaps: GapRecorder): void {
  for (const descriptor of scope.descriptors) {
    // The recorder's own settings are read with the Config API by the Config source too (collect-config.ts).
    if (descriptor.configType || descriptor === configRecorderDescriptor) continue;
    const error = Object.assign(new Error('AWS Config does not record it; audit with --source api'), { name: 'NotRecordedByConfig' });
    gaps.fail(target, descriptor.service, listCallOf(descriptor).operation, error);
  }
}

async function enabledRegions(clients: AccountClients, home: string): Promise<string[]> {
  const output = await clients.get('ec2', home).send(new DescribeRegionsCommand({ AllRegions: false }));
  return (output.Regions ?? [])
    .filter((r) => r.OptInStatus !== 'not-opted-in')
    .map((r) => r.RegionName)
    .filter((name): name is string => typeof name === 'string' && name !== '')
    .sort();
}

/** The gap of an aggregator audit whose policies read IAM: aggregated Config items are not mapped for IAM. */
function iamNotFromConfig(): Error {
  const error = new Error('IAM is not read from a Config aggregator; audit the accounts with --source api or config to read it');
  error.name = 'NotReadFromConfig';
  return error;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
