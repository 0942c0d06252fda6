import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { damagedText, jsonMutation, mutateJson, textDamage } from './json-mutations.js';
import { propertyParameters, propertyTimeout } from './property-runs.js';
import { scanAndCheck } from './scan-check.js';

const FIXTURE = new URL('../../fixtures/live-estate/inventory.json', import.meta.url);
const inventory = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;

const dir = mkdtempSync(join(tmpdir(), 'warden-inventory-property-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Slots are picked uniformly, so nearly all damage lands in the AWS responses that the live descriptors map. */
const damage = fc.array(jsonMutation, { minLength: 1, maxLength: 5 });

describe('saved inventory properties (in-process `warden scan`)', () => {
  it('the fixture itself scans cleanly (the baseline the damage is measured against)', async () => {
    writeFileSync(join(dir, 'inventory.json'), JSON.stringify(inventory));
    const { code, report } = await scanAndCheck(dir, ['inventory.json']);
    expect(report.inputs[0]!.status).toBe('scanned');
    expect(code).toBe(1);
  });

  it('survives damaged copies of fixtures/live-estate: defined exit code, one line per bad input, valid reports, the good copy beside it still scanned', async () => {
    await fc.assert(
      fc.asyncProperty(damage, textDamage, async (mutations, text) => {
        writeFileSync(join(dir, 'damaged.json'), damagedText(mutateJson(inventory, mutations), text));
        writeFileSync(join(dir, 'inventory.json'), JSON.stringify(inventory));
        const { report } = await scanAndCheck(dir, ['damaged.json', 'inventory.json']);
        expect(report.inputs[1]).toMatchObject({ path: 'inventory.json', status: 'scanned' });
      }),
      propertyParameters(120),
    );
  }, propertyTimeout());
});
