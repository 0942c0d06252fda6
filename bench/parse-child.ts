/**
 * Child process of the benchmark: reads FILE as text, then times `JSON.parse` on it alone, in a fresh
 * process like the scan it is compared with. Prints the time, the CPU time and the peak RSS as a JSON line.
 */
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2]!, 'utf8');
const started = performance.now();
const cpu = process.cpuUsage();
const parsed: unknown = JSON.parse(text);
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
const cpuMs = (used.user + used.system) / 1000;
process.stdout.write(`${JSON.stringify({ ms, cpuMs, ok: typeof parsed === 'object', maxRssKb: process.resourceUsage().maxRSS })}\n`);
