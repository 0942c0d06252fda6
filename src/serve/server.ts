import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { ActivePolicies } from './active-policies.js';
import { AuditLog } from './audit-log.js';
import { isLoopbackHost, type TokenEntry } from './auth.js';
import { AdmissionGate, type ServeLimits } from './limits.js';
import { ServeMetrics } from './metrics.js';
import type { PolicySetModule, PolicySource } from './policy-set.js';
import { reloadNow, watchForReload } from './reload.js';
import { registerEvaluateRoute } from './routes-evaluate.js';
import { registerInfoRoutes } from './routes-info.js';
import { registerRunTaskRoute } from './routes-run-task.js';
import type { HcpClientOptions } from './run-task-client.js';
import type { ServeContext } from './serve-context.js';

export interface ServeOptions {
  host: string;
  port: number;
  source: PolicySource;
  /** Loads policy sets (the CLI supplies it), here and, by the URL of the same module, in each worker. */
  loader: PolicySetModule;
  loaderUrl: string;
  tokens: readonly TokenEntry[] | undefined;
  auditLogPath: string | undefined;
  auditLogMaxBytes?: number;
  limits: ServeLimits;
  runTask: { hmacKey: string; hcp: HcpClientOptions } | undefined;
  log: (line: string) => void;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  reload(): Promise<{ ok: boolean }>;
  close(): Promise<void>;
}

/** A refusal to start: the CLI prints it as one line and exits 2. */
export class ServeSetupError extends Error {}

/**
 * Starts `warden serve`: loads the policy set and its workers first (a bad config or policy stops
 * the start), then listens. Without tokens it listens on loopback only: a decision service on the
 * network must know who asks.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  if (options.tokens === undefined && !isLoopbackHost(options.host)) {
    throw new ServeSetupError(`--listen ${options.host}: a non-loopback address needs --token-file (callers must authenticate)`);
  }
  // The loader's errors come from its own copy of our classes (it runs unbundled): passed on by message.
  const active = await ActivePolicies.start(options.loader, { loaderUrl: options.loaderUrl, source: options.source }, options.limits.workers).catch((error: unknown) => {
    throw new ServeSetupError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  });
  let audit: AuditLog | undefined;
  try {
    audit = options.auditLogPath ? await AuditLog.open(options.auditLogPath, options.auditLogMaxBytes) : undefined;
  } catch (error) {
    await active.close();
    throw new ServeSetupError(`--audit-log: ${(error as Error).message}`);
  }
  const context: ServeContext = {
    active,
    limits: options.limits,
    admission: new AdmissionGate(options.limits.workers + options.limits.queue),
    tokens: options.tokens,
    audit,
    metrics: new ServeMetrics(),
    runTask: options.runTask,
    log: options.log,
  };
  const app = buildApp(context);
  const stopWatching = watchForReload(active, context);
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    stopWatching();
    await active.close();
    throw new ServeSetupError(`cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    app,
    reload: () => reloadNow(active, context),
    async close() {
      stopWatching();
      await app.close();
      await active.close();
      await audit?.close();
    },
  };
}

function buildApp(context: ServeContext): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: context.limits.bodyLimit,
    genReqId: () => randomUUID(),
    // While closing (SIGTERM), new requests get 503 and running evaluations finish.
    return503OnClosing: true,
  });
  // Bodies stay text: a plan is parsed by the plan engine (in a worker) with the reasons `warden scan`
  // gives, and a run task's signature covers the exact bytes.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'application/vnd.api+json'], { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) context.log(`internal error: ${error.message.split('\n')[0]}`);
    const reason = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? `the body is larger than ${context.limits.bodyLimit} bytes: scan large plans with \`warden scan\`` : status === 500 ? 'internal error' : error.message.split('\n')[0];
    void reply.code(status).send({ error: reason });
  });
  app.setNotFoundHandler((request, reply) => void reply.code(404).send({ error: `no such endpoint: ${request.method} ${request.url.split('?')[0]}` }));
  app.addHook('onResponse', async (request, reply) => {
    context.metrics.requests.inc({ route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) });
  });
  registerInfoRoutes(app, context);
  registerEvaluateRoute(app, context);
  registerRunTaskRoute(app, context);
  return app;
}
