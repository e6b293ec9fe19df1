import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DragnetError } from '../core/errors.js';

/** The request carries no valid credentials for a protected endpoint. */
export class UnauthorizedError extends DragnetError {
  override readonly status = 401;
  override readonly code = 'unauthorized';
}

/**
 * Reading reports exposes victims' personal data. Until user accounts exist, reads need the operator's
 * token (DRAGNET_API_TOKEN) as `Authorization: Bearer …`; without a configured token reads are closed.
 */
export function requireOperator(token: string | undefined) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!token)
      throw new UnauthorizedError('reading reports is disabled: set DRAGNET_API_TOKEN to enable it');
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      throw new UnauthorizedError('send the operator token as "Authorization: Bearer <token>"');
    }
  };
}
