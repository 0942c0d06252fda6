import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inventoryTree } from '../../src/report/inventory/inventory-tree.js';
import { inventoriesOf, THREE_TIER } from '../inventory/inventory-fixtures.js';

const DOC = readFileSync(new URL('../../docs/inventory.md', import.meta.url), 'utf8');

describe('docs/inventory.md', () => {
  it('shows the console tree warden prints for the three-tier fixture today', async () => {
    const tree = inventoryTree({ schemaVersion: '1', tool: { name: 'warden', version: 'test' }, inputs: await inventoriesOf(THREE_TIER), errors: [] });
    const shown = /## Console \(the default\)[\s\S]*?```text\n([\s\S]*?)```/.exec(DOC)?.[1];
    expect(shown).toBe(tree);
  });
});
