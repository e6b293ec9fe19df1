import type { FastifyInstance } from 'fastify';
import { unzipSync } from 'fflate';
import { z } from 'zod';
import { roleAllows } from '../../auth/roles.js';
import {
  CASE_STATUSES,
  caseEntryInput,
  caseEntryPatchInput,
  casePatchInput,
  declarationInput,
  newCaseInput,
  operationId,
} from '../../cases/case-input.js';
import {
  addCaseEntry,
  addCaseOperations,
  createCase,
  getCase,
  listCases,
  removeCaseOperation,
  updateCase,
  updateCaseEntry,
} from '../../cases/cases.js';
import { buildReferral, getReferral, listReferrals } from '../../cases/referrals.js';
import { caseVictims, setDeclaration } from '../../cases/victims.js';
import { NotFoundError } from '../../core/errors.js';
import { storableText } from '../../core/report-input.js';
import { actorOf, ForbiddenError, requireRole, SECURED } from '../auth.js';
import type { ServerContext } from '../context.js';
import { parseWith } from '../validate.js';

const id = z.string().regex(/^\d{1,18}$/, 'must be a number');
const caseParams = z.strictObject({ id });
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};
const referralBody = z.strictObject({
  recipient: z.string().trim().pipe(storableText(200)),
  personalData: z.boolean().default(false),
});
const REFERRAL_FILE = /^(?:[a-z-]+\.(?:pdf|json|csv)|screenshots\/[0-9a-f]{64}\.png)$/;

const tag = { tags: ['cases'], security: SECURED };

/** Cases: sweeps of operations, their history, victims' declarations and referral packages. */
export async function caseRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const db = ctx.store.db;
  const analyst = requireRole('analyst');

  app.get(
    '/api/cases',
    { preHandler: analyst, schema: { ...tag, summary: 'Cases, most recently changed first.' } },
    async (req) => {
      const q = parseWith(
        z.strictObject({ ...page, status: z.enum(CASE_STATUSES).optional() }),
        req.query,
        'the query',
      );
      return listCases(db, q);
    },
  );

  app.post(
    '/api/cases',
    { preHandler: analyst, schema: { ...tag, summary: 'Open a case (a draft) with its first operations.' } },
    async (req, reply) =>
      reply.status(201).send(await createCase(db, parseWith(newCaseInput, req.body), actorOf(req))),
  );

  app.get(
    '/api/cases/:id',
    {
      preHandler: analyst,
      schema: { ...tag, summary: 'A case: operations (followed through reclusters) and history.' },
    },
    async (req) => getCase(db, parseWith(caseParams, req.params, 'the path').id),
  );

  app.patch(
    '/api/cases/:id',
    {
      preHandler: analyst,
      schema: {
        ...tag,
        summary: 'Change a case: title, summary, agency, jurisdictions, TLP, assignee, status.',
      },
    },
    async (req) =>
      updateCase(
        db,
        parseWith(caseParams, req.params, 'the path').id,
        parseWith(casePatchInput, req.body),
        actorOf(req),
      ),
  );

  app.post(
    '/api/cases/:id/operations',
    { preHandler: analyst, schema: { ...tag, summary: 'Add operations to a case (several make a sweep).' } },
    async (req) => {
      const body = parseWith(
        z.strictObject({ operationIds: z.array(operationId).min(1).max(500) }),
        req.body,
      );
      return addCaseOperations(
        db,
        parseWith(caseParams, req.params, 'the path').id,
        body.operationIds,
        actorOf(req),
      );
    },
  );

  app.delete(
    '/api/cases/:id/operations/:operationId',
    { preHandler: analyst, schema: { ...tag, summary: 'Take an operation out of a case.' } },
    async (req) => {
      const p = parseWith(z.strictObject({ id, operationId }), req.params, 'the path');
      return removeCaseOperation(db, p.id, p.operationId);
    },
  );

  app.post(
    '/api/cases/:id/entries',
    { preHandler: analyst, schema: { ...tag, summary: 'Add a note, task, civil action or outcome.' } },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await addCaseEntry(
            db,
            parseWith(caseParams, req.params, 'the path').id,
            parseWith(caseEntryInput, req.body),
            actorOf(req),
          ),
        ),
  );

  app.patch(
    '/api/cases/:id/entries/:entryId',
    {
      preHandler: analyst,
      schema: { ...tag, summary: "Move a task or civil action on, or change an entry's text." },
    },
    async (req) => {
      const p = parseWith(z.strictObject({ id, entryId: id }), req.params, 'the path');
      return updateCaseEntry(db, p.id, p.entryId, parseWith(caseEntryPatchInput, req.body));
    },
  );

  app.get(
    '/api/cases/:id/victims',
    {
      preHandler: analyst,
      schema: {
        ...tag,
        summary:
          "The victims of a case's operations: declarations, consent; contact details only with consent.",
      },
    },
    async (req) => {
      const { id: caseId } = parseWith(caseParams, req.params, 'the path');
      const q = parseWith(z.strictObject(page), req.query, 'the query');
      return caseVictims(db, caseId, { ...q, personalData: true });
    },
  );

  app.put(
    '/api/cases/:id/victims/:reportId',
    {
      preHandler: analyst,
      schema: { ...tag, summary: "Record a victim's declaration and consent to be contacted." },
    },
    async (req, reply) => {
      const p = parseWith(z.strictObject({ id, reportId: z.uuid() }), req.params, 'the path');
      await setDeclaration(db, p.id, p.reportId, parseWith(declarationInput, req.body), actorOf(req));
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/cases/:id/referrals',
    { preHandler: analyst, schema: { ...tag, summary: "A case's referral packages, newest first." } },
    async (req) => ({ referrals: await listReferrals(db, parseWith(caseParams, req.params, 'the path').id) }),
  );

  app.post(
    '/api/cases/:id/referrals',
    {
      preHandler: analyst,
      config: { audit: 'referral.create' },
      schema: {
        ...tag,
        summary:
          "Build a referral package (PDF dossier, STIX, MISP, CSVs, screenshots, manifest). Victims' personal data only for an admin's authorised recipient.",
      },
    },
    async (req, reply) => {
      const { id: caseId } = parseWith(caseParams, req.params, 'the path');
      const body = parseWith(referralBody, req.body);
      if (body.personalData && !roleAllows(req.principal!.role, 'admin'))
        throw new ForbiddenError("only an admin can send victims' personal data to a recipient");
      const { referral } = await buildReferral(db, ctx.blobs, caseId, {
        ...body,
        producer: ctx.instanceName ?? 'Dragnet',
        actor: actorOf(req),
        now: new Date(),
      });
      req.auditDetail = {
        referral: referral.id,
        recipient: referral.recipient,
        personalData: referral.personalData,
        packageSha256: referral.packageSha256,
      };
      return reply.status(201).send(referral);
    },
  );

  app.get(
    '/api/referrals/:id/package',
    {
      preHandler: analyst,
      config: { audit: 'referral.download' },
      schema: { ...tag, summary: 'Download a referral package (zip; every read is in the audit log).' },
    },
    async (req, reply) => {
      const r = await getReferral(db, parseWith(caseParams, req.params, 'the path').id);
      req.auditDetail = { case: r.caseId, recipient: r.recipient, personalData: r.personalData };
      return reply
        .type('application/zip')
        .header(
          'content-disposition',
          `attachment; filename="${r.manifest.case.reference}-referral-${r.id}.zip"`,
        )
        .send(await ctx.blobs.get(r.packageSha256));
    },
  );

  app.get(
    '/api/referrals/:id/files/*',
    {
      preHandler: analyst,
      config: { audit: 'referral.view' },
      schema: {
        ...tag,
        summary: 'One file of a referral package, e.g. dossier.pdf (every read is in the audit log).',
      },
    },
    async (req, reply) => {
      const p = parseWith(
        z.strictObject({
          id,
          '*': z.string().regex(REFERRAL_FILE, 'a file of the package (see its manifest)'),
        }),
        req.params,
        'the path',
      );
      const r = await getReferral(db, p.id);
      const entry = r.manifest.files.find((f) => f.name === p['*']);
      if (!entry) throw new NotFoundError(`${p['*']} is not in referral ${r.id}`);
      const files = unzipSync(await ctx.blobs.get(r.packageSha256), { filter: (f) => f.name === entry.name });
      req.auditDetail = { case: r.caseId, file: entry.name, recipient: r.recipient };
      const bytes = Buffer.from(files[entry.name]!);
      return reply
        .type(entry.mediaType)
        .header(
          'content-disposition',
          `${entry.mediaType === 'application/pdf' ? 'inline' : 'attachment'}; filename="${entry.name.split('/').pop()}"`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  );
}
