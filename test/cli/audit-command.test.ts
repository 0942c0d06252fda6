import { describe, expect, it } from 'vitest';
import { progressDisplay } from '../../src/cli/audit-progress.js';
import { liveOptions } from '../../src/cli/audit-command.js';
import { UsageError } from '../../src/cli/usage-error.js';

const base = { format: 'console' };

describe('warden audit flags', () => {
  it('default to the API source, every enabled region and the caller\'s account', () => {
    expect(liveOptions(base)).toEqual({ source: { kind: 'api' } });
    expect(liveOptions({ ...base, regions: ['all'] })).toEqual({ source: { kind: 'api' } });
  });

  it('take regions, accounts with a role, an external id and a Config source', () => {
    expect(
      liveOptions({
        ...base,
        regions: ['eu-west-1', 'us-east-2', 'eu-west-1'],
        accounts: ['111122223333', '444455556666'],
        roleName: 'audit/warden',
        externalId: 'x-1',
        source: 'config',
        profile: 'sec',
        concurrency: '8',
        maxAttempts: '10',
      }),
    ).toEqual({
      source: { kind: 'config' },
      regions: ['eu-west-1', 'us-east-2'],
      profile: 'sec',
      accounts: ['111122223333', '444455556666'],
      roleName: 'audit/warden',
      externalId: 'x-1',
      concurrency: 8,
      maxAttempts: 10,
    });
    expect(liveOptions({ ...base, source: 'config-aggregator:org-wide', accounts: ['111122223333'] }).source).toEqual({ kind: 'config-aggregator', aggregator: 'org-wide' });
    expect(liveOptions({ ...base, source: 'config-aggregator:org@us-east-1' }).source).toEqual({ kind: 'config-aggregator', aggregator: 'org', region: 'us-east-1' });
  });

  it('take an organisation with OUs and exclusions, and a shard', () => {
    expect(liveOptions({ ...base, accountsFrom: 'organizations', roleName: 'warden-audit', ou: ['ou-ab12-cdef3456', 'r-ab12'], excludeAccounts: ['999988887777'], shard: '2/4' })).toEqual({
      source: { kind: 'api' },
      roleName: 'warden-audit',
      organization: { ous: ['ou-ab12-cdef3456', 'r-ab12'], exclude: ['999988887777'] },
      shard: { index: 2, count: 4 },
    });
  });

  it.each([
    [{ source: 'cloudtrail' }, '--source: "cloudtrail" is not one of api, config, config-aggregator:NAME[@REGION]'],
    [{ regions: ['all', 'eu-west-1'] }, '--regions: "all" cannot be combined with region names'],
    [{ regions: ['Ireland'] }, '--regions: "Ireland" is not a region name (e.g. eu-west-1)'],
    [{ accounts: ['12345'], roleName: 'r' }, '--accounts: "12345" is not a 12-digit account id'],
    [{ accounts: ['111122223333'] }, '--accounts needs --role-name (the role to assume in each account)'],
    [{ roleName: 'r' }, '--role-name needs --accounts or --accounts-from (the accounts to assume it in)'],
    [{ accountsFrom: 'organizations' }, '--accounts-from organizations needs --role-name (the role to assume in each account)'],
    [{ accountsFrom: 'org', roleName: 'r' }, '--accounts-from: "org" is not organizations'],
    [{ accountsFrom: 'organizations', roleName: 'r', accounts: ['111122223333'] }, '--accounts-from organizations cannot be combined with --accounts (use --exclude-accounts to leave some out)'],
    [{ accountsFrom: 'organizations', roleName: 'r', ou: ['engineering'] }, '--ou: "engineering" is not an OU id (ou-…) or root id (r-…)'],
    [{ ou: ['ou-ab12-cdef3456'] }, '--ou needs --accounts-from organizations'],
    [{ accounts: ['111122223333'], roleName: 'r', excludeAccounts: ['111122223333'] }, '--exclude-accounts leaves none of --accounts to audit'],
    [{ shard: '0/3' }, '--shard: "0/3" is not K/N with 1 ≤ K ≤ N ≤ 1000 (e.g. 2/4)'],
    [{ shard: '4/3' }, '--shard: "4/3" is not K/N with 1 ≤ K ≤ N ≤ 1000 (e.g. 2/4)'],
    [{ source: 'config-aggregator:org', shard: '1/2' }, '--shard: an aggregator is read in one query; shard the API or Config source'],
    [{ externalId: 'x' }, '--external-id needs --role-name'],
    [{ source: 'config-aggregator:org', roleName: 'r' }, '--role-name: an aggregator is read with the current credentials (use --accounts alone to filter its accounts)'],
    [{ concurrency: '0' }, '--concurrency: "0" is not a whole number from 1 to 64'],
    [{ maxAttempts: 'lots' }, '--max-attempts: "lots" is not a whole number from 1 to 20'],
  ])('reject %j before any AWS call', (flags, message) => {
    expect(() => liveOptions({ ...base, ...flags })).toThrow(new UsageError(message));
  });
});

/** A stand-in stderr that records what is written. */
function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const out = { text: '', isTTY, write(chunk: string) { out.text += chunk; return true; } };
  return out as unknown as NodeJS.WriteStream & { text: string };
}

describe('audit progress on stderr', () => {
  const events = (display: ReturnType<typeof progressDisplay>) => {
    display.update({ kind: 'planned', targets: 2 });
    display.update({ kind: 'target-done', account: '111122223333', region: 'eu-west-1', items: 40, failures: 0 });
    display.update({ kind: 'account-items', account: '111122223333', items: 3 });
    display.update({ kind: 'target-done', account: '111122223333', region: 'eu-central-1', items: 0, failures: 14 });
    display.done();
  };

  it('prints one plain line per region when stderr is not a terminal (CI logs)', () => {
    const err = stream(false);
    events(progressDisplay(err, false));
    expect(err.text).toBe(
      'warden: 111122223333/eu-west-1: 40 resources\n' +
        'warden: 111122223333: 3 S3 buckets\n' +
        'warden: 111122223333/eu-central-1: 0 resources, 14 failed calls\n',
    );
  });

  it('rewrites one line in place on a terminal and ends it', () => {
    const err = stream(true);
    events(progressDisplay(err, false, { now: () => 0, tickMs: 0 }));
    const frames = err.text.split('\r\u001b[2K').filter(Boolean);
    expect(frames.at(-1)).toBe('warden: audit 0s, 2/2 account×region done, 43 resources, 14 failed calls\n');
    expect(frames).toHaveLength(5);
  });

  it('on a terminal shows the elapsed time, the (account, region) being read and the calls being retried', () => {
    const err = Object.assign(stream(true), { columns: 200 });
    let clock = 0;
    const display = progressDisplay(err, false, { now: () => clock, tickMs: 0 });
    display.update({ kind: 'planned', targets: 3 });
    display.update({ kind: 'target-started', account: '111122223333', region: 'eu-west-1' });
    display.update({ kind: 'target-started', account: '111122223333', region: 'ap-south-1' });
    clock = 125_000;
    display.update({ kind: 'retrying', calls: 2, latest: 'ec2:DescribeVpcs in 111122223333/ap-south-1' });
    const frame = err.text.split('\r\u001b[2K').at(-1);
    expect(frame).toBe('warden: audit 2m05s, 0/3 account×region done, 0 resources, reading 111122223333/eu-west-1 +1, retrying 2 calls (ec2:DescribeVpcs in 111122223333/ap-south-1)');
    display.update({ kind: 'target-done', account: '111122223333', region: 'eu-west-1', items: 4, failures: 0 });
    display.update({ kind: 'retrying', calls: 0, latest: '' });
    expect(err.text.split('\r\u001b[2K').at(-1)).toBe('warden: audit 2m05s, 1/3 account×region done, 4 resources, reading 111122223333/ap-south-1');
    display.done();
    // A narrow terminal gets one cut line, never a wrapped one that cannot be rewritten.
    const narrow = Object.assign(stream(true), { columns: 60 });
    const small = progressDisplay(narrow, false, { now: () => 0, tickMs: 0 });
    small.update({ kind: 'retrying', calls: 1, latest: 'ec2:DescribeVpcs in 111122223333/ap-south-1' });
    expect(narrow.text.split('\r\u001b[2K').at(-1)).toHaveLength(59);
    small.done();
  });

  it('prints nothing with --quiet', () => {
    const err = stream(true);
    events(progressDisplay(err, true));
    expect(err.text).toBe('');
  });
});
