import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { storableText } from '../../core/report-input.js';
import { reviewReport, triageQueue } from '../../triage/queue.js';
import { actorOf, requireRole, SECURED } from '../auth.js';
import type { ServerContext } from '../context.js';
import { parseWith } from '../validate.js';

const queueQuery = z.strictObject({
  status: z.enum(['new', 'confirmed', 'not_scam', 'all']).default('new'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
const reportParams = z.strictObject({ id: z.uuid('must be a report id (UUID)') });
const reviewBody = z.strictObject({
  status: z.enum(['confirmed', 'not_scam']),
  note: storableText(2000, 0).optional(),
});

const tag = { tags: ['triage'], security: SECURED };

/** The triage queue: processed reports by triage score, and analysts' reviews of them. */
export async function triageRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const db = ctx.store.db;

  app.get(
    '/api/triage',
    {
      preHandler: requireRole('analyst'),
      schema: {
        ...tag,
        summary: 'Processed reports, highest triage score first, then newest; new = not reviewed yet.',
      },
    },
    async (req) => triageQueue(db, parseWith(queueQuery, req.query, 'the query')),
  );

  app.post(
    '/api/reports/:id/review',
    {
      preHandler: requireRole('analyst'),
      schema: { ...tag, summary: 'Review a report: a tech support scam (confirmed) or not (not_scam).' },
    },
    async (req, reply) => {
      const { id } = parseWith(reportParams, req.params, 'the path');
      const body = parseWith(reviewBody, req.body);
      const r = await reviewReport(db, id, {
        status: body.status,
        author: actorOf(req),
        note: body.note ?? null,
      });
      return reply.status(201).send(r);
    },
  );
}
