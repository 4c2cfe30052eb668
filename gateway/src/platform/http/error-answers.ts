import type { FastifyError, FastifyInstance } from 'fastify';
import { HashingBusy } from '../auth/hash-slots.ts';
import { Refused } from '../../core/refused.ts';
import { errorBody, HttpError } from './errors.ts';

/** How a domain refusal is answered. */
const REFUSAL_STATUS = { 'not-found': 404, conflict: 409, invalid: 400 } as const;

/**
 * How every failure is answered, as one JSON body: the gateway's app and a test's app built from one
 * module share it. Call it on the root instance (error handlers are encapsulated).
 */
export function answerErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError | HashingBusy | Refused, request, reply) => {
    // Every route that hashes a password (sign-in, password changes, new users) is busy the same way.
    if (error instanceof HashingBusy) return reply.code(503).header('retry-after', '1').send(errorBody(503, error.message));
    // A domain refusal (a case or review that is not there, or not in a state that allows the change).
    if (error instanceof Refused)
      return reply.code(REFUSAL_STATUS[error.reason]).send(errorBody(REFUSAL_STATUS[error.reason], error.message));
    const status = error.statusCode ?? 500;
    // Our own HttpErrors say what the caller should know; other 5xx stay hidden.
    if (error instanceof HttpError) return reply.code(status).headers(error.headers).send(errorBody(status, error.message));
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(status).send(errorBody(status, 'Something went wrong; see the gateway log'));
    }
    const name = 'code' in error && typeof error.code === 'string' && !error.code.startsWith('FST_') ? error.code : undefined;
    return reply.code(status).send(errorBody(status, error.message, name));
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send(errorBody(404, `No route ${request.method} ${request.url}`)));
}
