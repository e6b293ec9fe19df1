import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { interpretQuery } from '../../search/interpret.js';
import { findValues } from '../../search/lookup.js';
import { ceilingOfRequest, requireRole, SECURED } from '../auth.js';
import type { ServerContext } from '../context.js';
import { parseWith } from '../validate.js';

const searchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, 'type a value to search for (a phone number, domain, URL, e-mail, wallet…)')
    .max(300, 'search for one value of at most 300 characters'),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'a two-letter country code (ISO 3166-1), the region of national phone numbers')
    .optional(),
});

/** Search by any indicator value, typed as a victim would type it. */
export async function searchRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.get(
    '/api/search',
    {
      preHandler: requireRole('partner', 'operations:read'),
      schema: {
        tags: ['search'],
        security: SECURED,
        summary:
          'Find reports and operations by a value typed as a victim would ("(844) 207-3311" finds +18442073311).',
      },
    },
    async (req) => {
      const { q, country } = parseWith(searchQuery, req.query, 'the query');
      const interpretations = interpretQuery(q, country?.toUpperCase());
      return {
        query: q,
        interpretations,
        matches: await findValues(ctx.store.db, interpretations, ceilingOfRequest(req)),
      };
    },
  );
}
