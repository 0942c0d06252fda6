/**
 * `npm run bench:serve [-- --rounds N]`
 *
 * A bounded load test of `warden serve` on 127.0.0.1 (an ephemeral port): a fixed number of requests
 * with autocannon for (1) a small plan and (2) a request of 1,000 resources, each run three times, with the
 * server's resident memory (from its own /metrics) before, between and after: flat memory means later
 * rounds end where the first did. Prints throughput and p50/p99 latency per scenario.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const bin = fileURLToPath(new URL('../../bin/warden.js', import.meta.url));
const smallPlan = readFileSync(fileURLToPath(new URL('../../test/fixtures/plans/format-1.2-modules.json', import.meta.url)), 'utf8');

/** 1,000 resources a portal might ask for at once: security groups, VPCs, subnets and buckets. */
function largeRequest(): string {
  const resources = [];
  for (let i = 0; i < 250; i++) {
    const tags = { Environment: 'prod', Owner: `team-${i % 7}` };
    resources.push({ type: 'aws_vpc', name: `vpc_${i}`, values: { cidr_block: `10.${i % 250}.0.0/16`, tags } });
    resources.push({ type: 'aws_subnet', name: `subnet_${i}`, values: { cidr_block: `10.${i % 250}.1.0/24`, tags }, references: { vpc_id: [`aws_vpc.vpc_${i}`] } });
    resources.push({
      type: 'aws_security_group',
      name: `sg_${i}`,
      values: { name: `sg-${i}`, tags, ingress: [{ from_port: i % 2 ? 443 : 22, to_port: i % 2 ? 443 : 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }] },
      references: { vpc_id: [`aws_vpc.vpc_${i}`] },
    });
    resources.push({ type: 'aws_s3_bucket', name: `bucket_${i}`, values: { bucket: `bucket-${i}`, tags } });
  }
  return JSON.stringify({ resources });
}

async function start(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [bin, 'serve', '--listen', '127.0.0.1:0', '--workers', '2', '--queue', '64'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`warden serve exited ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function rssMb(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const bytes = Number(/^warden_process_resident_memory_bytes (\d+)/m.exec(text)?.[1]);
  return Math.round(bytes / 1024 / 1024);
}

/** Runs `amount` requests; the time is from start to the last response (autocannon itself reports whole seconds). */
async function load(url: string, body: string, amount: number, connections: number): Promise<{ result: autocannon.Result; seconds: number }> {
  const started = performance.now();
  let last = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = { url: `${url}/v1/evaluate`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body, amount, connections };
    const instance = autocannon(options, (error: unknown, done: autocannon.Result) => (error ? reject(error) : resolve(done)));
    instance.on('response', () => (last = performance.now()));
  });
  return { result, seconds: (last - started) / 1000 };
}

const roundsAt = process.argv.indexOf('--rounds');
const ROUNDS = roundsAt === -1 ? 3 : Math.max(1, Number(process.argv[roundsAt + 1]) || 3);
const server = await start();
try {
  const scenarios = [
    { label: `small plan (${Buffer.byteLength(smallPlan)} B)`, body: smallPlan, amount: 2000, connections: 8 },
    { label: '1,000-resource request', body: largeRequest(), amount: 100, connections: 4 },
  ];
  process.stdout.write(`warden serve on ${server.url}: RSS at start ${await rssMb(server.url)} MB\n`);
  for (const s of scenarios) {
    await load(server.url, s.body, Math.min(20, s.amount), 2); // warm-up: JIT, workers' first evaluations
    const before = await rssMb(server.url);
    const rounds = [];
    const rss = [];
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push(await load(server.url, s.body, s.amount, s.connections));
      rss.push(await rssMb(server.url));
    }
    for (const [i, { result: r, seconds }] of rounds.entries()) {
      const bad = r.non2xx + r.errors + r.timeouts;
      process.stdout.write(
        `${s.label}, round ${i + 1}: ${r.requests.total} requests in ${seconds.toFixed(1)} s, ${(r.requests.total / seconds).toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${bad} not 2xx\n`,
      );
    }
    process.stdout.write(`${s.label}: RSS ${before} MB before, then after each round ${rss.map((m) => `${m} MB`).join(', ')}\n`);
  }
} finally {
  server.stop();
}
