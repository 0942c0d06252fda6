/**
 * Child process of the benchmark: runs `warden ARGS` through the CLI's own `main()` and prints, as
 * its last stdout line, the time from the call to its end (file read, parse, policies, every report
 * rendered and written), the CPU time of all its threads (GC helpers included) in that span, and
 * the process's peak RSS. Module loading before the call is not counted.
 */
import { main } from '../src/cli/main.js';

const started = performance.now();
const cpu = process.cpuUsage();
const code = await main(process.argv.slice(2));
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
const cpuMs = (used.user + used.system) / 1000;
process.stdout.write(`\n${JSON.stringify({ ms, cpuMs, code, maxRssKb: process.resourceUsage().maxRSS })}\n`);
