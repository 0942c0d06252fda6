/**
 * Child process of the benchmark: runs `warden ARGS` through the CLI's own `main()` and prints, as
 * its last stdout line, the time from the call to its end (file read, parse, policies, every report
 * rendered and written), the CPU time of all its threads (GC helpers included) in that span, the
 * same two for the whole process (Node start-up and module loading included), and its peak RSS.
 */
import { createRequire } from 'node:module';

// What bin/warden.js runs: the CLI bundle `npm run build` writes (scripts/build-cli.mjs), not dist/src,
// loaded the same way (bin/load-cli.js: code cache, V8 flags).
const { loadCli } = createRequire(import.meta.url)('../../bin/load-cli.js') as { loadCli: () => { cli: typeof import('../src/cli/main.js') } };
const { main } = loadCli().cli;

const started = performance.now();
const cpu = process.cpuUsage();
const code = await main(process.argv.slice(2));
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
const total = process.cpuUsage();
const cpuMs = (used.user + used.system) / 1000;
const processCpuMs = (total.user + total.system) / 1000;
// performance.now() counts from the process's time origin, i.e. its start.
process.stdout.write(`\n${JSON.stringify({ ms, cpuMs, processMs: performance.now(), processCpuMs, code, maxRssKb: process.resourceUsage().maxRSS })}\n`);
