import fc from 'fast-check';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editText, textEdit } from './hcl-arbitrary.js';
import { damagedText, jsonMutation, mutateJson, textDamage } from './json-mutations.js';
import { propertyParameters, propertyTimeout } from './property-runs.js';
import { scanAndCheck } from './scan-check.js';

/**
 * Damaged copies of fixtures/modules-repo, a plan with its `.tf` sources beside it: the plan is
 * mapped onto the sources (resource locations, inline ignores), so damage to either side reaches
 * the source-mapping code as well as the engines.
 */
const FIXTURE = new URL('../../fixtures/modules-repo/', import.meta.url);
const root = mkdtempSync(join(tmpdir(), 'warden-modules-repo-property-'));
const repo = join(root, 'repo');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const plan = JSON.parse(readFileSync(new URL('plan.json', FIXTURE), 'utf8')) as unknown;
const SOURCES = ['main.tf', 'variables.tf', 'terraform.tfvars', 'modules/db-sg/main.tf', 'modules/web-sg/main.tf'] as const;

/** Replaces the copy at `repo` with a fresh one of the fixture. */
function freshCopy(): void {
  rmSync(repo, { recursive: true, force: true });
  cpSync(FIXTURE, repo, { recursive: true });
}

describe('damaged copies of fixtures/modules-repo (plan and sources)', () => {
  it('a damaged plan beside intact sources: defined exit code, one line per problem, valid reports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(jsonMutation, { minLength: 1, maxLength: 4 }), textDamage, async (mutations, damage) => {
        freshCopy();
        writeFileSync(join(repo, 'plan.json'), damagedText(mutateJson(plan, mutations), damage));
        await scanAndCheck(root, ['repo/plan.json']);
      }),
      propertyParameters(60),
    );
  }, propertyTimeout());

  it('an intact plan beside damaged sources, scanned as a plan and as a source tree: the plan is always read', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SOURCES), fc.array(textEdit, { minLength: 1, maxLength: 4 }), async (file, edits) => {
        freshCopy();
        writeFileSync(join(repo, file), editText(readFileSync(new URL(file, FIXTURE), 'utf8'), edits));
        const { report } = await scanAndCheck(root, ['repo/plan.json', 'repo']);
        expect(report.inputs[0]).toMatchObject({ path: 'repo/plan.json', status: 'scanned', resources: 8 });
      }),
      propertyParameters(60),
    );
  }, propertyTimeout());
});
