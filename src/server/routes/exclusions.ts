import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { INDICATOR_KINDS } from '../../core/indicator-kinds.js';
import { storableText } from '../../core/report-input.js';
import { listExclusions, previewExclusion } from '../../operations/exclusions.js';
import { requireRole, SECURED } from '../auth.js';
import type { ServerContext } from '../context.js';
import { parseWith } from '../validate.js';

const previewBody = z.strictObject({
  kind: z.enum(INDICATOR_KINDS),
  value: z.string().trim().pipe(storableText(2048)),
});

const tag = { tags: ['exclusions'], security: SECURED };

/** The block / inform lists: what never links, and a preview of what excluding a value would split. */
export async function exclusionRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const db = ctx.store.db;

  app.get(
    '/api/exclusions',
    {
      preHandler: requireRole('analyst'),
      schema: {
        ...tag,
        summary: 'The shipped common values (block / inform) and analysts’ exclusions in force.',
      },
    },
    async () => listExclusions(db),
  );

  app.post(
    '/api/exclusions/preview',
    {
      preHandler: requireRole('analyst'),
      schema: {
        ...tag,
        summary: 'What excluding a value would split: its operations reclustered with and without it.',
      },
    },
    async (req) => {
      const body = parseWith(previewBody, req.body);
      return previewExclusion(db, body.kind, body.value);
    },
  );
}
