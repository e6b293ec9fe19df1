import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ConflictError } from '../../core/errors.js';
import { reportInputSchema, storableText } from '../../core/report-input.js';
import { unstorableJson } from '../../core/validate.js';
import {
  addReportVersion,
  annotateReport,
  getReport,
  type IntakeVia,
  type SpamSignal,
  type StoreOutcome,
} from '../../store/reports.js';
import { requireRole, SECURED } from '../auth.js';
import type { ServerContext } from '../context.js';
import { parseWith } from '../validate.js';

/** Largest batch accepted by `POST /api/reports/batch`. */
export const MAX_BATCH = 1000;
const SINGLE_BODY_LIMIT = 128 * 1024;
const BATCH_BODY_LIMIT = 16 * 1024 * 1024;

const reportJsonSchema = z.toJSONSchema(reportInputSchema, { unrepresentable: 'any', io: 'input' });
const idParams = { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] };
const errorSchema = {
  type: 'object',
  properties: {
    error: { type: 'string' },
    message: { type: 'string' },
    issues: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
    existingId: { type: 'string' },
  },
};

const annotationSchema = z.strictObject({
  kind: z.enum(['note', 'correction', 'status']),
  author: storableText(200).optional(),
  // Kept in jsonb: what PostgreSQL would refuse (NUL, lone surrogates) is a 400 here, not a 500 there.
  body: z.record(z.string(), z.unknown()).superRefine((body, ctx) => {
    const problem = unstorableJson(body, 32);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
});

/** The portal's pages say where a report came from; every other caller is the API. */
export const INTAKE_HEADER = 'x-dragnet-intake';
/** The portal forwards its hidden form field here: people never see it, so only bots fill it. */
export const HONEYPOT_HEADER = 'x-dragnet-honeypot';

const portalHeaders = {
  type: 'object',
  properties: {
    [INTAKE_HEADER]: { type: 'string', enum: ['portal'], description: 'sent by the public portal' },
    [HONEYPOT_HEADER]: {
      type: 'string',
      description: "the portal's hidden field; a non-empty value stores the report as suspected spam",
    },
  },
};

function intakeOf(request: FastifyRequest): IntakeVia {
  return request.headers[INTAKE_HEADER] === 'portal' ? 'portal' : 'api';
}

function spamSignalOf(request: FastifyRequest): SpamSignal | undefined {
  const value = request.headers[HONEYPOT_HEADER];
  const filled = (Array.isArray(value) ? value.join(' ') : (value ?? '')).trim();
  if (!filled) return undefined;
  return {
    reason: 'honeypot',
    detail: `the hidden form field was filled (${JSON.stringify(filled.slice(0, 80))})`,
  };
}

function single(outcome: StoreOutcome) {
  if (outcome.status === 'conflict') throw new ConflictError(outcome.message, outcome.existingId);
  return outcome;
}

/** Report intake (`POST /api/reports`, `/batch`), reading, annotations and versions. */
export async function reportRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.post(
    '/api/reports',
    {
      bodyLimit: SINGLE_BODY_LIMIT,
      onRequest: app.publicLimit.reports,
      // Reports are their own append-only record (who, when, through which door): not audit rows.
      config: { audit: false },
      schema: {
        summary:
          'Submit one report (anonymous allowed, within per-address limits). Idempotent by externalId, or by content without one.',
        tags: ['intake'],
        headers: portalHeaders,
        body: reportJsonSchema,
        response: {
          200: {
            description: 'already stored (same externalId and content)',
            type: 'object',
            properties: { id: { type: 'string' }, status: { type: 'string' } },
          },
          201: {
            description: 'stored',
            type: 'object',
            properties: { id: { type: 'string' }, status: { type: 'string' } },
          },
          400: errorSchema,
          409: errorSchema,
          413: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const [input] = ctx.intake.validate([request.body], false);
      const outcome = await ctx.intake.submit(input!, intakeOf(request), {
        suspectedSpam: spamSignalOf(request),
      });
      const result = single(outcome);
      return reply.status(result.status === 'created' ? 201 : 200).send(result);
    },
  );

  app.post(
    '/api/reports/batch',
    {
      bodyLimit: BATCH_BODY_LIMIT,
      onRequest: app.publicLimit.reports,
      config: { audit: false },
      schema: {
        summary: `Submit up to ${MAX_BATCH} reports at once. All are validated first: one invalid record stores none.`,
        tags: ['intake'],
        headers: portalHeaders,
        body: {
          type: 'object',
          properties: { reports: { type: 'array', maxItems: MAX_BATCH, items: reportJsonSchema } },
          required: ['reports'],
        },
        response: {
          200: {
            description: 'nothing new: every report was already stored',
            type: 'object',
            additionalProperties: true,
          },
          201: {
            description: 'stored; `results` gives each report its status and id',
            type: 'object',
            additionalProperties: true,
          },
          400: errorSchema,
          413: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const body = parseWith(
        z.strictObject({ reports: z.array(z.unknown()).min(1).max(MAX_BATCH) }),
        request.body,
      );
      const inputs = ctx.intake.validate(body.reports, true);
      const outcomes = await ctx.intake.store(inputs, intakeOf(request), {
        suspectedSpam: spamSignalOf(request),
      });
      const results = outcomes.map((o, index) => ({ index, ...o }));
      const created = outcomes.filter((o) => o.status === 'created').length;
      return reply.status(created > 0 ? 201 : 200).send({
        created,
        duplicates: outcomes.filter((o) => o.status === 'duplicate').length,
        conflicts: outcomes.filter((o) => o.status === 'conflict').length,
        results,
      });
    },
  );

  const analyst = requireRole('analyst');
  app.get(
    '/api/reports/:id',
    {
      preHandler: analyst,
      schema: {
        summary: 'Read a stored report, its annotations and versions (analysts).',
        tags: ['reports'],
        params: idParams,
        security: SECURED,
      },
    },
    async (request) => getReport(ctx.store.db, (request.params as { id: string }).id),
  );

  app.post(
    '/api/reports/:id/annotations',
    {
      preHandler: analyst,
      bodyLimit: SINGLE_BODY_LIMIT,
      schema: {
        summary: 'Add a note or correction; the report is never changed.',
        tags: ['reports'],
        params: idParams,
        security: SECURED,
      },
    },
    async (request, reply) => {
      const a = parseWith(annotationSchema, request.body);
      const id = await annotateReport(ctx.store.db, (request.params as { id: string }).id, a);
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/reports/:id/versions',
    {
      preHandler: analyst,
      bodyLimit: SINGLE_BODY_LIMIT,
      schema: {
        summary: 'Store a corrected version beside the original.',
        tags: ['reports'],
        params: idParams,
        body: reportJsonSchema,
        security: SECURED,
      },
    },
    async (request, reply) => {
      const [input] = ctx.intake.validate([request.body], false);
      const v = await addReportVersion(
        ctx.store.db,
        ctx.queue,
        (request.params as { id: string }).id,
        input!,
        new Date(),
        'api',
      );
      return reply.status(201).send(v);
    },
  );
}
