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

  it.each([
    [{ source: 'cloudtrail' }, '--source: "cloudtrail" is not one of api, config, config-aggregator:NAME[@REGION]'],
    [{ regions: ['all', 'eu-west-1'] }, '--regions: "all" cannot be combined with region names'],
    [{ regions: ['Ireland'] }, '--regions: "Ireland" is not a region name (e.g. eu-west-1)'],
    [{ accounts: ['12345'], roleName: 'r' }, '--accounts: "12345" is not a 12-digit account id'],
    [{ accounts: ['111122223333'] }, '--accounts needs --role-name (the role to assume in each account)'],
    [{ roleName: 'r' }, '--role-name needs --accounts (the accounts to assume it in)'],
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
    events(progressDisplay(err, false));
    const frames = err.text.split('\r\u001b[2K').filter(Boolean);
    expect(frames.at(-1)).toBe('warden: audit 2/2 account×region done, 43 resources found, 14 failed calls\n');
    expect(frames).toHaveLength(5);
  });

  it('prints nothing with --quiet', () => {
    const err = stream(true);
    events(progressDisplay(err, true));
    expect(err.text).toBe('');
  });
});
