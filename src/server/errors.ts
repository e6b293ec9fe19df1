import type { FastifyError, FastifyInstance } from 'fastify';
import { ConflictError, DragnetError, ValidationError } from '../core/errors.js';
import { isDatabaseUnavailable } from '../store/database.js';

/** Seconds a client is asked to wait before sending again while the database is unreachable. */
const UNAVAILABLE_RETRY_SECONDS = 5;

/** The body of every error answer: a stable code, a sentence that says what to fix, and details. */
export interface ErrorBody {
  error: string;
  message: string;
  issues?: Array<{ path: string; message: string }>;
  existingId?: string;
}

/** Turns every error into a precise JSON answer; unexpected ones are logged and never leak internals. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, request, reply) => {
    if (err instanceof DragnetError) {
      const body: ErrorBody = { error: err.code, message: err.message };
      if (err instanceof ValidationError) body.issues = err.issues;
      if (err instanceof ConflictError && err.existingId) body.existingId = err.existingId;
      return reply.status(err.status).send(body);
    }
    const fe = err as FastifyError;
    switch (fe.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply
          .status(400)
          .send({ error: 'malformed_json', message: `the body is not valid JSON: ${fe.message}` });
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.status(413).send({
          error: 'body_too_large',
          message: `the body is larger than this endpoint accepts (${request.routeOptions.bodyLimit ?? 'limit'} bytes); split it`,
        });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply
          .status(415)
          .send({ error: 'unsupported_media_type', message: 'send the body as application/json' });
      default:
        break;
    }
    if (isDatabaseUnavailable(err)) {
      request.log.warn({ err: err.message }, 'database unavailable');
      return reply.status(503).header('retry-after', String(UNAVAILABLE_RETRY_SECONDS)).send({
        error: 'database_unavailable',
        message:
          'the database cannot be reached just now (restarting or unreachable); send the request again in a few seconds',
      });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send({ error: 'bad_request', message: fe.message });
    }
    request.log.error({ err }, 'request failed');
    return reply.status(500).send({ error: 'internal', message: 'internal error; it has been logged' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url}` }),
  );
}
