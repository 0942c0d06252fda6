/**
 * `node dist/bench/hcl.js [--mb N] [--runs N]` (after `npm run build`)
 *
 * Generates a varied Terraform source tree of at least N MB (default 1) into .bench/hcl/ — a root
 * module with tfvars, locals, provider default_tags and module calls with count/for_each, plus
 * local modules with dynamic blocks, templates, conditionals and function calls — then measures
 * HCL scan throughput against the DESIGN §7 budget (≥ 1 MB of `.tf` per second):
 * - engine: loading and evaluating the tree (parse + evaluate + inventory), in-process: the first
 *   run (JIT and WebAssembly compilation included) and warm runs;
 * - end to end: `warden scan .bench/hcl` with every built-in policy and JSON output, in a fresh
 *   process (start-up included).
 * Wall and CPU time are both reported (median of runs): on a busy machine CPU time is the steadier.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadHclDirectory } from '../src/engines/hcl/load-hcl.js';
import { generateHclTree } from './generate-hcl.js';
import { repo, spread } from './measure.js';

const outDir = join(repo, '.bench', 'hcl');

function parseArgs(argv: string[]): { mb: number; runs: number } {
  const options = { mb: 1, runs: 5 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--mb') options.mb = Number(argv[++i]);
    else if (argv[i] === '--runs') options.runs = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!(options.mb > 0) || !(options.runs > 0)) throw new Error('--mb and --runs take positive numbers');
  return options;
}

const median = (values: number[]): number => spread(values).median;

interface Sample {
  wallMs: number;
  /** CPU time of the whole process (all threads): steadier than wall time on a busy machine. */
  cpuMs: number;
}

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Child mode: one `warden scan` in this fresh process, reporting its wall and CPU time on stdout. */
async function child(dir: string, output: string): Promise<void> {
  const { main } = await import('../src/cli/main.js');
  const start = performance.now();
  const code = await main(['scan', dir, '--format', 'json', '--output', output, '--fail-on', 'none']);
  const sample: Sample & { code: number } = { wallMs: performance.now() - start, cpuMs: cpuMs(), code };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

async function engineSample(): Promise<Sample & { resources: number }> {
  const wall = performance.now();
  const cpu = cpuMs();
  const loaded = await loadHclDirectory(outDir, '.bench/hcl', { cwd: repo });
  const sample = { wallMs: performance.now() - wall, cpuMs: cpuMs() - cpu, resources: loaded.inventories.reduce((n, i) => n + i.resources.length, 0) };
  if (loaded.problems.length > 0) throw new Error(`the generated tree did not read cleanly: ${loaded.problems[0]!.message}`);
  return sample;
}

function endToEndSample(): Sample {
  const output = join(repo, '.bench', 'hcl-scan.json');
  const start = performance.now();
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', outDir, output], { cwd: repo, encoding: 'utf8' });
  const wallMs = performance.now() - start;
  const last = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !last.startsWith('{')) throw new Error(`warden scan failed: ${run.stderr.split('\n')[0]}`);
  const reported = JSON.parse(last) as Sample & { code: number };
  if (reported.code !== 0) throw new Error(`warden scan exited ${reported.code}`);
  // Wall time of the whole process (start-up included); CPU time as the process measured it.
  return { wallMs, cpuMs: reported.cpuMs };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') return child(argv[1]!, argv[2]!);
  const { mb, runs } = parseArgs(argv);
  const bytes = generateHclTree(outDir, mb);
  const files = readdirSync(outDir).filter((f) => f.endsWith('.tf')).length + 1;
  const size = bytes / (1024 * 1024);
  console.log(`generated ${size.toFixed(2)} MB of .tf in ${files} files under ${outDir} (${availableParallelism()} CPUs)`);
  const rate = (ms: number): string => `${(size / (ms / 1000)).toFixed(2)} MB/s`;
  const report = (label: string, samples: Sample[]): number => {
    const wall = median(samples.map((s) => s.wallMs));
    const cpu = median(samples.map((s) => s.cpuMs));
    console.log(`${label}: wall ${wall.toFixed(0)} ms → ${rate(wall)}; CPU ${cpu.toFixed(0)} ms → ${rate(cpu)} (median of ${samples.length})`);
    return wall;
  };

  let resources = 0;
  const cold = await engineSample(); // the first run also compiles: JIT and WebAssembly
  report('engine, first run in this process', [cold]);
  const samples: Sample[] = [];
  for (let run = 0; run < runs; run++) {
    const sample = await engineSample();
    resources = sample.resources;
    samples.push(sample);
  }
  report('engine, warm', samples);
  console.log(`resources: ${resources}`);
  const endToEnd = report('end to end (fresh `warden scan` process, every policy, JSON output)', Array.from({ length: runs }, endToEndSample));
  const ok = size / (endToEnd / 1000) >= 1;
  console.log(`budget ≥ 1 MB/s end to end (wall): ${ok ? 'met' : 'not met'}`);
}

await main();
