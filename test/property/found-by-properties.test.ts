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

  it('a resource change with an empty type, name or address: skipped or addressed, and the report still validates', async () => {
    const change = (fields: Record<string, string>) => JSON.stringify({ address: 'aws_security_group.a', mode: 'managed', type: 'aws_security_group', name: 'a', ...fields, change: { actions: ['create'], after: { ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }] } } });
    const plan = write('empty-names.json', `{"format_version":"1.2","resource_changes":[${[change({ type: '' }), change({ name: '' }), change({ address: '' })].join(',')}]}`);
    const { report } = await scanAndCheck(dir, [plan]);
    expect(report.inputs[0]).toMatchObject({ status: 'scanned', resources: 1 });
    expect(report.findings.map((f) => f.resource.address)).toContain('aws_security_group.a');
  });
});
