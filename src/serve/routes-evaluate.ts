import type { FastifyInstance } from 'fastify';
import { evaluateOnce } from './evaluate-once.js';
import { authenticate } from './request-auth.js';
import type { ServeContext } from './serve-context.js';

/** POST /v1/evaluate: a plan or a resource request in, a decision and the JSON report out. */
export function registerEvaluateRoute(app: FastifyInstance, context: ServeContext): void {
  app.post('/v1/evaluate', async (request, reply) => {
    const caller = authenticate(request, reply, context);
    if (caller === undefined) return reply;
    const result = await evaluateOnce(context, request.body as string, 'request', { requestId: request.id, caller, endpoint: 'evaluate' });
    if (!result.ok) {
      if (result.retryAfter !== undefined) void reply.header('Retry-After', String(result.retryAfter));
      return reply.code(result.status).send({ error: result.reason });
    }
    const { outcome } = result;
    // The report was serialised in the worker: it is spliced in, not parsed and written again.
    const head = JSON.stringify({ decision: outcome.decision, requestId: request.id, policySet: result.policySet });
    return reply.type('application/json; charset=utf-8').send(`${head.slice(0, -1)},"report":${outcome.reportJson.trimEnd()}}`);
  });
}
