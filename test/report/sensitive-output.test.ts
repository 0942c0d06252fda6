import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wholeText } from '../../src/report/report-text.js';
import { isSensitive } from '../../src/model/sensitive.js';
import { FORMATS, loadReporter } from '../../src/report/reporter.js';
import { CONTEXT, PLAN_FIXTURE, PLAN_SECRET, REPO_ROOT, scanFixturePlan, SYNTHETIC_SECRET, syntheticResult } from './report-fixtures.js';

describe('no value marked sensitive appears in any output format', () => {
  it('holds for a real scan of a plan whose after_sensitive hides a deploy token', async () => {
    // The secret is in the plan and reaches a finding's evidence, so leaking it is possible.
    expect(readFileSync(`${REPO_ROOT}/${PLAN_FIXTURE}`, 'utf8')).toContain(PLAN_SECRET);
    const result = await scanFixturePlan();
    const carried = result.findings.flatMap((f) => f.evidence).find((e) => e.path === 'tags.DeployToken');
    expect(isSensitive(carried?.value)).toBe(true);

    for (const format of FORMATS) {
      for (const color of [false, true]) {
        const output = wholeText((await loadReporter(format))(result, { ...CONTEXT, color }));
        expect(output, `${format} color=${color}`).not.toContain(PLAN_SECRET);
        expect(output, `${format} color=${color}`).toContain('(sensitive)');
      }
    }
  });

  it('holds for a Sensitive value placed directly in evidence', async () => {
    const result = syntheticResult();
    for (const format of FORMATS) {
      const output = wholeText((await loadReporter(format))(result, CONTEXT));
      expect(output, format).not.toContain(SYNTHETIC_SECRET);
      expect(output, format).toContain('(sensitive)');
    }
  });
});
