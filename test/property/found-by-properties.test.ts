import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanAndCheck } from './scan-check.js';

/** Inputs the properties found bugs with, kept as plain examples so that they run whatever the seed. */
const dir = mkdtempSync(join(tmpdir(), 'warden-found-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, content: string): string => {
  writeFileSync(join(dir, name), content);
  return name;
};

describe('damaged inputs found by the properties', () => {
  it('a plan whose terraform_version is not a string: scanned, and the report still validates', async () => {
    for (const version of ['12', 'null', '{"v":"1.9"}', '["1.9"]']) {
      const plan = write('version.json', `{"format_version":"1.2","terraform_version":${version},"resource_changes":[]}`);
      const { code, report } = await scanAndCheck(dir, [plan]);
      expect(report.inputs[0]).toMatchObject({ status: 'scanned', details: { formatVersion: '1.2' } });
      expect(code).toBe(0);
    }
  });
});
