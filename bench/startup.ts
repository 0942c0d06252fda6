/**
 * `npm run bench:startup [-- --runs N]`
 *
 * Start-up time of the commands DESIGN §7 budgets (`warden --version` and `warden policies`, each
 * ≤ 120 ms), in fresh processes, with bare Node (`node -e ""`) as the reference. The commands take
 * turns run by run (after two warm-up rounds), so a change in the machine's load hits all of them
 * alike. Prints the median wall-clock time, and the median CPU time (user + system, what the process
 * itself spends, which a busy shared machine disturbs far less) with its difference from bare Node:
 * that difference is what warden adds.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BUDGET_MS = 120;
const WARM_UP_ROUNDS = 2;
const bin = fileURLToPath(new URL('../../bin/warden.js', import.meta.url));
const cpuReporter = fileURLToPath(new URL('../../bench/cpu-usage-on-exit.cjs', import.meta.url));

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

/** Wall-clock and CPU milliseconds of one run; a run that fails stops the bench (a broken command has no start-up time). */
function timeOnce(args: string[]): { wall: number; cpu: number } {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['-r', cpuReporter, ...args], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuMicros = Number(String(run.output[3] ?? ''));
  if (run.status !== 0 || !Number.isFinite(cpuMicros) || cpuMicros <= 0) {
    process.stderr.write(`bench:startup: node ${args.join(' ')} exited ${run.status ?? run.signal}: ${(run.stderr ?? '').split('\n')[0]}\n`);
    process.exit(1);
  }
  return { wall, cpu: cpuMicros / 1000 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const runs = parseRuns(process.argv.slice(2));
const times = commands.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
for (let round = 0; round < WARM_UP_ROUNDS + runs; round++) {
  commands.forEach((command, i) => {
    const time = timeOnce(command.args);
    if (round < WARM_UP_ROUNDS) return;
    times[i]!.wall.push(time.wall);
    times[i]!.cpu.push(time.cpu);
  });
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const referenceCpu = median(times[0]!.cpu);
console.log(`start-up, ${runs} interleaved runs each (budget ${BUDGET_MS} ms wall-clock, DESIGN §7)`);
console.log(`${'command'.padEnd(20)}${'wall'.padStart(10)}${'CPU'.padStart(10)}${'CPU - node'.padStart(12)}`);
commands.forEach((command, i) => {
  const wall = median(times[i]!.wall);
  const cpu = median(times[i]!.cpu);
  const added = cpu - referenceCpu;
  const verdict = command.budgeted ? (wall <= BUDGET_MS ? '  within budget' : '  over budget') : '  (reference)';
  console.log(`${command.label.padEnd(20)}${ms(wall).padStart(10)}${ms(cpu).padStart(10)}${`${added >= 0 ? '+' : ''}${ms(added)}`.padStart(12)}${verdict}`);
});
