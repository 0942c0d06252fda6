import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCorpus, formatReport, judge, type CorpusFile, type WardenRun } from '../../scripts/corpus/check-corpus.js';
import { findCorpus } from '../../scripts/corpus/find-corpus.js';
import { rejectionDetail, rejectionReason } from '../../scripts/corpus/outcome-reasons.js';
import { ensureBuilt } from '../hostile/built-cli.js';
import { runMain } from '../support/run-main.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = findCorpus(REPO);
const WRAPPER = 'plans/variants/infracost__infracost__cmd__infracost__testdata__plan_with_terraform_wrapper.json';

describe.skipIf(CORPUS === undefined)('the shared corpus of real plans', () => {
  it('every real plan is scanned; the broken variants are rejected with one line; the wrapper capture is recovered', async () => {
    // In-process and one at a time: `npm run corpus` runs the same check against the built binary.
    const report = await checkCorpus(CORPUS!, (args, cwd) => runMain(args, cwd), 1);
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
    const text = formatReport(report);
    expect(text).toContain(`scanned:  ${real.length + 1}\n  ${String(real.length).padStart(4)}  plan JSON\n     1  wrapper recovered\n`);
    expect(text).toContain('rejected: 2\n     2  not valid JSON\nbroken:   0\n');
  }, 180_000);
});

describe('the corpus contract checks', () => {
  const file: CorpusFile = { path: 'plans/p.json', mustScan: true };
  const json = (status: string, error?: string, details?: Record<string, string>): string =>
    JSON.stringify({ inputs: [{ path: 'plans/p.json', status, ...(error ? { error } : {}), ...(details ? { details } : {}) }], summary: {}, findings: [] });
  const run = (code: number | null, stdout: string, stderr = '', abnormal?: string): WardenRun => ({ code, stdout, stderr, ...(abnormal ? { abnormal } : {}) });

  it('a clean scan passes; a clean rejection passes for a variant', () => {
    expect(judge(file, run(1, json('scanned')), run(1, json('scanned')))).toMatchObject({ status: 'scanned', reason: 'plan JSON', violations: [] });
    const wrapped = run(0, json('scanned', undefined, { formatVersion: '0.2', recoveredFrom: 'terraform wrapper output' }));
    expect(judge(file, wrapped, wrapped)).toMatchObject({ status: 'scanned', reason: 'wrapper recovered', violations: [] });
    const variant = { path: 'plans/variants/v.json', mustScan: false };
    const error = 'plans/variants/v.json:3:1: not valid JSON: trailing comma before "}"';
    const rejected = run(2, json('error', error).replace('plans/p.json', 'plans/variants/v.json'), `warden: ${error}\n`);
    expect(judge(variant, rejected, rejected)).toMatchObject({ status: 'rejected', error, reason: 'not valid JSON', violations: [] });
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

  it('flags a timeout, a multi-line error without a stack, and an internal error, and then counts no reason', () => {
    const hang = run(null, '', '', 'no exit within 60000 ms (hang?)');
    expect(judge(file, hang, hang)).toMatchObject({ status: 'broken', violations: expect.arrayContaining(['did not exit normally: no exit within 60000 ms (hang?)']) });
    const twoLines = run(2, json('error', 'plans/p.json: empty file'), 'warden: plans/p.json: empty file\nsee the log\n');
    expect(judge(file, twoLines, twoLines).violations).toContain('2 lines on stderr (at most one per input)');
    const internal = run(2, '', 'warden: internal error: x is not a function (set WARDEN_DEBUG=1 for details)\n');
    const judged = judge(file, internal, internal);
    expect(judged.violations[0]).toMatch(/^internal error: /);
    expect(judged.reason).toBeUndefined();
  });

  it('counts scans and rejections by reason, and lists what broke', () => {
    const outcome = (path: string, status: 'scanned' | 'rejected' | 'broken', reason?: string, violations: string[] = []) => ({
      file: { path, mustScan: status !== 'rejected' },
      status,
      ...(reason ? { reason } : {}),
      violations,
    });
    const text = formatReport({
      root: '/corpus',
      outcomes: [
        outcome('plans/a.json', 'scanned', 'plan JSON'),
        outcome('plans/b.json', 'scanned', 'plan JSON'),
        outcome('plans/variants/w.json', 'scanned', 'wrapper recovered'),
        outcome('plans/variants/x.json', 'rejected', 'not valid JSON'),
        outcome('plans/c.json', 'broken', undefined, ['killed by SIGSEGV']),
      ],
    });
    expect(text.split('\n').slice(0, 8)).toEqual([
      'corpus: /corpus (5 files, each scanned twice)',
      'scanned:  3',
      '     2  plan JSON',
      '     1  wrapper recovered',
      'rejected: 1',
      '     1  not valid JSON',
      'broken:   1',
      '',
    ]);
    expect(text).toContain('contract violations:\n  plans/c.json: killed by SIGSEGV\n');
  });

  it('groups rejections by reason without the file position', () => {
    expect(rejectionDetail('plans/x.json:190:1: not valid JSON: unexpected data', 'plans/x.json')).toBe('not valid JSON: unexpected data');
    expect(rejectionDetail('plans/x.json: empty file', 'plans/x.json')).toBe('empty file');
    expect(
      [
        'plans/x.json:190:1: not valid JSON: unexpected data after the end of the JSON document',
        'plans/x.json: empty file',
        'plans/x.json: unsupported plan format_version 2.0 (warden reads 0.1 to 1.x)',
        'plans/x.json: HCP Terraform redacted plan JSON is not supported: run `terraform show -json PLANFILE` on the saved plan and scan that',
        'plans/x.json: not a Terraform plan (no format_version): expected the output of `terraform show -json PLANFILE`',
        'plans/x.json: a Terraform state file, not a plan: run `terraform show -json PLANFILE` on a saved plan',
        'plans/x.json:1:1: not JSON (no JSON object found)',
        'plans/x.json: something new (detail)',
      ].map((error) => rejectionReason(error, 'plans/x.json')),
    ).toEqual(['not valid JSON', 'empty file', 'unsupported plan', 'unsupported plan', 'not a Terraform plan', 'not a Terraform plan', 'not JSON', 'other: something new']);
  });
});

describe('npm run corpus without a corpus', () => {
  // The compiled script copied where no shared/corpus lies above it: a fresh clone's situation.
  function runCopied(args: string[], env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
    const dir = mkdtempSync(join(tmpdir(), 'warden-nocorpus-'));
    try {
      cpSync(join(REPO, 'dist', 'scripts'), join(dir, 'repo', 'dist', 'scripts'), { recursive: true });
      const { WARDEN_CORPUS: _ignored, ...rest } = process.env;
      return spawnSync(process.execPath, [join(dir, 'repo', 'dist', 'scripts', 'corpus-check.js'), ...args], { env: { ...rest, ...env }, encoding: 'utf8' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  beforeAll(() => ensureBuilt(), 180_000);

  it('says where the corpus is looked for and exits 0 when there is none', () => {
    const run = runCopied([], {});
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^corpus-check: no corpus of real plans found, nothing checked\..*shared\/corpus.*WARDEN_CORPUS.*npm run corpus -- CORPUS_DIR\n$/s);
    expect(run.status).toBe(0);
  });

  it('a corpus given without plans/ is an error (exit 2), not a pass', () => {
    const empty = mkdtempSync(join(tmpdir(), 'warden-emptycorpus-'));
    try {
      expect(runCopied([], { WARDEN_CORPUS: empty })).toMatchObject({ status: 2, stderr: `corpus-check: no plans/ folder in ${empty}\n` });
      expect(runCopied([empty], {})).toMatchObject({ status: 2, stderr: `corpus-check: no plans/ folder in ${empty}\n` });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
