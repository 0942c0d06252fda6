import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { generateInventory } from '../../bench/generate-inventory.js';
import { loadSavedInventory } from '../../src/engines/live/load-saved-inventory.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'warden-bench-inventory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench inventory generator', () => {
  it('writes a saved inventory that reads cleanly, with one resource per generated id', async () => {
    const path = join(dir, 'inventory.json');
    const written = generateInventory(repo, path, 400);
    const saved = await loadSavedInventory(path, 'inventory.json');
    expect(saved.gaps).toEqual([]);
    expect(saved.inventories).toHaveLength(1);
    // Every regional copy maps (the account's buckets come once): a collision of ids would merge resources.
    const regional = saved.inventories[0]!.resources;
    expect(regional.length).toBeGreaterThanOrEqual(written);
    expect(new Set(regional.map((r) => `${r.type}|${r.address}`)).size).toBe(regional.length);
  });
});
