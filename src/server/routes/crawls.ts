import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../core/errors.js';
import { storableText } from '../../core/report-input.js';
import { PROFILE_NAMES } from '../../crawl/profiles.js';
import { getCapture, labelCapture, listCaptures } from '../../store/crawls.js';
import { actorOf, requireRole, SECURED } from '../auth.js';
import type { ServerContext } from '../context.js';
import { parseWith } from '../validate.js';

const httpUrl = z
  .string()
  .max(4000)
  .refine((u) => /^https?:\/\/[^\s]+$/i.test(u) && URL.canParse(u), 'must be an http(s) URL');
const crawlBody = z.strictObject({
  urls: z.array(httpUrl).min(1).max(100),
  profiles: z
    .array(z.enum(PROFILE_NAMES as [string, ...string[]]))
    .min(1)
    .max(PROFILE_NAMES.length)
    .default(['windows-chrome']),
});
const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  operationId: z
    .string()
    .regex(/^op-[0-9a-f]{10}$/)
    .optional(),
  url: httpUrl.optional(),
});
const idParams = z.strictObject({ id: z.uuid() });
const labelBody = z.strictObject({
  label: z.enum(['scam', 'legitimate']),
  note: storableText(2000, 0).optional(),
});
const blobParams = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 (64 hex digits)'),
});

const tag = { tags: ['crawls'], security: SECURED };

/** Crawls: queue URLs, list and read captures, and serve their evidence files (screenshots, HTML). */
export async function crawlRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const db = ctx.store.db;
  const analyst = requireRole('analyst');

  app.post(
    '/api/crawls',
    {
      preHandler: analyst,
      bodyLimit: 512 * 1024,
      schema: { ...tag, summary: 'Queue URLs to crawl (once per URL and profile per freshness window).' },
    },
    async (req, reply) => {
      const body = parseWith(crawlBody, req.body);
      const jobs = body.urls.flatMap((url) =>
        body.profiles.map((profile) => ({ url, profile, origin: 'api' as const })),
      );
      await ctx.queue.enqueueCrawls(jobs);
      reply.code(202);
      return { queued: jobs.length };
    },
  );

  app.get(
    '/api/crawls',
    { preHandler: analyst, schema: { ...tag, summary: 'Captures, newest first; by operation or URL.' } },
    async (req) => {
      const q = parseWith(listQuery, req.query, 'the query');
      return listCaptures(db, q);
    },
  );

  app.get(
    '/api/crawls/:id',
    { preHandler: analyst, schema: { ...tag, summary: 'One capture: everything the visit recorded.' } },
    async (req) => {
      const { id } = parseWith(idParams, req.params, 'the path');
      const found = await getCapture(db, id);
      if (!found) throw new NotFoundError(`no capture ${id}`);
      return found;
    },
  );

  app.post(
    '/api/crawls/:id/label',
    {
      preHandler: analyst,
      bodyLimit: 16 * 1024,
      schema: {
        ...tag,
        summary: "Label a crawled page scam or legitimate (training can include analysts' labels).",
      },
    },
    async (req, reply) => {
      const { id } = parseWith(idParams, req.params, 'the path');
      const body = parseWith(labelBody, req.body);
      if (!(await getCapture(db, id))) throw new NotFoundError(`no capture ${id}`);
      const author = actorOf(req);
      await labelCapture(db, id, body.label, author, body.note ?? null);
      reply.code(201);
      return { captureId: id, label: body.label };
    },
  );

  app.get(
    '/api/evidence/:sha256',
    {
      preHandler: analyst,
      schema: {
        ...tag,
        summary: 'An evidence file by SHA-256: pictures (PNG, JPEG) shown, anything else as a download.',
      },
    },
    async (req, reply) => {
      const { sha256 } = parseWith(blobParams, req.params, 'the path');
      const info = await ctx.blobs.info(sha256);
      if (!info) throw new NotFoundError(`no evidence file ${sha256}`);
      const bytes = await ctx.blobs.get(sha256);
      // Captured HTML and uploaded e-mails are the attacker's: never let a browser render them from our
      // origin. Pictures are shown: screenshots and uploads were encoded by Dragnet itself.
      const image = info.mediaType === 'image/png' || info.mediaType === 'image/jpeg';
      reply
        .header('content-type', image ? info.mediaType! : 'application/octet-stream')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=31536000, immutable')
        .header('digest', `sha-256=${Buffer.from(sha256, 'hex').toString('base64')}`);
      if (!image) reply.header('content-disposition', `attachment; filename="${sha256}"`);
      return reply.send(bytes);
    },
  );
}
