import { type Kysely, sql, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { ConflictError, NotFoundError } from '../core/errors.js';
import { canonicalJson, sha256 } from '../core/hash.js';
import type { ReportInput } from '../core/report-input.js';
import type { JobQueue } from './queue.js';
import type { Database } from './schema.js';

/** How a report entered Dragnet. */
export type IntakeVia = 'api' | 'cli' | 'portal';

/** What happened to one submitted report. */
export type StoreOutcome =
  | { status: 'created'; id: string }
  | { status: 'duplicate'; id: string }
  | { status: 'conflict'; existingId: string; message: string };

interface Prepared {
  id: string;
  sourceKey: string;
  externalId: string | null;
  contentHash: string;
  input: ReportInput;
}

/** The content hash that makes a report idempotent: SHA-256 of its canonical JSON. */
export function reportContentHash(input: ReportInput): string {
  return sha256(canonicalJson(input));
}

function prepare(input: ReportInput): Prepared {
  return {
    id: uuidv7(),
    sourceKey: input.source ?? '',
    externalId: input.externalId ?? null,
    contentHash: reportContentHash(input),
    input,
  };
}

function row(p: Prepared, receivedAt: Date, via: IntakeVia) {
  const i = p.input;
  return {
    id: p.id,
    externalId: p.externalId,
    source: i.source ?? null,
    sourceKey: p.sourceKey,
    contentHash: p.contentHash,
    receivedAt,
    intake: via,
    submittedAt: i.submittedAt ?? null,
    channel: i.channel ?? null,
    impersonatedBrand: i.impersonatedBrand ?? null,
    victimCountry: i.victim?.country?.toUpperCase() ?? null,
    language: i.language ?? null,
    version: 1,
    supersedes: null,
    input: JSON.stringify(i),
  };
}

/** Why a submission looks like spam (a bot filled the portal's hidden field): kept beside the report. */
export interface SpamSignal {
  reason: 'honeypot';
  detail: string;
}

/** Who puts suspected spam away in the triage queue (the review's author). */
export const SPAM_REVIEWER = 'dragnet (suspected spam)';

/**
 * Stores reports and queues their processing in one transaction, so a crash leaves either both or
 * neither. Idempotent: a report already stored (same source and externalId, or same content when it
 * has no externalId) is a duplicate; the same externalId with different content is a conflict.
 * With `suspectedSpam`, new reports are still stored and processed (never silently dropped) but marked:
 * a `suspected_spam` annotation says why, and a review "not_scam" by SPAM_REVIEWER takes them out of the
 * triage queue's new reports (an analyst finds them under "not a scam" and can confirm them instead).
 */
export async function storeReports(
  db: Kysely<Database>,
  queue: JobQueue,
  inputs: ReportInput[],
  receivedAt: Date,
  via: IntakeVia,
  options: { suspectedSpam?: SpamSignal } = {},
): Promise<StoreOutcome[]> {
  if (inputs.length === 0) return [];
  const prepared = inputs.map(prepare);
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('reports')
      .values(prepared.map((p) => row(p, receivedAt, via)))
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();
    const insertedIds = new Set(inserted.map((r) => r.id));
    if (options.suspectedSpam) await markSuspectedSpam(trx, [...insertedIds], options.suspectedSpam);
    await queue.enqueueProcessing(
      trx,
      prepared.filter((p) => insertedIds.has(p.id)).map((p) => p.id),
    );
    const missing = prepared.filter((p) => !insertedIds.has(p.id));
    const existing = await findExisting(trx, missing);
    return prepared.map((p): StoreOutcome => {
      if (insertedIds.has(p.id)) return { status: 'created', id: p.id };
      const found = p.externalId
        ? existing.byExternal.get(`${p.sourceKey}\u0000${p.externalId}`)
        : existing.byHash.get(p.contentHash);
      if (!found) throw new Error(`report neither stored nor found (hash ${p.contentHash})`);
      if (found.contentHash === p.contentHash) return { status: 'duplicate', id: found.id };
      return {
        status: 'conflict',
        existingId: found.id,
        message: `externalId "${p.externalId}" was already used for a different report (${found.id}); send a new version or a new externalId`,
      };
    });
  });
}

async function markSuspectedSpam(trx: Transaction<Database>, ids: string[], signal: SpamSignal) {
  if (ids.length === 0) return;
  await trx
    .insertInto('reportAnnotations')
    .values(
      ids.map((reportId) => ({
        reportId,
        author: SPAM_REVIEWER,
        kind: 'suspected_spam',
        body: JSON.stringify(signal),
      })),
    )
    .execute();
  await trx
    .insertInto('reportReviews')
    .values(
      ids.map((reportId) => ({
        reportId,
        status: 'not_scam' as const,
        author: SPAM_REVIEWER,
        note: `suspected spam (${signal.reason}): ${signal.detail}`,
      })),
    )
    .execute();
}

async function findExisting(trx: Transaction<Database>, missing: Prepared[]) {
  const byExternal = new Map<string, { id: string; contentHash: string }>();
  const byHash = new Map<string, { id: string; contentHash: string }>();
  const withExt = missing.filter((p) => p.externalId !== null);
  const withoutExt = missing.filter((p) => p.externalId === null);
  if (withExt.length > 0) {
    const rows = await trx
      .selectFrom('reports')
      .select(['id', 'contentHash', 'sourceKey', 'externalId'])
      .where('supersedes', 'is', null)
      .where('externalId', 'in', [...new Set(withExt.map((p) => p.externalId!))])
      .execute();
    for (const r of rows) byExternal.set(`${r.sourceKey}\u0000${r.externalId}`, r);
  }
  if (withoutExt.length > 0) {
    const rows = await trx
      .selectFrom('reports')
      .select(['id', 'contentHash'])
      .where('supersedes', 'is', null)
      .where('externalId', 'is', null)
      .where('contentHash', 'in', [...new Set(withoutExt.map((p) => p.contentHash))])
      .execute();
    for (const r of rows) byHash.set(r.contentHash, r);
  }
  return { byExternal, byHash };
}

/** A stored report with its annotations and later versions. */
export interface StoredReport {
  id: string;
  externalId: string | null;
  source: string | null;
  contentHash: string;
  receivedAt: Date;
  intake: string;
  version: number;
  supersedes: string | null;
  input: ReportInput;
  annotations: Array<{ id: string; author: string | null; kind: string; body: unknown; createdAt: Date }>;
  versions: Array<{ id: string; version: number; receivedAt: Date }>;
}

/** Reads one report by id. */
export async function getReport(db: Kysely<Database>, id: string): Promise<StoredReport> {
  if (!isUuid(id)) throw new NotFoundError(`no report ${id}`);
  const r = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new NotFoundError(`no report ${id}`);
  // The body as text: the camel-case plugin renames keys inside the jsonb it reads (`old_value` became
  // `oldValue`), and an annotation's keys are the analyst's own.
  const annotations = (
    await db
      .selectFrom('reportAnnotations')
      .select(['id', 'author', 'kind', sql<string>`body::text`.as('bodyJson'), 'createdAt'])
      .where('reportId', '=', id)
      .orderBy('id')
      .execute()
  ).map(({ bodyJson, ...a }) => ({ ...a, body: JSON.parse(bodyJson) as Record<string, unknown> }));
  const root = r.supersedes ?? r.id;
  const versions = await db
    .selectFrom('reports')
    .select(['id', 'version', 'receivedAt'])
    .where((eb) => eb.or([eb('id', '=', root), eb('supersedes', '=', root)]))
    .orderBy('version')
    .execute();
  return {
    id: r.id,
    externalId: r.externalId,
    source: r.source,
    contentHash: r.contentHash,
    receivedAt: r.receivedAt,
    intake: r.intake,
    version: r.version,
    supersedes: r.supersedes,
    input: r.input,
    annotations,
    versions,
  };
}

/** Adds a note or correction to a report; the report itself is never changed. */
export async function annotateReport(
  db: Kysely<Database>,
  reportId: string,
  annotation: { author?: string | undefined; kind: string; body: Record<string, unknown> },
): Promise<string> {
  await getReport(db, reportId);
  const r = await db
    .insertInto('reportAnnotations')
    .values({
      reportId,
      author: annotation.author ?? null,
      kind: annotation.kind,
      body: JSON.stringify(annotation.body),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Stores a corrected version of a report beside the original (which stays as it was) and queues it. */
export async function addReportVersion(
  db: Kysely<Database>,
  queue: JobQueue,
  reportId: string,
  input: ReportInput,
  receivedAt: Date,
  via: IntakeVia,
): Promise<{ id: string; version: number }> {
  const original = await getReport(db, reportId);
  const root = original.supersedes ?? original.id;
  const p = prepare(input);
  return db.transaction().execute(async (trx) => {
    // Serialise versioning of one report so two corrections cannot take the same number.
    await sql`SELECT pg_advisory_xact_lock(hashtext(${root}))`.execute(trx);
    const last = await trx
      .selectFrom('reports')
      .select((eb) => eb.fn.max('version').as('v'))
      .where((eb) => eb.or([eb('id', '=', root), eb('supersedes', '=', root)]))
      .executeTakeFirstOrThrow();
    const latest = await trx
      .selectFrom('reports')
      .select('contentHash')
      .where((eb) => eb.or([eb('id', '=', root), eb('supersedes', '=', root)]))
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    if (latest.contentHash === p.contentHash) {
      throw new ConflictError('this version is identical to the latest one; nothing to store', root);
    }
    const version = Number(last.v) + 1;
    await trx
      .insertInto('reports')
      .values({ ...row(p, receivedAt, via), version, supersedes: root })
      .execute();
    await queue.enqueueProcessing(trx, [p.id]);
    return { id: p.id, version };
  });
}

/** Number of stored reports (all versions). */
export async function countReports(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** True when a string is shaped like a report id. */
export function isUuid(s: string): boolean {
  return UUID_RE.test(s);
}
