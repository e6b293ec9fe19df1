import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { roleAllows } from '../../auth/roles.js';
import { markingsOf } from '../../cases/markings.js';
import { INDICATOR_KINDS, normaliseIndicator } from '../../core/indicator-kinds.js';
import { storableText } from '../../core/report-input.js';
import { decide, reportsOfOperations, revokeDecision } from '../../operations/decisions.js';
import { explainReports } from '../../operations/explain.js';
import {
  listOperations,
  operationDetail,
  operationGraph,
  operationIndicators,
  operationReports,
  reportsWithValue,
} from '../../operations/queries.js';
import { actorOf, ceilingOfRequest, requireRole, SECURED } from '../auth.js';
import type { ServerContext } from '../context.js';
import { operationWithinCeiling } from '../tlp.js';
import { parseWith } from '../validate.js';

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};
const listQuery = z.strictObject({
  ...page,
  brand: z.string().min(1).max(100).optional(),
  channel: z.string().min(1).max(50).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .optional(),
  paymentMethod: z.string().min(1).max(50).optional(),
  activeFrom: z.iso.date().optional(),
  activeTo: z.iso.date().optional(),
});
const idParams = z.strictObject({
  id: z.string().regex(/^op-[0-9a-f]{10}$/, 'must be an operation id (op-…)'),
});
const uuid = z.uuid();
const reason = storableText(2000).optional();
const graphQuery = z.strictObject({
  nodes: z.coerce.number().int().min(1).max(500).default(60),
  expand: z
    .string()
    .regex(/^[a-z_]+:.+/, 'kind:value')
    .max(2100)
    .optional(),
  ...page,
});

const tag = { tags: ['operations'], security: SECURED };

/** Operations: ranked list, detail, reports, indicators, graph, explanations and analysts' decisions. */
export async function operationRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const db = ctx.store.db;
  const analyst = requireRole('analyst');
  const partner = requireRole('partner', 'operations:read');
  // Partners read only operations at or under their TLP ceiling; others are "not found".
  const partnerOfOperation = [partner, operationWithinCeiling(db)];

  app.get(
    '/api/operations',
    {
      preHandler: partner,
      schema: { ...tag, summary: 'Operations ranked by priority (fast movers first), filtered.' },
    },
    async (req) => {
      const q = parseWith(listQuery, req.query, 'the query');
      return listOperations(db, { ...q, tlpCeiling: ceilingOfRequest(req) });
    },
  );

  app.get(
    '/api/operations/:id',
    {
      preHandler: partnerOfOperation,
      schema: { ...tag, summary: 'One operation: priority components and profile.' },
    },
    async (req) => {
      const { id } = parseWith(idParams, req.params, 'the path');
      const op = await operationDetail(db, id);
      return { ...op, tlp: (await markingsOf(db, [id])).get(id) };
    },
  );

  app.get(
    '/api/operations/:id/reports',
    { preHandler: analyst, schema: { ...tag, summary: "A page of an operation's reports." } },
    async (req) => {
      const { id } = parseWith(idParams, req.params, 'the path');
      const q = parseWith(z.strictObject(page), req.query, 'the query');
      return { reports: await operationReports(db, id, q.limit, q.offset) };
    },
  );

  app.get(
    '/api/operations/:id/indicators',
    {
      preHandler: partnerOfOperation,
      schema: { ...tag, summary: "A page of an operation's indicators with first/last seen." },
    },
    async (req) => {
      const { id } = parseWith(idParams, req.params, 'the path');
      const q = parseWith(z.strictObject(page), req.query, 'the query');
      return { indicators: await operationIndicators(db, id, q.limit, q.offset) };
    },
  );

  app.get(
    '/api/operations/:id/graph',
    {
      preHandler: partnerOfOperation,
      schema: {
        ...tag,
        summary: 'The graph summarised on the server; expand=kind:value pages the reports of one node.',
      },
    },
    async (req) => {
      const { id } = parseWith(idParams, req.params, 'the path');
      const q = parseWith(graphQuery, req.query, 'the query');
      if (q.expand) {
        const at = q.expand.indexOf(':');
        const reports = await reportsWithValue(
          db,
          id,
          q.expand.slice(0, at),
          q.expand.slice(at + 1),
          q.limit,
          q.offset,
        );
        // A report's external id can be another partner's case number: partners see reports as ids only.
        const seesReports = req.principal !== null && roleAllows(req.principal.role, 'analyst');
        return { reports: seesReports ? reports : reports.map((r) => ({ ...r, externalId: null })) };
      }
      return operationGraph(db, id, q.nodes);
    },
  );

  app.get(
    '/api/explain',
    {
      preHandler: analyst,
      schema: { ...tag, summary: 'Why two reports are (or are not) in one operation.' },
    },
    async (req) => {
      const q = parseWith(z.strictObject({ a: uuid, b: uuid }), req.query, 'the query');
      return explainReports(db, q.a, q.b);
    },
  );

  app.post(
    '/api/operations/merge',
    { preHandler: analyst, schema: { ...tag, summary: 'Merge operations (kept through reclusters).' } },
    async (req, reply) => {
      const body = parseWith(
        z.strictObject({ operationIds: z.array(idParams.shape.id).min(2).max(50), reason }),
        req.body,
      );
      const reportIds = await reportsOfOperations(db, body.operationIds);
      const r = await decide(
        db,
        { type: 'merge', reportIds },
        { author: actorOf(req), reason: body.reason ?? null, now: new Date() },
      );
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/operations/:id/split',
    {
      preHandler: analyst,
      schema: { ...tag, summary: 'Move reports into an operation of their own (kept through reclusters).' },
    },
    async (req, reply) => {
      parseWith(idParams, req.params, 'the path');
      const body = parseWith(
        z.strictObject({ reportIds: z.array(uuid).min(1).max(10_000), reason }),
        req.body,
      );
      const r = await decide(
        db,
        { type: 'split', reportIds: body.reportIds },
        { author: actorOf(req), reason: body.reason ?? null, now: new Date() },
      );
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/link-decisions/not-linked',
    {
      preHandler: analyst,
      schema: { ...tag, summary: 'Two reports are not linked (applies at the next recluster).' },
    },
    async (req, reply) => {
      const body = parseWith(z.strictObject({ a: uuid, b: uuid, reason }), req.body);
      const r = await decide(
        db,
        { type: 'not_linked', a: body.a, b: body.b },
        { author: actorOf(req), reason: body.reason ?? null, now: new Date() },
      );
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/exclusions',
    {
      preHandler: analyst,
      schema: { ...tag, summary: 'Exclude a value from linking (applies at the next recluster).' },
    },
    async (req, reply) => {
      const body = parseWith(
        z.strictObject({
          kind: z.enum(INDICATOR_KINDS),
          value: storableText(2048),
          mode: z.enum(['block', 'inform']).default('block'),
          reason,
        }),
        req.body,
      );
      const r = await decide(
        db,
        // Stored as the values it must match are stored: "(844) 507-3391" excludes +18445073391.
        {
          type: 'exclude',
          kind: body.kind,
          value: normaliseIndicator(body.kind, body.value) ?? body.value.trim(),
          mode: body.mode,
        },
        { author: actorOf(req), reason: body.reason ?? null, now: new Date() },
      );
      return reply.status(201).send(r);
    },
  );

  app.delete(
    '/api/link-decisions/:id',
    {
      preHandler: analyst,
      schema: { ...tag, summary: 'Revoke a decision (the next recluster no longer honours it).' },
    },
    async (req, reply) => {
      const { id } = parseWith(
        z.strictObject({ id: z.string().regex(/^\d{1,18}$/) }),
        req.params,
        'the path',
      );
      await revokeDecision(db, id, new Date());
      return reply.status(204).send();
    },
  );
}
