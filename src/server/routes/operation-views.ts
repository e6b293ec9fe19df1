import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listDecisions } from '../../operations/decision-history.js';
import { operationGeography } from '../../operations/geography.js';
import { operationTimeline } from '../../operations/timeline.js';
import { requireRole, SECURED } from '../auth.js';
import type { ServerContext } from '../context.js';
import { operationWithinCeiling } from '../tlp.js';
import { parseWith } from '../validate.js';

const operationId = z.string().regex(/^op-[0-9a-f]{10}$/, 'must be an operation id (op-…)');
const idParams = z.strictObject({ id: operationId });
const decisionsQuery = z.strictObject({
  operationId: operationId.optional(),
  active: z.enum(['true', 'false']).optional(),
});

const tag = { tags: ['operations'], security: SECURED };

/** An operation's timeline, map and decision history: the operation page's other views. */
export async function operationViewRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const db = ctx.store.db;

  app.get(
    '/api/operations/:id/timeline',
    {
      preHandler: [requireRole('partner', 'operations:read'), operationWithinCeiling(db)],
      schema: { ...tag, summary: 'Reports and losses per day (per week beyond 90 days).' },
    },
    async (req) => operationTimeline(db, parseWith(idParams, req.params, 'the path').id),
  );

  app.get(
    '/api/operations/:id/geography',
    {
      preHandler: [requireRole('partner', 'operations:read'), operationWithinCeiling(db)],
      schema: {
        ...tag,
        summary: "Victims' countries, and where its phones, banks and sites point (infrastructure origins).",
      },
    },
    async (req) => operationGeography(db, parseWith(idParams, req.params, 'the path').id),
  );

  app.get(
    '/api/link-decisions',
    {
      preHandler: requireRole('analyst'),
      schema: {
        ...tag,
        summary:
          "Analysts' merges, splits, not-linked pairs and exclusions; for an operation, those involving its reports.",
      },
    },
    async (req) => {
      const q = parseWith(decisionsQuery, req.query, 'the query');
      const active = q.active === undefined ? undefined : q.active === 'true';
      return { decisions: await listDecisions(db, { operationId: q.operationId, active }) };
    },
  );
}
