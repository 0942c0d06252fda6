/**
 * `npm run bench:hostile` (`node dist/bench/hostile-budgets.js` after `npm run build`)
 *
 * DESIGN §8 "Work is bounded": each hostile input a pull request could carry is generated into
 * .bench/hostile/ and scanned by the built CLI (`bin/warden.js`, every built-in policy, JSON output)
 * under `/usr/bin/time -v`, one fresh process each. The table gives wall time and peak RSS per input
 * against the budget (under 10 s, under 1 GB), the exit code, and the coverage gap or unknown that
 * the input turned into. Nothing here is a unit test: the figures depend on the machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repo } from './measure.js';

const outDir = join(repo, '.bench', 'hostile');
const WALL_BUDGET_S = 10;
const RSS_BUDGET_MB = 1024;

interface HostileInput {
  name: string;
  /** Files of the input, relative to its own directory. */
  files: Record<string, string>;
  /** What to scan, relative to the input's directory (default: the directory). */
  scan?: string;
  extraArgs?: string[];
}

const bucket = (name: string, expr: string): string => `resource "aws_s3_bucket" "${name}" {\n  bucket = "${name}"\n  tags   = { n = ${expr} }\n}\n`;

/** `{"a":{"a":…{"port":22}}}`, `depth` levels: JSON.parse reads it; a recursive JSONPath walk would not. */
const deepJson = (depth: number): string => `${'{"a":'.repeat(depth)}{"port":22}${'}'.repeat(depth)}`;

const INPUTS: HostileInput[] = [
  {
    name: 'catastrophic regex',
    files: {
      'main.tf': `locals {\n  s = "${'a'.repeat(50_000)}!"\n}\n${bucket('a', 'length(regexall("(a+)+$", local.s))')}${bucket('b', 'replace(local.s, "/(a|aa)+$/", "x")')}${bucket('c', 'can(regex("^(a*)*b$", local.s))')}`,
    },
  },
  { name: 'count explosion', files: { 'main.tf': 'resource "aws_s3_bucket" "x" {\n  count = 100000000\n}\n' } },
  {
    name: 'for_each explosion',
    files: { 'main.tf': 'resource "aws_s3_bucket" "x" {\n  for_each = toset([for p in setproduct(range(1000), range(1000), range(10)) : join("-", p)])\n}\n' },
  },
  { name: 'setproduct explosion', files: { 'main.tf': bucket('x', 'length(setproduct(range(1000), range(1000), range(1000)))') } },
  { name: 'nested for', files: { 'main.tf': bucket('x', 'length(flatten([for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]]))') } },
  {
    name: 'string doubling',
    files: {
      'main.tf': `locals {\n  s0 = "${'x'.repeat(64)}"\n${Array.from({ length: 40 }, (_, i) => `  s${i + 1} = "\${local.s${i}}\${local.s${i}}"`).join('\n')}\n}\n${bucket('x', 'length(local.s40)')}`,
    },
  },
  {
    name: 'module fan-out',
    files: {
      'main.tf': 'module "a" {\n  source = "./a"\n  count  = 1000\n}\n',
      'a/main.tf': 'module "b" {\n  source = "../b"\n  count  = 1000\n}\n',
      'b/main.tf': 'resource "aws_s3_bucket" "x" {\n  count  = 1000\n  bucket = "b"\n}\n',
    },
  },
  {
    name: 'deep JSON for JSONPath',
    files: {
      'plan.json': `{"format_version":"1.2","resource_changes":[{"address":"aws_lb_listener.deep","mode":"managed","type":"aws_lb_listener","name":"deep","change":{"actions":["create"],"after":{"port":443,"nested":${deepJson(100_000)}},"after_unknown":{}}}]}`,
      'policies/port-22.policy.yaml': [
        'id: no-port-22',
        'title: port 22 anywhere in a listener',
        'severity: high',
        'description: A recursive JSONPath over every value of the resource.',
        'remediation: Remove it.',
        'resourceTypes: [aws_lb_listener]',
        'failWhen:',
        '  path: $.values..port',
        '  equals: 22',
        'message: "{{address}} has port 22"',
        '',
      ].join('\n'),
    },
    scan: 'plan.json',
    extraArgs: ['--policy-dir', 'policies'],
  },
  {
    name: 'slow input (time budget 3 s)',
    // Well under the element budget (100 000 short results) but about 20 s of hashing 100 KB each time: the time budget stops it.
    files: { 'main.tf': `locals {\n  k = "${'k'.repeat(100_000)}"\n}\n${bucket('x', 'length([for a in range(100) : [for b in range(1000) : md5(local.k)]])')}` },
    extraArgs: ['--time-budget', '3'],
  },
];

interface Measured {
  wallS: number;
  rssMb: number;
  code: number;
  outcome: string;
}

function writeInput(input: HostileInput): string {
  const dir = join(outDir, input.name.replace(/[^a-z0-9]+/gi, '-'));
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(input.files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** `/usr/bin/time -v` prints `Elapsed (wall clock) time (h:mm:ss or m:ss): 0:01.23`. */
function wallSeconds(report: string): number {
  const text = /Elapsed \(wall clock\) time.*: (\S+)/.exec(report)?.[1] ?? 'NaN';
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

function measure(input: HostileInput): Measured {
  const dir = writeInput(input);
  const output = join(dir, 'report.json');
  const args = ['-v', process.execPath, join(repo, 'bin', 'warden.js'), 'scan', input.scan ?? '.', '--format', 'json', '--output', output, '--fail-on', 'none', ...(input.extraArgs ?? [])];
  const run = spawnSync('/usr/bin/time', args, { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const rssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? NaN);
  return { wallS: wallSeconds(run.stderr), rssMb: rssKb / 1024, code: run.status ?? -1, outcome: outcomeOf(output, run.stderr) };
}

/** What the input became: its first coverage gap, else its first unknown finding. */
function outcomeOf(output: string, stderr: string): string {
  let report: { coverage?: { gaps?: { message: string }[] }; findings?: { verdict: string; reason?: string; message: string }[] };
  try {
    report = JSON.parse(readFileSync(output, 'utf8'));
  } catch {
    return `no report: ${stderr.split('\n').find((line) => line.startsWith('warden:')) ?? stderr.split('\n')[0]}`;
  }
  const gap = report.coverage?.gaps?.[0]?.message;
  if (gap) return `gap: ${gap}`;
  const unknown = report.findings?.find((f) => f.verdict === 'unknown');
  if (unknown) return `unknown: ${unknown.reason ?? unknown.message}`;
  return `${report.findings?.length ?? 0} findings, no gap`;
}

const shorten = (text: string, max = 110): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function main(): void {
  mkdirSync(outDir, { recursive: true });
  const rows: string[] = ['| input | wall | peak RSS | exit | verdict | became |', '|---|---|---|---|---|---|'];
  let over = 0;
  for (const input of INPUTS) {
    const m = measure(input);
    const ok = m.wallS < WALL_BUDGET_S && m.rssMb < RSS_BUDGET_MB;
    if (!ok) over++;
    rows.push(`| ${input.name} | ${m.wallS.toFixed(2)} s | ${m.rssMb.toFixed(0)} MB | ${m.code} | ${ok ? 'PASS' : 'OVER'} | ${shorten(m.outcome).replaceAll('|', '\\|')} |`);
    process.stderr.write(`${input.name}: ${m.wallS.toFixed(2)} s, ${m.rssMb.toFixed(0)} MB\n`);
  }
  process.stdout.write(`Hostile inputs, built CLI under /usr/bin/time -v (budget: under ${WALL_BUDGET_S} s and ${RSS_BUDGET_MB} MB each)\n\n${rows.join('\n')}\n`);
  if (over > 0) process.exitCode = 1;
}

main();
