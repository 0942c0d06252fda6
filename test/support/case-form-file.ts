import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCaseTable, type CaseForm } from '../../src/testing/case-table.js';
import { writeCaseForm } from '../../src/testing/run-table-case.js';

const POLICIES = fileURLToPath(new URL('../../policies/', import.meta.url));

/** One form of a built-in policy's case, written as the file (or folder) a user would scan: for tests that run the CLI on it. */
export async function caseFormFile(policyId: string, caseName: string, form: CaseForm): Promise<string> {
  const table = await readCaseTable(join(POLICIES, `${policyId}.cases.yaml`), policyId);
  const found = table?.cases.find((c) => c.name === caseName);
  if (!table || !found?.[form]) throw new Error(`${policyId}.cases.yaml has no ${form} form of case ${caseName}`);
  return (await writeCaseForm(table, found, form, mkdtempSync(join(tmpdir(), 'warden-case-form-')))).path;
}
