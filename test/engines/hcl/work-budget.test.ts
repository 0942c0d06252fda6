import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadHclDirectory } from '../../../src/engines/hcl/load-hcl.js';
import type { BudgetLimits } from '../../../src/engines/hcl/eval/work-budget.js';
import { isUnknown } from '../../../src/model/unknown.js';
import { valueAt } from '../../../src/model/value.js';
import { runMain } from '../../support/run-main.js';
import { byAddress, sourceDir } from './hcl-helpers.js';

/** Loads `files` as one source input under `budget`. */
async function load(files: Record<string, string>, budget: BudgetLimits) {
  const { dir, cleanup } = sourceDir(files);
  try {
    const loaded = await loadHclDirectory(dir, 'src', { cwd: dir, budget });
    return { resources: loaded.inventories.flatMap((i) => i.resources), problems: loaded.problems.map((p) => `${p.target}: ${p.message}`) };
  } finally {
    cleanup();
  }
}

/** A bucket whose `tags.n` is the value of `expr`, beside a bucket that needs nothing. */
const bucketWith = (expr: string, extra = ''): Record<string, string> => ({
  'main.tf': `${extra}\nresource "aws_s3_bucket" "big" {\n  bucket = "b"\n  tags = { n = ${expr} }\n}\nresource "aws_s3_bucket" "small" {\n  bucket = "s"\n}\n`,
});

function expectUnknownTag(resources: Awaited<ReturnType<typeof load>>['resources'], pattern: RegExp): void {
  const tag = valueAt(byAddress(resources, 'aws_s3_bucket.big').values, 'tags.n');
  expect(isUnknown(tag) && tag.reason).toMatch(pattern);
  // The rest of the input is still read.
  expect(byAddress(resources, 'aws_s3_bucket.small').values['bucket']).toBe('s');
}

describe('the element budget', () => {
  it('stops a setproduct explosion before it is built: Unknown plus a coverage gap', async () => {
    const { resources, problems } = await load(bucketWith('length(setproduct(range(1000), range(1000), range(1000)))'), {});
    expectUnknownTag(resources, /main\.tf:4:\d+: setproduct\(\) would create 3000000000 elements, more than .* element budget of 1000000/);
    expect(problems).toEqual([expect.stringMatching(/^src: setproduct\(\) would create/)]);
  });

  it('stops nested for expressions', async () => {
    const { resources, problems } = await load(bucketWith('length(flatten([for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]]))'), { maxElements: 20_000 });
    expectUnknownTag(resources, /element budget of 20000/);
    expect(problems).toHaveLength(1);
  });

  it('stops text doubled through locals (64 characters count as one element)', async () => {
    const locals = Array.from({ length: 40 }, (_, i) => `  s${i + 1} = "\${local.s${i}}\${local.s${i}}"`).join('\n');
    const { resources } = await load(bucketWith('length(local.s40)', `locals {\n  s0 = "${'x'.repeat(64)}"\n${locals}\n}\n`), { maxElements: 10_000 });
    expectUnknownTag(resources, /a string template/);
  });

  it('stops padding and indenting to gigabytes of text', async () => {
    const { resources } = await load(bucketWith('length(format("%1000000000000d", 1))'), {});
    expectUnknownTag(resources, /a format width of 1000000000000 would create 15625000000 elements/);
    const indented = await load(bucketWith('length(indent(100000000, "a\\nb\\nc"))'), { maxElements: 1000 });
    expectUnknownTag(indented.resources, /indent\(100000000\) would create 3125000 elements/);
  });

  it('stops replace() multiplying a long replacement, plain or regex, and a fractional chunklist size', async () => {
    const big = `"\${join("", [for i in range(1000) : "${'r'.repeat(1000)}"])}"`;
    const { resources } = await load(bucketWith(`length(replace(local.text, "a", local.big))`, `locals {\n  text = "${'a'.repeat(100_000)}"\n  big = ${big}\n}\n`), {});
    expectUnknownTag(resources, /replace\(\) would create 1562500000 elements/);
    const regex = await load(bucketWith(`length(replace(local.text, "/a/", local.big))`, `locals {\n  text = "${'a'.repeat(100_000)}"\n  big = ${big}\n}\n`), {});
    expectUnknownTag(regex.resources, /replace\(\)/);
    const chunks = await load(bucketWith('length(chunklist(range(1000), 0.000001))'), {});
    expectUnknownTag(chunks.resources, /chunk size must be a whole number/);
  });

  it('makes a count explosion one unknown instance', async () => {
    const { resources, problems } = await load({ 'main.tf': 'resource "aws_s3_bucket" "b" {\n  count = 100000000\n}\nresource "aws_s3_bucket" "small" {}\n' }, {});
    expect(resources.map((r) => r.address)).toEqual(['aws_s3_bucket.b[*]', 'aws_s3_bucket.small']);
    expect(problems[0]).toMatch(/the count of aws_s3_bucket\.b \(100000000 instances\) would create 2000000000 elements/);
  });

  it('makes a for_each explosion one unknown instance', async () => {
    const { resources, problems } = await load(
      { 'main.tf': 'resource "aws_s3_bucket" "b" {\n  for_each = toset([for p in setproduct(range(100), range(50)) : join("-", p)])\n}\n' },
      { maxElements: 22_000 },
    );
    expect(resources.map((r) => r.address)).toEqual(['aws_s3_bucket.b[*]']);
    expect(problems[0]).toMatch(/element budget of 22000/);
  });

  it('is shared by module fan-out: 1000 × 1000 × 1000 instances stop at the budget', async () => {
    const { resources, problems } = await load(
      {
        'main.tf': 'module "a" {\n  source = "./a"\n  count = 1000\n}\n',
        'a/main.tf': 'module "b" {\n  source = "../b"\n  count = 1000\n}\n',
        'b/main.tf': 'resource "aws_s3_bucket" "x" {\n  count = 1000\n}\n',
      },
      { maxElements: 50_000 },
    );
    expect(resources.length).toBeLessThanOrEqual(50_000);
    expect(resources.some((r) => r.address.endsWith('[*]'))).toBe(true);
    expect(problems[0]).toMatch(/element budget of 50000/);
  });

  it('leaves an input within it alone', async () => {
    const { resources, problems } = await load(bucketWith('length(setproduct(range(10), range(10)))'), { maxElements: 1000 });
    expect(valueAt(byAddress(resources, 'aws_s3_bucket.big').values, 'tags.n')).toBe(100);
    expect(problems).toEqual([]);
  });
});

describe('the time budget', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('stops an input whose evaluation outlasts it (checked every N steps, clock given)', async () => {
    let now = 0;
    // Each look at the clock is ten seconds later: the budget of 60 s runs out after a few thousand steps.
    const clock = (): number => (now += 10_000);
    const slow = bucketWith('length(flatten([for a in range(1000) : [for b in range(1000) : a]]))');
    await expect(load(slow, { maxElements: 10_000_000, timeBudgetSeconds: 60, clock })).rejects.toThrow(
      /^src: evaluation stopped after the time budget of 60 s \(raise it with --time-budget or timeBudgetSeconds in warden\.yaml\)$/,
    );
  });

  it('makes the slow input a one-line coverage gap; the other inputs are still scanned', async () => {
    const slow = sourceDir(bucketWith('length(flatten([for a in range(1000) : [for b in range(1000) : a]]))'));
    const fine = sourceDir({ 'main.tf': 'resource "aws_s3_bucket" "ok" {\n  bucket = "ok"\n}\n' });
    let now = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 10_000));
    try {
      const run = await runMain(['scan', slow.dir, fine.dir, '--format', 'json', '--max-elements', '10000000', '--time-budget', '30']);
      const report = JSON.parse(run.stdout);
      expect(report.inputs.map((i: { status: string }) => i.status)).toEqual(['error', 'scanned']);
      expect(report.inputs[0].error).toMatch(/evaluation stopped after the time budget of 30 s/);
      expect(report.findings.some((f: { resource: { address: string } }) => f.resource.address === 'aws_s3_bucket.ok')).toBe(true);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      slow.cleanup();
      fine.cleanup();
    }
  });
});

describe('budget settings', () => {
  it('come from --max-elements over warden.yaml maxElements, and bad values are usage errors', async () => {
    const src = sourceDir({
      'warden.yaml': 'maxElements: 100\n',
      'main.tf': 'resource "aws_s3_bucket" "b" {\n  count = 500\n}\n',
    });
    try {
      const fromConfig = JSON.parse((await runMain(['scan', '.', '--format', 'json'], src.dir)).stdout);
      expect(fromConfig.coverage.gaps ?? fromConfig.coverage).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(/element budget of 100 /) })]));
      const fromFlag = JSON.parse((await runMain(['scan', '.', '--format', 'json', '--max-elements', '100000'], src.dir)).stdout);
      expect(JSON.stringify(fromFlag.coverage)).not.toMatch(/element budget/);
      const bad = await runMain(['scan', '.', '--max-elements', '0'], src.dir);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--max-elements: expected a positive whole number, got "0"/);
    } finally {
      src.cleanup();
    }
  });
});

describe('the sources beside a plan', () => {
  it('are evaluated under the same budget: an explosion there is a warning, the plan is still scanned', async () => {
    const src = sourceDir({
      'main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  tags = { n = length(setproduct(range(1000), range(1000), range(1000))) }\n}\n',
      'plan.json': JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', change: { actions: ['create'], after: { bucket: 'b' }, after_unknown: {} } }] }),
    });
    try {
      const run = await runMain(['scan', 'plan.json', '--format', 'json'], src.dir);
      const report = JSON.parse(run.stdout);
      expect(report.inputs[0].status).toBe('scanned');
      expect(JSON.stringify(report.warnings ?? run.stderr)).toMatch(/sources of plan\.json: setproduct\(\) would create 3000000000 elements/);
    } finally {
      src.cleanup();
    }
  });
});
