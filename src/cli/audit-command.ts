import type { Command } from 'commander';
import type { AwsCredentials } from '../engines/live/collect/clients.js';
import type { LiveAuditOptions } from '../engines/live/collect-live.js';
import { parseLiveSource } from '../engines/live/live-source.js';
import { parseShard } from '../engines/live/shard.js';
import type { BaselineFlags } from './baseline-flags.js';
import type { OutputFlags } from './emit-result.js';
import { collectList } from './parse-flags.js';
import type { FrameworkFlags, PolicySourceFlags } from './policy-flags.js';
import { UsageError } from './usage-error.js';

export interface AuditFlags extends OutputFlags, PolicySourceFlags, FrameworkFlags, BaselineFlags {
  regions?: string[];
  profile?: string;
  accounts?: string[];
  roleName?: string;
  externalId?: string;
  source?: string;
  saveInventory?: string;
  concurrency?: string;
  maxAttempts?: string;
  config?: string;
  only?: string[];
  skip?: string[];
  shard?: string;
  accountsFrom?: string;
  ou?: string[];
  excludeAccounts?: string[];
}

/** The flags that say which accounts and regions to read, and how. */
export type LiveFlags = Pick<AuditFlags, 'regions' | 'profile' | 'accounts' | 'roleName' | 'externalId' | 'source' | 'concurrency' | 'maxAttempts' | 'shard' | 'accountsFrom' | 'ou' | 'excludeAccounts'>;

/** What the audit is given besides its flags (tests: credentials and an HTTP handler that never touches the network). */
export interface AuditDependencies {
  credentials?: AwsCredentials;
  requestHandler?: unknown;
  stderr?: NodeJS.WriteStream;
}

/**
 * Registers `warden audit` beside `scan`, with every output and gating option of `scan` (taken from
 * the scan command itself, so the two stay in step).
 */
export function registerAuditCommand(program: Command, setExitCode: (code: number) => void): void {
  const audit = addLiveOptions(program.command('audit').description('audit live AWS accounts (Describe APIs or AWS Config) with the same policies'))
    .option('--save-inventory <file>', 'also save what was read, for `warden scan FILE` offline');
  const scan = program.commands.find((command) => command.name() === 'scan');
  for (const option of scan?.options ?? []) audit.addOption(option);
  audit.action(async (flags: AuditFlags) => {
    setExitCode(await auditCommand(flags));
  });
}

/** Which accounts and regions to read, and how: shared by `warden audit` and `warden inventory`. */
export function addLiveOptions(command: Command): Command {
  return command
    .option('--regions <regions>', 'all (every enabled region, the default) or a comma-separated list', collectList)
    .option('--profile <name>', 'AWS profile for the base credentials (default: the SDK default chain)')
    .option('--accounts <ids>', 'accounts to audit by assuming --role-name in each (comma-separated)', collectList)
    .option('--accounts-from <source>', 'organizations: audit the active accounts of the AWS Organization (ListAccounts, from the management or a delegated administrator account)')
    .option('--ou <ids>', 'with --accounts-from organizations: only accounts under these OUs or roots, at any depth (comma-separated)', collectList)
    .option('--exclude-accounts <ids>', 'accounts to leave out (comma-separated)', collectList)
    .option('--role-name <name>', 'role to assume in each of --accounts')
    .option('--external-id <id>', 'external id for assuming --role-name')
    .option('--source <source>', 'api (Describe APIs), config (AWS Config per account/region) or config-aggregator:NAME[@REGION]', 'api')
    .option('--concurrency <n>', 'API calls in flight per account and region (default 4)')
    .option('--max-attempts <n>', 'attempts per API call, with adaptive retries (default 8)')
    .option('--shard <k/n>', 'read only the K-th of N parts of the accounts × regions (stable by hash); join the parts with `warden merge`');
}

/** `warden audit`: returns the exit code. */
export async function auditCommand(flags: AuditFlags, dependencies: AuditDependencies = {}): Promise<number> {
  const live = liveOptions(flags, dependencies);
  // The partition table comes with the AWS SDK, which `warden scan` never loads: imported here, not at start-up.
  const { partitionOfRegion } = await import('../engines/live/known-regions.js');
  checkPartition(live.regions ?? [], partitionOfRegion);
  const [{ loadConfig }, { policiesForRun }, { runAudit }, { emitResult, planOutput, writeReport }, { progressDisplay }, { planBaseline, settleBaseline }] =
    await Promise.all([
      import('../config/load-config.js'),
      import('./policies-for-run.js'),
      import('../scan/run-audit.js'),
      import('./emit-result.js'),
      import('./audit-progress.js'),
      import('./baseline-run.js'),
    ]);
  const cwd = process.cwd();
  const { config, path: configPath } = await loadConfig(flags.config, cwd);
  const plan = planOutput(flags, config);
  const baseline = planBaseline(flags, config, configPath, cwd);
  const { policies } = await policiesForRun(flags, config, configPath, cwd);
  const progress = progressDisplay(dependencies.stderr ?? process.stderr, plan.quiet);
  const sgReport = flags.sgReport ? new (await import('./sg-report-file.js')).SgReportFile(flags.sgReport, cwd) : undefined;

  let result;
  try {
    result = await runAudit({
      // A saved inventory may be scanned later with other policies: it holds everything, not just what these read.
      live: { ...live, onProgress: progress.update, ...(flags.saveInventory ? { readsType: () => true } : {}) },
      policies,
      config,
      ...(configPath ? { configPath } : {}),
      passMode: plan.passMode,
      unknownMode: plan.unknownMode,
      onCollected: (collection) => {
        if (flags.saveInventory) writeReport(flags.saveInventory, cwd, `${JSON.stringify(collection.recording)}\n`);
      },
      ...(sgReport ? { onInventory: sgReport.add } : {}),
    });
  } finally {
    progress.done();
  }
  const settled = settleBaseline(result, baseline, cwd);
  sgReport?.write(settled);
  return emitResult(settled, plan, cwd);
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;

/** Checks the audit flags; a mistake is a one-line UsageError before any AWS call. */
export function liveOptions(flags: LiveFlags | AuditFlags, dependencies: AuditDependencies = {}): LiveAuditOptions {
  const source = parseLiveSource(flags.source ?? 'api');
  if (!source) throw new UsageError(`--source: "${flags.source}" is not one of api, config, config-aggregator:NAME[@REGION]`);
  const regionList = flags.regions ?? [];
  if (regionList.includes('all') && regionList.length > 1) throw new UsageError('--regions: "all" cannot be combined with region names');
  const regions = regionList.length === 0 || regionList.includes('all') ? undefined : [...new Set(regionList)];
  for (const region of regions ?? []) if (!REGION.test(region)) throw new UsageError(`--regions: "${region}" is not a region name (e.g. eu-west-1)`);
  const excluded = new Set(flags.excludeAccounts ?? []);
  for (const account of excluded) if (!ACCOUNT.test(account)) throw new UsageError(`--exclude-accounts: "${account}" is not a 12-digit account id`);
  const organization = organizationScope(flags, excluded);
  const listed = flags.accounts?.length ? [...new Set(flags.accounts)] : undefined;
  for (const account of listed ?? []) if (!ACCOUNT.test(account)) throw new UsageError(`--accounts: "${account}" is not a 12-digit account id`);
  const accounts = listed?.filter((account) => !excluded.has(account));
  if (listed && accounts?.length === 0) throw new UsageError('--exclude-accounts leaves none of --accounts to audit');
  if (source.kind === 'config-aggregator') {
    if (flags.roleName) throw new UsageError('--role-name: an aggregator is read with the current credentials (use --accounts alone to filter its accounts)');
  } else {
    if (accounts && !flags.roleName) throw new UsageError('--accounts needs --role-name (the role to assume in each account)');
    if (organization && !flags.roleName) throw new UsageError('--accounts-from organizations needs --role-name (the role to assume in each account)');
    if (flags.roleName && !accounts && !organization) throw new UsageError('--role-name needs --accounts or --accounts-from (the accounts to assume it in)');
  }
  if (flags.externalId && !flags.roleName) throw new UsageError('--external-id needs --role-name');
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  if (flags.shard !== undefined && !shard) throw new UsageError(`--shard: "${flags.shard}" is not K/N with 1 ≤ K ≤ N ≤ 1000 (e.g. 2/4)`);
  if (shard && source.kind === 'config-aggregator') throw new UsageError('--shard: an aggregator is read in one query; shard the API or Config source');
  return {
    source,
    ...(regions ? { regions } : {}),
    ...(flags.profile ? { profile: flags.profile } : {}),
    ...(accounts ? { accounts } : {}),
    ...(flags.roleName ? { roleName: flags.roleName } : {}),
    ...(flags.externalId ? { externalId: flags.externalId } : {}),
    ...(flags.concurrency !== undefined ? { concurrency: positiveInteger('--concurrency', flags.concurrency, 64) } : {}),
    ...(flags.maxAttempts !== undefined ? { maxAttempts: positiveInteger('--max-attempts', flags.maxAttempts, 20) } : {}),
    ...(shard ? { shard } : {}),
    ...(organization ? { organization } : {}),
    ...(dependencies.credentials ? { credentials: dependencies.credentials } : {}),
    ...(dependencies.requestHandler ? { requestHandler: dependencies.requestHandler } : {}),
  };
}

/**
 * Every region is one the AWS partitions list, and all are in one partition (one set of credentials
 * cannot reach two): a typo is a usage error before any call, not a region of timed-out retries.
 */
function checkPartition(regions: readonly string[], partitionOfRegion: (region: string) => string | undefined): void {
  const partitions = new Map<string, string>();
  for (const region of regions) {
    const name = partitionOfRegion(region);
    if (!name) throw new UsageError(`--regions: "${region}" is not a region of any AWS partition known to this version (e.g. eu-west-1; a region opened since needs a newer warden)`);
    partitions.set(name, region);
  }
  if (partitions.size > 1) {
    const which = [...partitions].map(([name, region]) => `${region} (${name})`).join(', ');
    throw new UsageError(`--regions: ${which} are in different AWS partitions; audit each partition with its own credentials`);
  }
}

/** `--accounts-from organizations [--ou …]`, checked; undefined without --accounts-from. */
function organizationScope(flags: LiveFlags, excluded: ReadonlySet<string>): LiveAuditOptions['organization'] {
  if (flags.accountsFrom === undefined) {
    if (flags.ou?.length) throw new UsageError('--ou needs --accounts-from organizations');
    return undefined;
  }
  if (flags.accountsFrom !== 'organizations') throw new UsageError(`--accounts-from: "${flags.accountsFrom}" is not organizations`);
  if (flags.accounts?.length) throw new UsageError('--accounts-from organizations cannot be combined with --accounts (use --exclude-accounts to leave some out)');
  if (parseLiveSource(flags.source ?? 'api')?.kind === 'config-aggregator') throw new UsageError('--accounts-from: an aggregator already spans the organisation');
  const ous = [...new Set(flags.ou ?? [])];
  for (const ou of ous) if (!/^(ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32})$/.test(ou)) throw new UsageError(`--ou: "${ou}" is not an OU id (ou-…) or root id (r-…)`);
  return { ...(ous.length > 0 ? { ous } : {}), ...(excluded.size > 0 ? { exclude: [...excluded] } : {}) };
}

function positiveInteger(flag: string, text: string, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${flag}: "${text}" is not a whole number from 1 to ${max}`);
  return n;
}
