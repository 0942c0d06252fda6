import type { FastifyInstance } from 'fastify';
import { evaluateOnce } from './evaluate-once.js';
import { fetchPlanJson, sendTaskResult } from './run-task-client.js';
import { VERIFICATION_TOKEN, readRunTaskPayload, type RunTaskPayload } from './run-task-payload.js';
import { taskErrorBody, taskResultBody } from './run-task-result.js';
import { validTaskSignature } from './run-task-signature.js';
import type { ServeContext } from './serve-context.js';

/**
 * POST /v1/run-task: the HCP Terraform run task integration. The request is authenticated by its
 * HMAC signature, answered 200 at once, and the run is evaluated afterwards; its result is PATCHed
 * to the run's callback URL.
 */
export function registerRunTaskRoute(app: FastifyInstance, context: ServeContext): void {
  app.post('/v1/run-task', async (request, reply) => {
    const runTask = context.runTask;
    if (!runTask) return reply.code(404).send({ error: 'run tasks are not enabled (start with --run-task-hmac-key-file)' });
    const body = request.body as string;
    if (!validTaskSignature(body, request.headers['x-tfc-task-signature'] as string | undefined, runTask.hmacKey)) {
      context.metrics.errors.inc({ kind: 'run-task' });
      return reply.code(401).send({ error: 'X-Tfc-Task-Signature does not match the body under the configured HMAC key' });
    }
    let payload: RunTaskPayload;
    try {
      payload = readRunTaskPayload(body);
    } catch (error) {
      return reply.code(400).send({ error: (error as Error).message });
    }
    // The test request HCP Terraform sends when the run task is created: accepted, nothing to evaluate.
    if (payload.accessToken === VERIFICATION_TOKEN) return reply.code(200).send({ status: 'verified' });
    void handleRun(context, payload, request.id);
    return reply.code(200).send({ status: 'accepted', runId: payload.runId });
  });
}

async function handleRun(context: ServeContext, payload: RunTaskPayload, requestId: string): Promise<void> {
  const hcp = context.runTask!.hcp;
  let result: unknown;
  try {
    if (!payload.planJsonUrl) throw new Error(`no plan JSON in the ${payload.stage} stage: attach the run task at post_plan`);
    const plan = await fetchPlanJson(payload.planJsonUrl, payload.accessToken, hcp);
    const evaluated = await evaluateOnce(context, plan, payload.runId, { requestId, caller: `run-task:${payload.runId}`, endpoint: 'run-task' });
    result = evaluated.ok ? taskResultBody(evaluated.outcome, payload.runAppUrl) : taskErrorBody(evaluated.reason);
  } catch (error) {
    context.metrics.errors.inc({ kind: 'run-task' });
    result = taskErrorBody((error as Error).message.split('\n')[0]!);
  }
  try {
    await sendTaskResult(payload.callbackUrl, payload.accessToken, result, hcp);
  } catch (error) {
    context.metrics.errors.inc({ kind: 'run-task' });
    context.log(`run task ${payload.runId}: ${(error as Error).message.split('\n')[0]}`);
  }
}
