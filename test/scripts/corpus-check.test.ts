import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCorpus, formatReport, judge, rejectionReason, type CorpusFile, type WardenRun } from '../../scripts/corpus/check-corpus.js';
import { runMain } from '../support/run-main.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const WRAPPER = 'plans/variants/infracost__infracost__cmd__infracost__testdata__plan_with_terraform_wrapper.json';

describe.skipIf(!existsSync(`${CORPUS}plans`))('the shared corpus of real plans', () => {
  it('every real plan is scanned; the broken variants are rejected with one line; the wrapper capture is recovered', async () => {
    // In-process and one at a time: `npm run corpus` runs the same check against the built binary.
    const report = await checkCorpus(CORPUS, (args, cwd) => runMain(args, cwd), 1);
    const broken = report.outcomes.filter((o) => o.status === 'broken');
    expect(broken.map((o) => `${o.file.path}: ${o.violations.join('; ')}`), formatReport(report)).toEqual([]);
    const real = report.outcomes.filter((o) => o.file.mustScan);
    expect(real.length).toBeGreaterThan(150);
    expect(real.every((o) => o.status === 'scanned')).toBe(true);
    const variants = Object.fromEntries(report.outcomes.filter((o) => !o.file.mustScan).map((o) => [o.file.path, o.status]));
    expect(variants).toEqual({
      'plans/variants/cycloidio__terracost__testdata__aws__terraform-plan-noprovider.json': 'rejected',
      'plans/variants/hashicorp__terraform-json__testdata__invalid__plan.json': 'rejected',
      [WRAPPER]: 'scanned',
    });
  }, 180_000);
});

describe('the corpus contract checks', () => {
  const file: CorpusFile = { path: 'plans/p.json', mustScan: true };
  const json = (status: string, error?: string): string => JSON.stringify({ inputs: [{ path: 'plans/p.json', status, ...(error ? { error } : {}) }], summary: {}, findings: [] });
  const run = (code: number | null, stdout: string, stderr = '', abnormal?: string): WardenRun => ({ code, stdout, stderr, ...(abnormal ? { abnormal } : {}) });

  it('a clean scan passes; a clean rejection passes for a variant', () => {
    expect(judge(file, run(1, json('scanned')), run(1, json('scanned')))).toMatchObject({ status: 'scanned', violations: [] });
    const variant = { path: 'plans/variants/v.json', mustScan: false };
    const error = 'plans/variants/v.json:3:1: not valid JSON: trailing comma before "}"';
    const rejected = run(2, json('error', error).replace('plans/p.json', 'plans/variants/v.json'), `warden: ${error}\n`);
    expect(judge(variant, rejected, rejected)).toMatchObject({ status: 'rejected', error, violations: [] });
  });

  it('flags a stack trace, an odd exit code, a non-JSON stdout, a signal and a second run that differs', () => {
    const stack = run(2, '', 'TypeError: x is undefined\n    at load (file.js:1:1)\n');
    expect(judge(file, stack, stack).violations).toEqual(
      expect.arrayContaining(['stack trace on stderr', '2 lines on stderr (at most one per input)', 'stdout is not JSON (0 bytes)', 'a real plan was rejected']),
    );
    expect(judge(file, run(3, json('scanned')), run(3, json('scanned'))).violations).toContain('exit code 3 (expected 0 or 1 for a scan, 2 for a rejection)');
    expect(judge(file, run(null, '', '', 'killed by SIGSEGV'), run(null, '', '', 'killed by SIGSEGV')).violations).toContain('did not exit normally: killed by SIGSEGV');
    expect(judge(file, run(0, json('scanned')), run(1, json('scanned'))).violations).toEqual(['a second run gave a different result']);
  });

  it('groups rejections by reason without the file position', () => {
    expect(rejectionReason('plans/x.json:190:1: not valid JSON: unexpected data', 'plans/x.json')).toBe('not valid JSON: unexpected data');
    expect(rejectionReason('plans/x.json: empty file', 'plans/x.json')).toBe('empty file');
  });
});
