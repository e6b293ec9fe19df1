import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { checkInterpretations, checkValues } from '../../portal/check.js';
import { UploadRefusedError } from '../../portal/errors.js';
import { acceptEvidence, MAX_UPLOAD_BYTES } from '../../portal/evidence.js';
import type { ServerContext } from '../context.js';
import { parseWith } from '../validate.js';

/** Longest value the check reads (a popup's URL with its tracking parameters fits). */
export const MAX_CHECK_QUERY = 1000;

const checkQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, 'type a phone number, a website address or a domain to check')
    .max(MAX_CHECK_QUERY, `check one value of at most ${MAX_CHECK_QUERY} characters`),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'a two-letter country code (ISO 3166-1): where a national phone number is from')
    .optional(),
});

const errorBody = {
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
};

/** Multipart limits: one file, nothing else of size (the total a request may carry is bounded by these). */
const MULTIPART_LIMITS = {
  fileSize: MAX_UPLOAD_BYTES,
  files: 1,
  fields: 4,
  fieldSize: 1024,
  fieldNameSize: 100,
  parts: 5,
  headerPairs: 50,
};

/** The one file part's bytes, or a refusal with a code the page can translate. */
async function uploadedFile(req: FastifyRequest) {
  if (!req.isMultipart())
    throw new UploadRefusedError(
      415,
      'not_multipart',
      'send the file as multipart/form-data, in a field "file"',
    );
  let file: { bytes: Buffer; filename: string; mediaType: string } | undefined;
  try {
    // Every part is read (within the limits), so a second file is refused rather than silently dropped.
    for await (const part of req.parts({ limits: MULTIPART_LIMITS })) {
      if (part.type !== 'file') continue;
      const bytes = await part.toBuffer();
      if (part.fieldname !== 'file')
        throw new UploadRefusedError(400, 'no_file', 'send the file in a form field named "file"');
      file = { bytes, filename: part.filename, mediaType: part.mimetype };
    }
  } catch (err) {
    if (err instanceof UploadRefusedError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new UploadRefusedError(
        413,
        'file_too_large',
        `the file is too large: a file may be at most ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB`,
      );
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw new UploadRefusedError(413, 'too_many_parts', 'send one file at a time, in a field "file"');
    throw err;
  }
  if (!file) throw new UploadRefusedError(400, 'no_file', 'send the file in a form field named "file"');
  return file;
}

/**
 * The public portal's own endpoints (anonymous allowed, within per-address limits): evidence uploads and
 * "check a number or a website". Reports themselves go through `POST /api/reports` like every intake.
 */
export async function portalRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  // Multipart is parsed only here: no other route accepts it.
  await app.register(async (uploads) => {
    await uploads.register(multipart, { limits: MULTIPART_LIMITS });
    uploads.post(
      '/api/uploads',
      {
        onRequest: app.publicLimit.uploads,
        schema: {
          summary:
            "Upload one evidence file (anonymous allowed): a screenshot or photo (PNG, JPEG, WebP, GIF, TIFF; re-encoded, metadata removed) or an e-mail (.eml or text, kept as is). Name the returned sha256 in the report's evidence.",
          tags: ['portal'],
          consumes: ['multipart/form-data'],
          response: {
            201: {
              description: 'stored by its SHA-256 (the stored bytes, after re-encoding)',
              type: 'object',
              properties: {
                sha256: { type: 'string' },
                mediaType: { type: 'string' },
                size: { type: 'integer' },
                filename: { type: 'string' },
              },
            },
            400: errorBody,
            413: errorBody,
            415: errorBody,
            429: errorBody,
          },
        },
      },
      async (req, reply) => {
        const file = await uploadedFile(req);
        const accepted = await acceptEvidence(file.bytes, file);
        const stored = await ctx.blobs.put(accepted.bytes, accepted.mediaType);
        req.log.info(
          { sha256: stored.sha256, mediaType: accepted.mediaType, size: stored.size },
          'evidence uploaded',
        );
        return reply.status(201).send({
          sha256: stored.sha256,
          mediaType: accepted.mediaType,
          size: stored.size,
          filename: accepted.filename,
        });
      },
    );
  });

  app.get(
    '/api/check',
    {
      onRequest: app.publicLimit.checks,
      schema: {
        summary:
          'Is this phone number, website or domain known as a scam? Counts and dates only: never a report, a victim or an operation.',
        tags: ['portal'],
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', description: 'a phone number in any format, a URL or a domain' },
            country: { type: 'string', description: 'ISO 3166-1 alpha-2: the region of a national number' },
          },
          required: ['q'],
        },
        response: { 400: errorBody, 429: errorBody },
      },
    },
    async (req, reply) => {
      const { q, country } = parseWith(checkQuery, req.query, 'the query');
      const interpretations = checkInterpretations(q, country?.toUpperCase());
      const results = await checkValues(ctx.store.db, interpretations);
      // What a victim checked is nobody's business: not kept by shared caches.
      reply.header('cache-control', 'no-store');
      return { query: q, interpretations, results };
    },
  );
}
