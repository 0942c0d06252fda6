/**
 * `npm run bench [-- --sizes 1000,10000,50000] [--runs N] [--regenerate] [--profile]`
 *
 * Generates realistic plans (bench/generate-plan.ts) into .bench/ and, per size, prints the median
 * time of `JSON.parse` alone on the file, the median time of a full `warden scan` with every built-in
 * policy and all outputs (JSON to --output; SARIF, console, JUnit, Markdown and GitHub annotations
 * to --report files), their ratio and the scan's peak RSS, against the budgets of DESIGN §7 (ratio ≤ 2, RSS ≤ 4× file + 100 MB, 10× resources
 * → ≤ 12× time). Each measurement runs in a fresh child process. `--profile` also writes a CPU
 * profile of one scan of the largest plan to .bench/profiles/.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePlan } from './generate-plan.js';

/** Bump when the generated plans change, so stale files in .bench/ are regenerated. */
const GENERATOR_VERSION = 1;
const repo = fileURLToPath(new URL('../../', import.meta.url));
const benchDir = join(repo, '.bench');
const childDir = fileURLToPath(new URL('./', import.meta.url));

interface Options {
  sizes: number[];
  runs?: number;
  regenerate: boolean;
  profile: boolean;
}

interface ChildResult {
  ms: number;
  /** CPU time of all the child's threads (GC helpers included): steadier than wall time on a busy machine. */
  cpuMs: number;
  maxRssKb: number;
  code?: number;
  wallMs: number;
  /** The first stderr line, kept when the scan did not end with 0 or 1. */
  stderr?: string;
}

interface Row {
  label: string;
  resources: number;
  fileBytes: number;
  parseMs: number;
  scanMs: number;
  parseCpuMs: number;
  scanCpuMs: number;
  wallMs: number;
  rssBytes: number;
  findings: number;
  outputs: string;
  codes: number[];
  errors: string[];
}

function parseOptions(argv: string[]): Options {
  const options: Options = { sizes: [1000, 10_000, 50_000], regenerate: false, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--sizes') options.sizes = argv[++i]!.split(',').map((s) => Number(s.trim()));
    else if (arg === '--runs') options.runs = Number(argv[++i]);
    else if (arg === '--regenerate') options.regenerate = true;
    else if (arg === '--profile') options.profile = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (options.sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error('--sizes: positive integers, comma-separated');
  return options;
}

const label = (size: number): string => (size % 1000 === 0 ? `${size / 1000}k` : String(size));

function runChild(script: string, args: string[], nodeFlags: string[] = []): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeFlags, join(childDir, script), ...args], {
      cwd: repo,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        const result = JSON.parse(last) as Omit<ChildResult, 'wallMs'>;
        const odd = result.code !== undefined && result.code !== 0 && result.code !== 1;
        resolve({ ...result, wallMs, ...(odd ? { stderr: stderr.trim().split('\n')[0] ?? '' } : {}) });
      } catch {
        reject(new Error(`${script} ${args.join(' ')} ended with ${signal ?? `exit ${code}`}: ${stderr.trim().split('\n').slice(0, 3).join(' | ')}`));
      }
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function ensurePlan(size: number, regenerate: boolean): { path: string; resources: number } {
  const path = join(benchDir, `plan-${label(size)}.v${GENERATOR_VERSION}.json`);
  if (regenerate || !existsSync(path)) {
    const started = performance.now();
    process.stdout.write(`generating ${relative(repo, path)} … `);
    const resources = generatePlan(path, size);
    process.stdout.write(`${resources} resources, ${mb(statSync(path).size)} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return { path, resources };
  }
  const text = readFileSync(path, 'utf8');
  let resources = 0;
  for (let i = text.indexOf('"change":{"actions"'); i !== -1; i = text.indexOf('"change":{"actions"', i + 1)) resources++;
  return { path, resources };
}

function scanArgs(plan: string, outputs: string): string[] {
  const rel = relative(repo, plan);
  const reports = [`sarif=${outputs}.sarif`, `console=${outputs}.txt`, `junit=${outputs}.junit.xml`, `markdown=${outputs}.md`, `github=${outputs}.github.txt`];
  return ['scan', rel, '--format', 'json', '--output', `${outputs}.json`, ...reports.flatMap((report) => ['--report', report])];
}

async function measure(size: number, options: Options): Promise<Row> {
  const { path, resources } = ensurePlan(size, options.regenerate);
  const runs = options.runs ?? (size >= 50_000 ? 3 : 5);
  const outputs = join(benchDir, 'out', label(size));
  mkdirSync(join(benchDir, 'out'), { recursive: true });
  const parses: ChildResult[] = [];
  const scans: ChildResult[] = [];
  for (let i = 0; i < runs; i++) {
    parses.push(await runChild('parse-child.js', [path]));
    scans.push(await runChild('scan-child.js', scanArgs(path, relative(repo, outputs))));
  }
  const report = JSON.parse(readFileSync(`${outputs}.json`, 'utf8')) as { summary?: { findings?: number } };
  const outputSizes = ['json', 'sarif', 'txt'].map((ext) => `${ext} ${mb(statSync(`${outputs}.${ext}`).size)}`).join(', ');
  return {
    label: label(size),
    resources,
    fileBytes: statSync(path).size,
    parseMs: median(parses.map((p) => p.ms)),
    scanMs: median(scans.map((s) => s.ms)),
    parseCpuMs: median(parses.map((p) => p.cpuMs)),
    scanCpuMs: median(scans.map((s) => s.cpuMs)),
    wallMs: median(scans.map((s) => s.wallMs)),
    rssBytes: Math.max(...scans.map((s) => s.maxRssKb * 1024)),
    findings: report.summary?.findings ?? -1,
    outputs: outputSizes,
    codes: scans.map((s) => s.code ?? -1),
    errors: scans.flatMap((s) => (s.stderr ? [s.stderr] : [])),
  };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function table(rows: Row[]): string {
  const header = ['size', 'resources', 'file', 'JSON.parse', 'scan (all outputs)', 'ratio', 'CPU ratio', 'child wall', 'peak RSS', 'RSS budget', 'findings'];
  const lines = rows.map((r) => {
    const budget = 4 * r.fileBytes + 100 * 1024 * 1024;
    return [
      r.label, String(r.resources), mb(r.fileBytes), `${r.parseMs.toFixed(0)} ms`, `${r.scanMs.toFixed(0)} ms`, `${(r.scanMs / r.parseMs).toFixed(2)}×`,
      `${(r.scanCpuMs / r.parseCpuMs).toFixed(2)}×`,
      `${r.wallMs.toFixed(0)} ms`, mb(r.rssBytes), `${mb(budget)} ${r.rssBytes <= budget ? 'ok' : 'OVER'}`, String(r.findings),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

function growth(rows: Row[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    const resources = b.resources / a.resources;
    const time = b.scanMs / a.scanMs;
    // Budget: 10× resources → ≤ 12× time, i.e. time may grow 1.2× faster than resources.
    out.push(`growth ${a.label} → ${b.label}: resources ×${resources.toFixed(1)}, scan time ×${time.toFixed(1)} (per resource ×${(time / resources).toFixed(2)}; budget ≤ 1.20)`);
  }
  return out;
}

async function run(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  mkdirSync(benchDir, { recursive: true });
  const rows: Row[] = [];
  for (const size of options.sizes) {
    const row = await measure(size, options);
    rows.push(row);
    process.stdout.write(`${row.label}: parse ${row.parseMs.toFixed(0)} ms, scan ${row.scanMs.toFixed(0)} ms, outputs ${row.outputs}\n`);
  }
  process.stdout.write(`\n${table(rows)}\n\n${growth(rows).join('\n')}\n`);
  const odd = rows.filter((r) => r.codes.some((c) => c !== 0 && c !== 1));
  for (const r of odd) process.stdout.write(`warning: ${r.label} scan exit codes ${r.codes.join(',')} (expected 0 or 1): ${r.errors.join(' | ')}\n`);
  process.stdout.write(`\nscan = time inside the scan process from main() to its end (read, parse, policies, JSON+SARIF+console written);\n`);
  process.stdout.write(`CPU ratio = the same two spans in CPU time of all threads (steadier when other work shares the machine);\n`);
  process.stdout.write(`child wall = the same process end to end, Node start-up and module loading included. Node ${process.version}.\n`);
  if (options.profile) {
    const largest = Math.max(...options.sizes);
    const { path } = ensurePlan(largest, false);
    const dir = join(benchDir, 'profiles');
    mkdirSync(dir, { recursive: true });
    await runChild('scan-child.js', scanArgs(path, relative(repo, join(benchDir, 'out', `${label(largest)}-profiled`))), ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    process.stdout.write(`CPU profile of the ${label(largest)} scan written to ${relative(repo, dir)}/\n`);
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
