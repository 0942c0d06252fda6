import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadInput } from '../../../src/engines/load-input.js';
import { InputError } from '../../../src/engines/input-error.js';
import { isSavedInventory } from '../../../src/engines/live/saved-inventory-marker.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-inventory-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const minimal = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    warden_inventory: 1,
    source: 'api',
    targets: [
      {
        account: '111122223333',
        region: 'eu-west-1',
        responses: { 'ec2:DescribeVpcs': [{ Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', Tags: [] }] }] },
      },
      { account: '111122223333', region: 'eu-central-1', responses: {} },
    ],
    accounts: [],
    ...extra,
  });

describe('saved inventories (warden scan FILE)', () => {
  it('are told from plans by their first key', async () => {
    expect(await isSavedInventory(file('inv.json', minimal()))).toBe(true);
    expect(await isSavedInventory(file('bom.json', `\uFEFF  ${minimal()}`))).toBe(true);
    expect(await isSavedInventory(file('plan.json', '{"format_version":"1.2","warden_inventory":1}'))).toBe(false);
    expect(await isSavedInventory(join(dir, 'missing.json'))).toBe(false);
  });

  it('load as one inventory per (account, region), with the audit\'s recorded gaps', async () => {
    const gap = { scope: 'region', target: '111122223333/eu-central-1', message: '111122223333/eu-central-1: ec2 DescribeVpcs failed: UnauthorizedOperation', region: 'eu-central-1' };
    const loaded = await loadInput(file('inv.json', minimal({ coverage: { gaps: [gap] } })), 'inv.json');
    expect(loaded.kind).toBe('inventory');
    expect(loaded.inventories?.map((i) => i.input)).toEqual(['111122223333/eu-west-1', '111122223333/eu-central-1']);
    expect(loaded.inventory.resources.map((r) => r.address)).toEqual(['arn:aws:ec2:eu-west-1:111122223333:vpc/vpc-1']);
    expect(loaded.gaps).toEqual([{ ...gap, message: `inv.json: recorded by the audit: ${gap.message}` }]);
    expect(loaded.details).toEqual({ source: 'api', targets: '2' });
  });

  it.each([
    ['not JSON', '{"warden_inventory": 1, "targets": [', /^bad\.json:1:37: saved inventory is not valid JSON: unexpected end of input \(truncated file\?\)$/],
    ['a trailing comma, at its line and column', '{\n  "warden_inventory": 1,\n  "targets": [],\n}', /^bad\.json:4:1: saved inventory is not valid JSON: trailing comma before "}"$/],
    ['another format version', '{"warden_inventory": 2, "source": "api", "targets": []}', /^bad\.json: saved inventory format 2 is not supported \(this warden reads format 1\)$/],
    ['a malformed region', minimal().replace('"eu-west-1"', '"Ireland"'), /^bad\.json: not a valid saved inventory: targets\.0\.region must match pattern/],
    [
      'pages that are not a list',
      JSON.stringify({ warden_inventory: 1, source: 'api', targets: [{ account: '111122223333', region: 'eu-west-1', responses: { 'ec2:DescribeVpcs': { Vpcs: [] } } }] }),
      /^bad\.json: not a valid saved inventory: targets\.0\.responses\.ec2:DescribeVpcs must be array$/,
    ],
    ['a missing source', minimal().replace('"source":"api",', ''), /^bad\.json: not a valid saved inventory: must have required property 'source'$/],
  ])('reject %s with one line naming the file', async (_what, text, message) => {
    const error = await loadInput(file('bad.json', text), 'bad.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
