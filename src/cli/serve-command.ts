import { readFileSync } from 'node:fs';
import { readTokenFile } from '../serve/auth.js';
import { DEFAULT_LIMITS, type ServeLimits } from '../serve/limits.js';
import { DEFAULT_HCP_ORIGINS } from '../serve/run-task-client.js';
import { ServeSetupError, startServer } from '../serve/server.js';
import type { PolicySourceFlags } from './policy-flags.js';
import { loadPolicySet } from './serve-policies.js';
import { writeStderrLine } from './stderr-line.js';
import { UsageError } from './usage-error.js';

export interface ServeFlags extends PolicySourceFlags {
  listen: string;
  config?: string;
  tokenFile?: string;
  auditLog?: string;
  auditLogMaxBytes: string;
  bodyLimit: string;
  workers: string;
  queue: string;
  timeout: string;
  runTaskHmacKeyFile?: string;
  hcpOrigin?: string[];
  maxPlanBytes: string;
  inventory?: string[];
}

/** `warden serve`: runs until SIGTERM or SIGINT, then closes gracefully (running evaluations finish). */
export async function serveCommand(flags: ServeFlags): Promise<number> {
  const { host, port } = parseListen(flags.listen);
  const limits: ServeLimits = {
    bodyLimit: count(flags.bodyLimit, '--body-limit', DEFAULT_LIMITS.bodyLimit),
    workers: count(flags.workers, '--workers', DEFAULT_LIMITS.workers),
    queue: count(flags.queue, '--queue', DEFAULT_LIMITS.queue, 0),
    timeoutMs: count(flags.timeout, '--timeout', DEFAULT_LIMITS.timeoutMs),
  };
  const cwd = process.cwd();
  let server;
  try {
    server = await startServer({
      host,
      port,
      source: { cwd, ...(flags.config ? { config: flags.config } : {}), ...(flags.policyDir ? { policyDir: flags.policyDir } : {}), ...(flags.policyPackage ? { policyPackage: flags.policyPackage } : {}), ...(flags.inventory ? { inventories: flags.inventory } : {}) },
      // The same module, compiled: the workers import it (from dist/src, beside the CLI bundle).
      loader: { loadPolicySet },
      loaderUrl: new URL('./serve-policies.js', import.meta.url).href,
      tokens: flags.tokenFile ? tokensFrom(flags.tokenFile) : undefined,
      auditLogPath: flags.auditLog,
      auditLogMaxBytes: count(flags.auditLogMaxBytes, '--audit-log-max-bytes', 64 * 1024 * 1024),
      limits,
      runTask: flags.runTaskHmacKeyFile
        ? {
            hmacKey: readSecret(flags.runTaskHmacKeyFile),
            hcp: { allowedOrigins: (flags.hcpOrigin ?? DEFAULT_HCP_ORIGINS).map(origin), maxPlanBytes: count(flags.maxPlanBytes, '--max-plan-bytes', 50 * 1024 * 1024), timeoutMs: limits.timeoutMs },
          }
        : undefined,
      log: (line) => writeStderrLine(`serve: ${line}`),
    });
  } catch (error) {
    if (error instanceof ServeSetupError) throw new UsageError(error.message);
    throw error;
  }
  process.stdout.write(`warden serve: listening on ${server.url} (policy set ready)\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  await server.close();
  return 0;
}

function parseListen(value: string): { host: string; port: number } {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:\s]+):(\d{1,5})$/.exec(value);
  const port = Number(match?.[2]);
  if (!match || port > 65535) throw new UsageError(`--listen ${value}: expected HOST:PORT, e.g. 127.0.0.1:8080`);
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port };
}

function count(value: string, flag: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} ${value}: expected a whole number ≥ ${min}`);
  return n;
}

function readSecret(path: string): string {
  let key: string;
  try {
    key = readFileSync(path, 'utf8').trim();
  } catch (error) {
    throw new UsageError(`${path}: cannot read the HMAC key file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (key === '') throw new UsageError(`${path}: the HMAC key file is empty`);
  return key;
}

function origin(value: string): string {
  try {
    const url = new URL(value);
    if (url.origin !== value.replace(/\/$/, '')) throw new Error();
    return url.origin;
  } catch {
    throw new UsageError(`--hcp-origin ${value}: expected an origin such as https://app.terraform.io`);
  }
}

function tokensFrom(path: string): ReturnType<typeof readTokenFile> {
  try {
    return readTokenFile(path);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
