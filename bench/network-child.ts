/**
 * Child process of bench/network.ts: loads a plan with the plan engine, then times the network model
 * alone — building `networkOf(inventory)` (VPC, gateway, route-table, NACL and database indexes) and
 * solving every database's path from the internet — and prints it as a JSON line.
 */
import { readFileSync } from 'node:fs';
import { parsePlanText } from '../src/engines/plan/load-plan.js';
import { networkOf } from '../src/network/network-view.js';

const { inventory } = parsePlanText(readFileSync(process.argv[2]!, 'utf8'), process.argv[2]!);
const started = performance.now();
const cpu = process.cpuUsage();
const network = networkOf(inventory);
const verdicts: Record<string, number> = { reachable: 0, unreachable: 0, unknown: 0 };
for (const db of network.databases) verdicts[network.exposureOf(db).status]!++;
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
process.stdout.write(`${JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, databases: network.databases.length, ...verdicts, maxRssKb: process.resourceUsage().maxRSS })}\n`);
