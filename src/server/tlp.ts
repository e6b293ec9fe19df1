import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { markingsOf } from '../cases/markings.js';
import { NotFoundError } from '../core/errors.js';
import { tlpAllows } from '../core/tlp.js';
import type { Database } from '../store/schema.js';
import { ceilingOfRequest } from './auth.js';

/**
 * A preHandler for `/…/:id` routes of operations: an operation marked above the caller's TLP ceiling is
 * answered as if it did not exist (404), so its id alone tells a partner nothing.
 */
export function operationWithinCeiling(db: Kysely<Database>) {
  return async (request: FastifyRequest): Promise<void> => {
    const ceiling = ceilingOfRequest(request);
    if (ceiling === 'red') return;
    const id = (request.params as { id?: unknown }).id;
    if (typeof id !== 'string') return;
    const marking = (await markingsOf(db, [id])).get(id)!;
    if (!tlpAllows(ceiling, marking)) throw new NotFoundError(`no operation ${id}`);
  };
}
