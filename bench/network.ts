/**
 * `npm run build && node dist/bench/network.js [--sizes 10000,100000] [--runs N] [--regenerate]`
 *
 * The network-heavy benchmark of issue 3: generates plans of hundreds to thousands of VPCs
 * (bench/generate-network-plan.ts) into .bench/ and, per size, prints the median time of
 * `JSON.parse` alone, of a full `warden scan` with every built-in policy and all outputs (JSON, SARIF, console,
 * JUnit, Markdown, GitHub), their ratio, the time of the network model alone (index + every database's path), and
 * the growth factors from one size to the next (DESIGN §7: 10× resources → ≤ 12× time). Each
 * measurement runs in a fresh child process (the children of bench/run.ts plus network-child.ts).
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateNetworkPlan } from './generate-network-plan.js';
import { benchDir, countResourceChanges, label, mb, repo, runChild, scanAllOutputsArgs, spread, type ChildReport } from './measure.js';

/** Bump when the generated plans change, so stale files in .bench/ are regenerated. */
const GENERATOR_VERSION = 1;

interface Measured {
  label: string;
  resources: number;
  fileBytes: number;
  parseMs: number;
  scanMs: number;
  networkMs: number;
  rssBytes: number;
  databases: string;
  findings: string;
}

function options(argv: string[]): { sizes: number[]; runs: number; regenerate: boolean } {
  const out = { sizes: [10_000, 100_000], runs: 3, regenerate: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sizes') out.sizes = argv[++i]!.split(',').map(Number);
    else if (argv[i] === '--runs') out.runs = Number(argv[++i]);
    else if (argv[i] === '--regenerate') out.regenerate = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (out.sizes.some((s) => !Number.isInteger(s) || s < 1) || !(out.runs >= 1)) throw new Error('--sizes: positive integers; --runs: at least 1');
  return out;
}

const median = (values: number[]): number => spread(values).median;

function ensurePlan(size: number, regenerate: boolean): { path: string; resources: number } {
  const path = join(benchDir, `network-${label(size)}.v${GENERATOR_VERSION}.json`);
  if (regenerate || !existsSync(path)) {
    process.stdout.write(`generating ${relative(repo, path)} … `);
    const resources = generateNetworkPlan(path, size);
    process.stdout.write(`${resources} resources, ${mb(statSync(path).size)}\n`);
    return { path, resources };
  }
  return { path, resources: countResourceChanges(readFileSync(path, 'utf8')) };
}

async function measure(size: number, runs: number, regenerate: boolean): Promise<Measured> {
  const { path, resources } = ensurePlan(size, regenerate);
  const plan = relative(repo, path);
  const outputs = relative(repo, join(benchDir, 'out', `network-${label(size)}`));
  mkdirSync(join(benchDir, 'out'), { recursive: true });
  const parses: number[] = [];
  const scans: ChildReport[] = [];
  const networks: ChildReport[] = [];
  for (let i = 0; i < runs; i++) {
    parses.push((await runChild('parse-child.js', [path])).ms);
    scans.push(await runChild('scan-child.js', scanAllOutputsArgs(plan, outputs)));
    networks.push(await runChild('network-child.js', [path]));
  }
  const report = JSON.parse(readFileSync(join(repo, `${outputs}.json`), 'utf8')) as { findings: { ruleId: string; verdict: string }[] };
  const count = (rule: string, verdict: string): number => report.findings.filter((f) => f.ruleId === rule && f.verdict === verdict).length;
  const last = networks[networks.length - 1]!;
  return {
    label: label(size),
    resources,
    fileBytes: statSync(path).size,
    parseMs: median(parses),
    scanMs: median(scans.map((s) => s.ms)),
    networkMs: median(networks.map((n) => n.ms)),
    rssBytes: Math.max(...scans.map((s) => s.maxRssKb * 1024)),
    databases: `${last['databases']} (${last['reachable']} reachable, ${last['unreachable']} not, ${last['unknown']} unknown)`,
    findings: `db-internet-reachable ${count('db-internet-reachable', 'fail')} fail/${count('db-internet-reachable', 'unknown')} unknown, db-publicly-accessible ${count('db-publicly-accessible', 'fail')} fail`,
  };
}

async function run(): Promise<void> {
  const { sizes, runs, regenerate } = options(process.argv.slice(2));
  mkdirSync(benchDir, { recursive: true });
  const rows: Measured[] = [];
  for (const size of sizes) {
    const row = await measure(size, runs, regenerate);
    rows.push(row);
    process.stdout.write(
      `${row.label}: ${row.resources} resources, ${mb(row.fileBytes)}; JSON.parse ${row.parseMs.toFixed(0)} ms; scan (all policies, all outputs) ` +
        `${row.scanMs.toFixed(0)} ms = ${(row.scanMs / row.parseMs).toFixed(2)}× JSON.parse; network model ${row.networkMs.toFixed(0)} ms; ` +
        `peak RSS ${mb(row.rssBytes)}\n  databases ${row.databases}; ${row.findings}\n`,
    );
  }
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    const n = b.resources / a.resources;
    process.stdout.write(
      `growth ${a.label} → ${b.label}: resources ×${n.toFixed(2)}, scan ×${(b.scanMs / a.scanMs).toFixed(2)}, network model ×${(b.networkMs / a.networkMs).toFixed(2)}, ` +
        `JSON.parse ×${(b.parseMs / a.parseMs).toFixed(2)} (budget: scan ≤ ${(1.2 * n).toFixed(1)}×)\n`,
    );
  }
  process.stdout.write(`medians of ${runs} runs, each in a fresh process; Node ${process.version}\n`);
}

run().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
