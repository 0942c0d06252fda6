/**
 * `npm run bench:startup [-- --runs N]`
 *
 * Start-up time of the commands DESIGN §7 budgets (`warden --version` and `warden policies`, each
 * ≤ 120 ms), each run N times (default 20) in a fresh process after two warm-up runs, with bare Node
 * (`node -e ""`) as the reference: on a busy machine Node's own start moves every number, and the
 * difference is what warden adds. Prints the median and the fastest run of each.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BUDGET_MS = 120;
const WARM_UP_RUNS = 2;
const bin = fileURLToPath(new URL('../../bin/warden.js', import.meta.url));

const commands: { label: string; args: string[]; budgeted: boolean }[] = [
  { label: 'node -e ""', args: ['-e', ''], budgeted: false },
  { label: 'warden --version', args: [bin, '--version'], budgeted: true },
  { label: 'warden policies', args: [bin, 'policies'], budgeted: true },
];

function parseRuns(argv: string[]): number {
  const at = argv.indexOf('--runs');
  if (at === -1) return 20;
  const runs = Number(argv[at + 1]);
  if (!Number.isInteger(runs) || runs < 1) {
    process.stderr.write(`bench:startup: --runs: "${argv[at + 1] ?? ''}" is not a positive whole number\n`);
    process.exit(2);
  }
  return runs;
}

/** Wall-clock milliseconds of one run; a run that fails stops the bench (a broken command has no start-up time). */
function timeOnce(args: string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) {
    process.stderr.write(`bench:startup: node ${args.join(' ')} exited ${run.status ?? run.signal}: ${run.stderr.split('\n')[0]}\n`);
    process.exit(1);
  }
  return elapsed;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const runs = parseRuns(process.argv.slice(2));
console.log(`start-up, ${runs} runs each (budget ${BUDGET_MS} ms, DESIGN §7)`);
console.log(`${'command'.padEnd(20)}${'median'.padStart(10)}${'fastest'.padStart(10)}`);
for (const command of commands) {
  for (let i = 0; i < WARM_UP_RUNS; i++) timeOnce(command.args);
  const times = Array.from({ length: runs }, () => timeOnce(command.args));
  const mid = median(times);
  const verdict = command.budgeted ? (mid <= BUDGET_MS ? '  within budget' : '  over budget') : '  (reference)';
  console.log(`${command.label.padEnd(20)}${`${mid.toFixed(1)} ms`.padStart(10)}${`${Math.min(...times).toFixed(1)} ms`.padStart(10)}${verdict}`);
}
