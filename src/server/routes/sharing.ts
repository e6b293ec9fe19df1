import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listAudit, verifyAudit } from '../../audit/log.js';
import { API_SCOPES, createApiKey, listApiKeys, revokeApiKey } from '../../auth/api-keys.js';
import { operationId } from '../../cases/case-input.js';
import { toCsv } from '../../cases/feeds/csv.js';
import { type FeedKind, feedEntries } from '../../cases/feeds/entries.js';
import { toText } from '../../cases/feeds/text.js';
import { loadFeedOperations, loadSharedOperations, topOperationIds } from '../../cases/load.js';
import { markingsOf, setMarking } from '../../cases/markings.js';
import { toMispEvent } from '../../cases/misp/event.js';
import { toStixBundle } from '../../cases/stix/export.js';
import { fromStixBundle } from '../../cases/stix/import.js';
import { NotFoundError } from '../../core/errors.js';
import { storableText } from '../../core/report-input.js';
import { TLP_LEVELS, type Tlp, tlpAllows } from '../../core/tlp.js';
import { actorOf, ceilingOfRequest, requireRole, SECURED } from '../auth.js';
import type { ServerContext } from '../context.js';
import { jsonStream } from '../json-stream.js';
import { parseWith } from '../validate.js';

/** Operations one export may hold. */
const MAX_EXPORT_OPERATIONS = 200;
/** The largest STIX bundle accepted for import. */
const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

const exportQuery = z.strictObject({
  operation: z.union([operationId, z.array(operationId).max(MAX_EXPORT_OPERATIONS)]).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_EXPORT_OPERATIONS).default(50),
});
const FEEDS: Record<string, FeedKind> = { phones: 'phone', domains: 'domain', urls: 'url' };
const feedParams = z.strictObject({
  feed: z.string().regex(/^(phones|domains|urls)\.(csv|txt)$/, 'phones, domains or urls, .csv or .txt'),
});
const feedQuery = z.strictObject({ minReports: z.coerce.number().int().min(1).max(1000).default(2) });

/** The operations an export asks for, within the caller's TLP (an unreadable one is "not found"). */
async function exportedIds(ctx: ServerContext, req: FastifyRequest): Promise<string[]> {
  const q = parseWith(exportQuery, req.query, 'the query');
  const ceiling = ceilingOfRequest(req);
  if (q.operation === undefined) return topOperationIds(ctx.store.db, q.limit, ceiling);
  const ids = [...new Set(Array.isArray(q.operation) ? q.operation : [q.operation])];
  const marks = await markingsOf(ctx.store.db, ids);
  for (const id of ids)
    if (!tlpAllows(ceiling, marks.get(id)!)) throw new NotFoundError(`no operation ${id}`);
  return ids;
}

/** Sharing: TLP markings, STIX / MISP exports, blocklist feeds, STIX import, partner keys, the audit log. */
export async function sharingRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const db = ctx.store.db;
  const producer = ctx.instanceName ?? 'Dragnet';
  const admin = requireRole('admin');

  app.put(
    '/api/operations/:id/marking',
    {
      preHandler: requireRole('analyst'),
      schema: {
        tags: ['sharing'],
        security: SECURED,
        summary: 'Set the TLP of an operation (who it is shared with).',
      },
    },
    async (req) => {
      const { id } = parseWith(z.strictObject({ id: operationId }), req.params, 'the path');
      const { tlp } = parseWith(z.strictObject({ tlp: z.enum(TLP_LEVELS) }), req.body);
      const exists = await db.selectFrom('operations').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) throw new NotFoundError(`no operation ${id}`);
      await setMarking(db, id, tlp, actorOf(req));
      req.auditDetail = { tlp };
      return { id, tlp };
    },
  );

  app.get(
    '/api/export/stix',
    {
      preHandler: requireRole('partner', 'export:read'),
      config: { audit: 'export.stix' },
      schema: {
        tags: ['sharing'],
        security: SECURED,
        summary: 'Operations and their indicators as a STIX 2.1 bundle (OpenCTI-ready), within your TLP.',
      },
    },
    async (req, reply) => {
      const ids = await exportedIds(ctx, req);
      const bundle = toStixBundle(await loadSharedOperations(db, ids, new Date()), {
        now: new Date(),
        producer,
      });
      req.auditDetail = { operations: ids.slice(0, 50), count: ids.length, objects: bundle.objects.length };
      return reply.type('application/stix+json;version=2.1').send(jsonStream(bundle));
    },
  );

  app.get(
    '/api/export/misp',
    {
      preHandler: requireRole('partner', 'export:read'),
      config: { audit: 'export.misp' },
      schema: {
        tags: ['sharing'],
        security: SECURED,
        summary: 'Operations as one MISP event (JSON), within your TLP.',
      },
    },
    async (req, reply) => {
      const ids = await exportedIds(ctx, req);
      req.auditDetail = { operations: ids.slice(0, 50), count: ids.length };
      const event = toMispEvent(await loadSharedOperations(db, ids, new Date()), {
        now: new Date(),
        producer,
      });
      return reply.type('application/json; charset=utf-8').send(jsonStream(event));
    },
  );

  app.get(
    '/api/feeds/:feed',
    {
      preHandler: requireRole('partner', 'feeds:read'),
      config: { audit: 'export.feed' },
      schema: {
        tags: ['sharing'],
        security: SECURED,
        summary:
          'Blocklists for telcos and browsers: phones, domains or urls, as .csv or .txt, expiring with decay.',
      },
    },
    async (req, reply) => {
      const { feed } = parseWith(feedParams, req.params, 'the path');
      const { minReports } = parseWith(feedQuery, req.query, 'the query');
      const [name, format] = feed.split('.') as [string, 'csv' | 'txt'];
      const kind = FEEDS[name]!;
      const now = new Date();
      const ops = await loadFeedOperations(db, kind, ceilingOfRequest(req), now, minReports);
      const entries = feedEntries(ops, kind, { now, minReports });
      req.auditDetail = { entries: entries.length };
      return format === 'csv'
        ? reply.type('text/csv; charset=utf-8').send(toCsv(entries))
        : reply.type('text/plain; charset=utf-8').send(toText(entries, { now, kind, producer }));
    },
  );

  app.post(
    '/api/import/stix',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      preHandler: requireRole('analyst', 'stix:import'),
      config: { audit: 'import.stix' },
      schema: {
        tags: ['sharing'],
        security: SECURED,
        summary:
          'Import a STIX 2.1 bundle (another Dragnet, OpenCTI): each intrusion set becomes a report. Idempotent.',
      },
    },
    async (req, reply) => {
      const { reports, skipped } = fromStixBundle(req.body);
      const inputs = ctx.intake.validate(reports, true);
      const outcomes = inputs.length ? await ctx.intake.store(inputs, 'api') : [];
      const created = outcomes.filter((o) => o.status === 'created').length;
      const result = {
        created,
        duplicates: outcomes.filter((o) => o.status === 'duplicate').length,
        conflicts: outcomes.filter((o) => o.status === 'conflict').length,
        skipped,
      };
      req.auditDetail = { created, duplicates: result.duplicates, skipped: skipped.length };
      return reply.status(created > 0 ? 201 : 200).send(result);
    },
  );

  const keyTag = { tags: ['sharing'], security: SECURED };
  app.get(
    '/api/keys',
    { preHandler: admin, schema: { ...keyTag, summary: "Partners' API keys (never their secrets)." } },
    async () => ({
      keys: await listApiKeys(db),
    }),
  );

  app.post(
    '/api/keys',
    {
      preHandler: admin,
      schema: {
        ...keyTag,
        summary: 'Create a partner API key with scopes and a TLP ceiling; the key is shown once.',
      },
    },
    async (req, reply) => {
      const body = parseWith(
        z.strictObject({
          name: z.string().trim().pipe(storableText(200)),
          scopes: z.array(z.enum(API_SCOPES)).min(1).max(API_SCOPES.length),
          tlpCeiling: z.enum(TLP_LEVELS),
          expiresAt: z.iso.datetime({ offset: true }).optional(),
        }),
        req.body,
      );
      const made = await createApiKey(db, {
        ...body,
        tlpCeiling: body.tlpCeiling as Tlp,
        expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
        createdBy: actorOf(req),
      });
      req.auditDetail = {
        key: made.apiKey.id,
        scopes: made.apiKey.scopes,
        tlpCeiling: made.apiKey.tlpCeiling,
      };
      return reply.status(201).send(made);
    },
  );

  app.delete(
    '/api/keys/:id',
    { preHandler: admin, schema: { ...keyTag, summary: 'Revoke a partner API key at once.' } },
    async (req) => {
      const { id } = parseWith(
        z.strictObject({ id: z.string().regex(/^[0-9a-f]{12}$/) }),
        req.params,
        'the path',
      );
      return revokeApiKey(db, id, new Date());
    },
  );

  app.get(
    '/api/audit',
    {
      preHandler: admin,
      schema: {
        tags: ['audit'],
        security: SECURED,
        summary: 'The audit log, newest first (before= pages back).',
      },
    },
    async (req) => {
      const q = parseWith(
        z.strictObject({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          before: z.coerce.number().int().min(1).optional(),
          subject: storableText(300).optional(),
          action: storableText(100).optional(),
        }),
        req.query,
        'the query',
      );
      return { entries: await listAudit(db, q) };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      preHandler: admin,
      schema: { tags: ['audit'], security: SECURED, summary: 'Check the hash chain of the whole audit log.' },
    },
    async () => verifyAudit(db),
  );
}
