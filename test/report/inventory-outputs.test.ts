import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { NetworkInventoryDocument } from '../../src/inventory/network-inventory.js';
import { INVENTORY_CSV_HEADER, inventoryCsv } from '../../src/report/inventory/inventory-csv.js';
import { inventoryJson } from '../../src/report/inventory/inventory-json.js';
import { inventoryTree } from '../../src/report/inventory/inventory-tree.js';
import { inventoriesOf, LIVE_ESTATE, MODULES_PLAN, THREE_TIER } from '../inventory/inventory-fixtures.js';

const SCHEMA = JSON.parse(readFileSync(new URL('../../schemas/warden-network-inventory.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
// Ajv's default strict mode: an unknown keyword in the published schema is an error.
const validate = new Ajv({ allErrors: true }).compile(SCHEMA);

async function documentOf(...paths: string[]): Promise<NetworkInventoryDocument> {
  const inputs = (await Promise.all(paths.map((path) => inventoriesOf(path)))).flat();
  return { schemaVersion: '1', tool: { name: 'warden', version: '0.0.0-test' }, inputs, errors: [{ input: 'missing.json', message: 'missing.json: no such file' }] };
}

describe('warden inventory outputs', () => {
  it('JSON validates against schemas/warden-network-inventory.schema.json', async () => {
    const parsed = JSON.parse(inventoryJson(await documentOf(THREE_TIER, LIVE_ESTATE, MODULES_PLAN)));
    expect(validate(parsed), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate({ ...parsed, inputs: [{ ...parsed.inputs[0], items: [{ kind: 'router' }] }] })).toBe(false);
  });

  it('CSV: the fixed header, then one row per resource', async () => {
    const document = await documentOf(THREE_TIER, LIVE_ESTATE);
    const lines = inventoryCsv(document).trimEnd().split('\n');
    expect(lines[0]).toBe(INVENTORY_CSV_HEADER.join(','));
    expect(lines).toHaveLength(1 + document.inputs.reduce((n, input) => n + input.items.length, 0));
    expect(lines.find((line) => line.includes('aws_security_group.db'))).toContain('aws_db_instance (sensitive) (aws_db_instance.ledger)');
  });

  it('CSV cells cannot become formulas, line breaks or workflow commands', async () => {
    const document = await documentOf(THREE_TIER);
    document.inputs[0]!.items[0]!.name = '=HYPERLINK("http://x")\n::error::owned';
    const csv = inventoryCsv(document);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")\\u000a`);
    expect(csv.split('\n').some((line) => line.startsWith('::'))).toBe(false);
  });

  it('the console tree nests each VPC’s resources and escapes control characters', async () => {
    const document = await documentOf(THREE_TIER);
    document.inputs[0]!.items[0]!.name = 'evil\u001b[2J';
    const tree = inventoryTree(document);
    expect(tree).toContain('├─ VPC evil\\u001b[2J (known after apply) aws_vpc.main  cidr 10.0.0.0/16');
    expect(tree).toMatch(/│ {2}├─ Subnets\n│ {2}│ {2}├─ public-a \(known after apply\) aws_subnet\.public_a {2}public/);
    expect(tree).toContain('0.0.0.0/0 → aws_nat_gateway.main');
    expect(tree).toContain('attached to aws_lb public-alb (known after apply) aws_lb.public');
    expect(tree).toContain('not read: missing.json: no such file');
    expect(tree).not.toContain('\u001b');
  });
});
