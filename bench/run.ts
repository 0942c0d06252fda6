/**
 * `npm run bench [-- --only small,plan,network,hcl,inventory] [--sizes 1000,10000,100000]
 *                   [--network-sizes 10000,100000] [--runs N] [--regenerate] [--profile]`
 *
 * Every performance budget of DESIGN §7 in one table (docs/performance.md explains the figures):
 * - small: the bundled modules-repo plan, end to end in a fresh process (start-up included) ≤ 400 ms;
 * - plan: generated plans (bench/generate-plan.ts) of 1k, 10k and 100k resources;
 * - network: network-heavy plans (bench/generate-network-plan.ts) of 10k and 100k resources;
 * - inventory: a saved live inventory of 10k resources (bench/generate-inventory.ts);
 * - hcl: 1 MB of generated `.tf` (bench/generate-hcl.ts), end to end, ≥ 1 MB/s.
 * For plans and inventories: `JSON.parse` alone on the file and a full `warden scan` (every built-in
 * policy; JSON to --output; SARIF, console, JUnit, Markdown and GitHub annotations to --report
 * files), each in a fresh process; their ratio (wall and CPU time), the growth from one size to the
 * next, and the scan's peak RSS against 4× the file + 100 MB. Each measurement is repeated (--runs)
 * and reported as best / median: other work on a shared machine slows some runs, and CPU time (all
 * threads, GC included) is the steadier.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { GROWTH_PER_RESOURCE, HCL_MB_PER_S, LARGE_PLAN_RESOURCES, PARSE_RATIO, SMALL_PLAN_MS, growthVerdict, rssBudget, verdict } from './budgets.js';
import { generateHclTree } from './generate-hcl.js';
import { generateInventory } from './generate-inventory.js';
import { generateNetworkPlan } from './generate-network-plan.js';
import { generatePlan } from './generate-plan.js';
import { OUTPUT_EXTENSIONS, benchDir, countResourceChanges, label, mb, repo, runChild, scanAllOutputsArgs, spread, type ChildReport, type Spread } from './measure.js';

/** Bump one when its generator's output changes, so stale files in .bench/ are regenerated. */
const VERSION = { plan: 1, network: 1, inventory: 4 };
const SECTIONS = ['small', 'plan', 'network', 'inventory', 'hcl'] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  only: Section[];
  sizes: number[];
  networkSizes: number[];
  runs?: number;
  regenerate: boolean;
  profile: boolean;
}

/** One scanned file: `JSON.parse` alone against the full scan, each a spread over the runs. */
interface Row {
  series: 'plan' | 'network' | 'inventory';
  label: string;
  resources: number;
  fileBytes: number;
  parse: Spread;
  scan: Spread;
  parseCpu: Spread;
  scanCpu: Spread;
  rssBytes: number;
  findings: number;
  outputs: string;
  odd: string[];
}

function parseOptions(argv: string[]): Options {
  const options: Options = { only: [...SECTIONS], sizes: [1000, 10_000, 100_000], networkSizes: [10_000, 100_000], regenerate: false, profile: false };
  const sizes = (value: string | undefined, flag: string): number[] => {
    const list = (value ?? '').split(',').map((s) => Number(s.trim()));
    if (list.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`${flag}: positive integers, comma-separated`);
    return list;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--sizes') options.sizes = sizes(argv[++i], arg);
    else if (arg === '--network-sizes') options.networkSizes = sizes(argv[++i], arg);
    else if (arg === '--runs') options.runs = sizes(argv[++i], arg)[0];
    else if (arg === '--regenerate') options.regenerate = true;
    else if (arg === '--profile') options.profile = true;
    else if (arg === '--only') {
      const only = (argv[++i] ?? '').split(',');
      const bad = only.find((s) => !(SECTIONS as readonly string[]).includes(s));
      if (bad !== undefined) throw new Error(`--only: one or more of ${SECTIONS.join(', ')} (not "${bad}")`);
      options.only = only as Section[];
    } else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

/** Generates a file once (or again with --regenerate); the generators' own counts are re-derived from the text. */
function ensureFile(name: string, regenerate: boolean, generate: (path: string) => void): string {
  const path = join(benchDir, name);
  if (regenerate || !existsSync(path)) {
    const started = performance.now();
    process.stdout.write(`generating ${relative(repo, path)} … `);
    generate(path);
    process.stdout.write(`${mb(statSync(path).size)} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return path;
}

function scanArgs(input: string, outputs: string): string[] {
  return scanAllOutputsArgs(relative(repo, input), outputs);
}

async function measureFile(series: Row['series'], size: number, path: string, runs: number): Promise<Row> {
  const outputs = relative(repo, join(benchDir, 'out', `${series}-${label(size)}`));
  mkdirSync(join(benchDir, 'out'), { recursive: true });
  const parses: ChildReport[] = [];
  const scans: ChildReport[] = [];
  for (let i = 0; i < runs; i++) {
    parses.push(await runChild('parse-child.js', [path]));
    scans.push(await runChild('scan-child.js', scanArgs(path, outputs)));
  }
  const report = JSON.parse(readFileSync(join(repo, `${outputs}.json`), 'utf8')) as { summary?: { findings?: number }; inputs?: { resources?: number }[] };
  return {
    series,
    label: `${series} ${label(size)}`,
    resources: report.inputs?.[0]?.resources ?? (series === 'inventory' ? size : countResourceChanges(readFileSync(path, 'utf8'))),
    fileBytes: statSync(path).size,
    parse: spread(parses.map((p) => p.ms)),
    scan: spread(scans.map((s) => s.ms)),
    parseCpu: spread(parses.map((p) => p.cpuMs)),
    scanCpu: spread(scans.map((s) => s.cpuMs)),
    rssBytes: Math.max(...scans.map((s) => s.maxRssKb * 1024)),
    findings: report.summary?.findings ?? -1,
    outputs: OUTPUT_EXTENSIONS.map((ext) => `${ext} ${mb(statSync(join(repo, `${outputs}.${ext}`)).size)}`).join(', '),
    odd: scans.flatMap((s) => (s.stderr !== undefined ? [`exit ${s.code}: ${s.stderr}`] : [])),
  };
}

const ms = (s: Spread): string => `${s.best.toFixed(0)} / ${s.median.toFixed(0)} ms`;
const times = (a: Spread, b: Spread): string => `${(a.best / b.best).toFixed(2)}× / ${(a.median / b.median).toFixed(2)}×`;

function table(rows: Row[]): string {
  const header = ['input', 'resources', 'file', 'JSON.parse', 'scan, all outputs', 'ratio (wall)', 'ratio (CPU)', 'ratio ≤ 2 (CPU / wall)', 'peak RSS', 'RSS budget', 'findings'];
  const lines = rows.map((r) => {
    const budget = rssBudget(r.fileBytes);
    const large = r.series !== 'inventory' && r.resources >= LARGE_PLAN_RESOURCES;
    // The ratio and memory budgets are those of a large plan; for smaller inputs the figures are shown in parentheses.
    const scoped = (ok: boolean): string => (large ? verdict(ok) : `(${verdict(ok)})`);
    // Judged at the median on each clock: CPU time is the primary evidence on a busy machine, wall time what a user sees.
    const ratios = `${scoped(r.scanCpu.median / r.parseCpu.median <= PARSE_RATIO)} / ${scoped(r.scan.median / r.parse.median <= PARSE_RATIO)}`;
    return [
      r.label, String(r.resources), mb(r.fileBytes), ms(r.parse), ms(r.scan), times(r.scan, r.parse), times(r.scanCpu, r.parseCpu),
      ratios, mb(r.rssBytes), `${mb(budget)} ${scoped(r.rssBytes <= budget)}`, String(r.findings),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

function growth(rows: Row[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!];
    if (a.series !== b.series) continue;
    const n = b.resources / a.resources;
    out.push(
      `growth ${a.label} → ${b.label}: scan wall ${growthVerdict(n, b.scan.median / a.scan.median)}; ` +
        `CPU ${growthVerdict(n, b.scanCpu.median / a.scanCpu.median)}; JSON.parse alone ×${(b.parse.median / a.parse.median).toFixed(2)}`,
    );
  }
  return out;
}

async function smallPlan(runs: number): Promise<string> {
  const plan = join(repo, 'fixtures', 'modules-repo', 'plan.json');
  const samples: ChildReport[] = [];
  for (let i = 0; i < runs; i++) samples.push(await runChild('scan-child.js', scanArgs(plan, relative(repo, join(benchDir, 'out', 'small')))));
  const wall = spread(samples.map((s) => s.wallMs));
  const cpu = spread(samples.map((s) => s.processCpuMs ?? Number.NaN));
  return (
    `small plan (fixtures/modules-repo/plan.json, ${(statSync(plan).size / 1024).toFixed(0)} KB, mapped to its .tf sources), fresh process end to end, all outputs: ` +
    `wall ${ms(wall)}, CPU ${ms(cpu)} (best / median of ${runs}); budget ≤ ${SMALL_PLAN_MS} ms (median): CPU ${verdict(cpu.median <= SMALL_PLAN_MS)}, wall ${verdict(wall.median <= SMALL_PLAN_MS)}`
  );
}

async function hcl(runs: number): Promise<string> {
  const dir = join(benchDir, 'hcl');
  const bytes = generateHclTree(dir, 1);
  const size = bytes / (1024 * 1024);
  const samples: ChildReport[] = [];
  const output = relative(repo, join(benchDir, 'out', 'hcl.json'));
  for (let i = 0; i < runs; i++) samples.push(await runChild('scan-child.js', ['scan', relative(repo, dir), '--format', 'json', '--output', output, '--fail-on', 'none']));
  const wall = spread(samples.map((s) => s.wallMs));
  const cpu = spread(samples.map((s) => s.processCpuMs ?? Number.NaN));
  const rate = (t: number): string => `${(size / (t / 1000)).toFixed(2)} MB/s`;
  return (
    `hcl (${size.toFixed(2)} MB of .tf), fresh process end to end, every policy, JSON output: wall ${ms(wall)} → ${rate(wall.best)} / ${rate(wall.median)}; ` +
    `CPU ${ms(cpu)} → ${rate(cpu.best)} / ${rate(cpu.median)}; budget ≥ ${HCL_MB_PER_S} MB/s (median): CPU ${verdict(size / (cpu.median / 1000) >= HCL_MB_PER_S)}, wall ${verdict(size / (wall.median / 1000) >= HCL_MB_PER_S)}`
  );
}

async function run(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  mkdirSync(benchDir, { recursive: true });
  const has = (section: Section): boolean => options.only.includes(section);
  const runsFor = (size: number): number => options.runs ?? (size >= 50_000 ? 2 : 3);
  const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');
  const startLoad = load();
  const lines: string[] = [];
  const rows: Row[] = [];

  if (has('small')) lines.push(await smallPlan(options.runs ?? 5));
  if (has('plan')) {
    for (const size of options.sizes) {
      const path = ensureFile(`plan-${label(size)}.v${VERSION.plan}.json`, options.regenerate, (p) => generatePlan(p, size));
      rows.push(await measureFile('plan', size, path, runsFor(size)));
      process.stdout.write(`measured ${rows.at(-1)!.label}\n`);
    }
  }
  if (has('network')) {
    for (const size of options.networkSizes) {
      const path = ensureFile(`network-${label(size)}.v${VERSION.network}.json`, options.regenerate, (p) => generateNetworkPlan(p, size));
      rows.push(await measureFile('network', size, path, runsFor(size)));
      process.stdout.write(`measured ${rows.at(-1)!.label}\n`);
    }
  }
  if (has('inventory')) {
    const path = ensureFile(`inventory-10k.v${VERSION.inventory}.json`, options.regenerate, (p) => generateInventory(repo, p, 10_000));
    rows.push(await measureFile('inventory', 10_000, path, options.runs ?? 3));
  }
  if (has('hcl')) lines.push(await hcl(options.runs ?? 3));

  const out = process.stdout;
  out.write(`\n${table(rows)}\n\n`);
  for (const line of [...growth(rows), ...lines]) out.write(`${line}\n`);
  for (const row of rows) out.write(`outputs of ${row.label}: ${row.outputs}${row.odd.length ? `; unexpected: ${row.odd.join(' | ')}` : ''}\n`);
  out.write(
    `\nFigures are best / median of the runs, each in a fresh process. JSON.parse = JSON.parse alone on the file's text (read beforehand);\n` +
      `scan = from the CLI's main() to its end (read, parse, policies, all six outputs written; module loading before main() excluded);\n` +
      `ratio (CPU) = the same two spans in CPU time of all threads (GC helpers included): steadier than wall time when other work shares the machine.\n` +
      `Budgets (DESIGN §7), for plans of ≥ ${LARGE_PLAN_RESOURCES / 1000}k resources: ratio ≤ ${PARSE_RATIO} (judged on each clock's median), peak RSS ≤ 4× file + 100 MB;\n` +
      `(PASS)/(OVER) in parentheses: the same test on a smaller input or an inventory, for information (start-up and fixed costs dominate there);\n` +
      `growth ≤ ${GROWTH_PER_RESOURCE}× per resource; small plan ≤ ${SMALL_PLAN_MS} ms; HCL ≥ ${HCL_MB_PER_S} MB/s.\n` +
      `Node ${process.version}, ${cpus().length} CPUs; load average before ${startLoad}, after ${load()}.\n`,
  );
  if (options.profile) {
    const largest = Math.max(...options.sizes);
    const dir = join(benchDir, 'profiles');
    mkdirSync(dir, { recursive: true });
    const plan = join(benchDir, `plan-${label(largest)}.v${VERSION.plan}.json`);
    await runChild('scan-child.js', scanArgs(plan, relative(repo, join(benchDir, 'out', `${label(largest)}-profiled`))), ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
    out.write(`CPU profile of the plan ${label(largest)} scan written to ${relative(repo, dir)}/\n`);
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
