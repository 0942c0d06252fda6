import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editText, sourceArbitrary, textEdit } from './hcl-arbitrary.js';
import { propertyParameters, propertyTimeout } from './property-runs.js';
import { scanAndCheck } from './scan-check.js';

const root = mkdtempSync(join(tmpdir(), 'warden-hcl-property-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes a fresh source tree under `name` (the previous run's files removed). */
function writeTree(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return name;
}

describe('HCL engine properties (in-process `warden scan DIR`)', () => {
  it('reads every generated source tree completely, and sg-open-ingress fails every group open to SSH', async () => {
    await fc.assert(
      fc.asyncProperty(sourceArbitrary, async (source) => {
        const { code, report } = await scanAndCheck(root, [writeTree('source', source.files)]);
        expect(report.inputs[0]!.status).toBe('scanned');
        expect(report.coverage.gaps).toEqual([]);
        expect([0, 1]).toContain(code);
        const failing = new Set(report.findings.filter((f) => f.ruleId === 'sg-open-ingress' && f.verdict === 'fail').map((f) => f.resource.address));
        for (const address of source.openToSsh) expect(failing).toContain(address);
      }),
      propertyParameters(100),
    );
  }, propertyTimeout());

  it('survives damaged source: defined exit code, one line per problem, valid reports, and the intact tree beside it still scanned', async () => {
    await fc.assert(
      fc.asyncProperty(sourceArbitrary, fc.array(textEdit, { minLength: 1, maxLength: 4 }), fc.constantFrom('main.tf', 'variables.tf', 'terraform.tfvars'), async (source, edits, target) => {
        writeTree('intact', source.files);
        writeTree('damaged', { ...source.files, [target]: editText(source.files[target]!, edits) });
        const { report } = await scanAndCheck(root, ['damaged', 'intact']);
        expect(report.inputs[1]).toMatchObject({ path: 'intact', status: 'scanned' });
      }),
      propertyParameters(100),
    );
  }, propertyTimeout());
});
