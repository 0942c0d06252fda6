import type { FastifyInstance } from 'fastify';
import { openApiDocument } from './openapi.js';
import { authenticate } from './request-auth.js';
import type { ServeContext } from './serve-context.js';

/** Health, readiness, the policies in force, metrics and the API description. */
export function registerInfoRoutes(app: FastifyInstance, context: ServeContext): void {
  app.get('/healthz', async () => ({ status: 'ok' }));

  // Ready once a policy set is loaded and its workers evaluate: the server listens only after that.
  app.get('/readyz', async () => {
    const { set } = context.active.current;
    return { status: 'ready', policySet: set.digest, policies: set.policies.length };
  });

  app.get('/v1/policies', async (request, reply) => {
    if (authenticate(request, reply, context) === undefined) return reply;
    const { set } = context.active.current;
    return { policySet: set.digest, failOn: set.gate.failOn, unknown: set.gate.unknown, policies: set.policies };
  });

  app.get('/v1/inventories', async (request, reply) => {
    if (authenticate(request, reply, context) === undefined) return reply;
    const { set } = context.active.current;
    const inventories = [...set.inventories].map(([id, saved]) => ({
      id,
      source: saved.details['source'] ?? 'unknown',
      ...(saved.details['collectedAt'] ? { collectedAt: saved.details['collectedAt'] } : {}),
      targets: saved.inventories.map((inventory) => inventory.input),
      resources: saved.inventory.resources.length,
      gaps: saved.gaps.length,
    }));
    return { inventories };
  });

  app.get('/metrics', async (request, reply) => {
    if (authenticate(request, reply, context) === undefined) return reply;
    return reply.type(context.metrics.registry.contentType).send(await context.metrics.registry.metrics());
  });

  app.get('/openapi.json', async () => openApiDocument());
}
