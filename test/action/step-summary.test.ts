import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { EOL, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendStepSummary } from '../../src/action/step-summary.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'warden-summary-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('job summary', () => {
  it('appends to what earlier steps wrote, ending the Markdown with a line break', async () => {
    const file = join(dir, 'summary.md');
    writeFileSync(file, '# earlier step\n');
    vi.stubEnv('GITHUB_STEP_SUMMARY', file);
    await appendStepSummary('## warden\n');
    await appendStepSummary('no newline');
    expect(readFileSync(file, 'utf8')).toBe(`# earlier step\n## warden\nno newline${EOL}`);
  });

  it('outside a runner writes nothing and does not fail', async () => {
    vi.stubEnv('GITHUB_STEP_SUMMARY', '');
    await expect(appendStepSummary('## warden\n')).resolves.toBeUndefined();
  });
});
