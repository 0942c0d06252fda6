import type { FastifyReply, FastifyRequest } from 'fastify';
import { callerOf } from './auth.js';
import type { ServeContext } from './serve-context.js';

/** The caller's name, or undefined after answering 401 (a missing or unknown bearer token). */
export function authenticate(request: FastifyRequest, reply: FastifyReply, context: ServeContext): string | undefined {
  if (context.tokens === undefined) return 'anonymous';
  const caller = callerOf(request.headers.authorization, context.tokens);
  if (caller === undefined) {
    void reply.code(401).header('WWW-Authenticate', 'Bearer realm="warden"').send({ error: 'a valid bearer token is required (Authorization: Bearer TOKEN)' });
  }
  return caller;
}
