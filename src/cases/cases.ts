import { type Kysely, sql } from 'kysely';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import type { Database } from '../store/schema.js';
import {
  ACTION_STATES,
  type CaseEntryInput,
  type CaseEntryPatch,
  type CasePatch,
  type NewCaseInput,
  TASK_STATES,
} from './case-input.js';

/** An operation of a case, followed through reclusters: `current` is where its reports are now. */
export interface CaseOperation {
  id: string;
  /** The operation holding most of its reports today (the same id while it lives; null: none found). */
  current: string | null;
  reportCount: number | null;
  priority: number | null;
  addedBy: string | null;
  addedAt: Date;
}

/** A time-stamped entry of a case. */
export interface CaseEntry {
  id: string;
  kind: 'status' | 'note' | 'task' | 'action' | 'outcome';
  subtype: string | null;
  body: string;
  target: string | null;
  quantity: number | null;
  state: string | null;
  occurredAt: Date | null;
  dueAt: Date | null;
  author: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A case as its page shows it. */
export interface CaseDetail {
  id: string;
  reference: string;
  title: string;
  summary: string | null;
  status: string;
  tlp: string;
  agency: string | null;
  jurisdictions: string[];
  assignee: { id: string; name: string; email: string } | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  operations: CaseOperation[];
  entries: CaseEntry[];
}

/** How many of an operation's reports are kept to find it again after a recluster. */
const ANCHORS = 100;

const caseColumns = [
  'c.id',
  'c.reference',
  'c.title',
  'c.summary',
  'c.status',
  'c.tlp',
  'c.agency',
  'c.jurisdictions',
  'c.createdBy',
  'c.createdAt',
  'c.updatedAt',
  'u.id as assigneeId',
  'u.name as assigneeName',
  'u.email as assigneeEmail',
] as const;

async function checkAssignee(db: Kysely<Database>, id: string | null | undefined) {
  if (!id) return;
  const u = await db.selectFrom('users').select('role').where('id', '=', id).executeTakeFirst();
  if (!u || u.role === 'partner')
    throw new ValidationError('the assignee is not valid', [
      { path: 'assigneeId', message: 'must be an analyst or admin' },
    ]);
}

/** Opens a case (a draft), with its first operations; its reference is `DRG-<year>-<number>`. */
export async function createCase(
  db: Kysely<Database>,
  input: NewCaseInput,
  actor: string | null,
  now = new Date(),
): Promise<CaseDetail> {
  await checkAssignee(db, input.assigneeId);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('cases')
      .values({
        reference: `pending-${now.getTime()}-${Math.random()}`,
        title: input.title,
        summary: input.summary ?? null,
        agency: input.agency ?? null,
        jurisdictions: input.jurisdictions ?? [],
        tlp: input.tlp ?? 'amber',
        assigneeId: input.assigneeId ?? null,
        createdBy: actor,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reference = `DRG-${now.getUTCFullYear()}-${row.id.padStart(4, '0')}`;
    await trx.updateTable('cases').set({ reference }).where('id', '=', row.id).execute();
    await trx
      .insertInto('caseEntries')
      .values({
        caseId: row.id,
        kind: 'status',
        subtype: 'draft',
        body: 'Case opened',
        author: actor,
        occurredAt: now,
      })
      .execute();
    if (input.operationIds?.length) await attach(trx, row.id, input.operationIds, actor);
    return row.id;
  });
  return getCase(db, id);
}

async function attach(db: Kysely<Database>, caseId: string, operationIds: string[], actor: string | null) {
  const ids = [...new Set(operationIds)];
  const known = await db.selectFrom('operations').select('id').where('id', 'in', ids).execute();
  const missing = ids.filter((id) => !known.some((k) => k.id === id));
  if (missing.length > 0)
    throw new NotFoundError(`no operation ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}`);
  const anchors = await sql<{ operationId: string; reports: string[] }>`
    SELECT o.id AS operation_id, ARRAY(
      SELECT ro.report_id::text FROM report_operations ro WHERE ro.operation_id = o.id
      ORDER BY ro.report_id LIMIT ${ANCHORS}) AS reports
    FROM operations o WHERE o.id = ANY(${ids})`.execute(db);
  await db
    .insertInto('caseOperations')
    .values(
      anchors.rows.map((a) => ({
        caseId,
        operationId: a.operationId,
        anchorReports: a.reports,
        addedBy: actor,
      })),
    )
    .onConflict((oc) => oc.columns(['caseId', 'operationId']).doNothing())
    .execute();
}

/** Adds operations to a case (several make it a sweep). */
export async function addCaseOperations(
  db: Kysely<Database>,
  caseId: string,
  operationIds: string[],
  actor: string | null,
): Promise<CaseDetail> {
  await caseRow(db, caseId);
  await db.transaction().execute(async (trx) => {
    await attach(trx, caseId, operationIds, actor);
    await touch(trx, caseId);
  });
  return getCase(db, caseId);
}

/** Takes an operation out of a case. */
export async function removeCaseOperation(
  db: Kysely<Database>,
  caseId: string,
  operationId: string,
): Promise<CaseDetail> {
  const r = await db
    .deleteFrom('caseOperations')
    .where('caseId', '=', caseId)
    .where('operationId', '=', operationId)
    .executeTakeFirst();
  if (Number(r.numDeletedRows) === 0)
    throw new NotFoundError(`operation ${operationId} is not in case ${caseId}`);
  await touch(db, caseId);
  return getCase(db, caseId);
}

async function touch(db: Kysely<Database>, caseId: string) {
  await db.updateTable('cases').set({ updatedAt: new Date() }).where('id', '=', caseId).execute();
}

async function caseRow(db: Kysely<Database>, id: string) {
  const row = await db
    .selectFrom('cases as c')
    .leftJoin('users as u', 'u.id', 'c.assigneeId')
    .select(caseColumns)
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`no case ${id}`);
  return row;
}

/** Where the operations of a case are now: the same id while it lives, else the one holding most of its reports. */
export async function caseOperations(db: Kysely<Database>, caseId: string): Promise<CaseOperation[]> {
  const rows = await sql<{
    operationId: string;
    addedBy: string | null;
    addedAt: Date;
    current: string | null;
    reportCount: number | null;
    priority: number | null;
  }>`
    SELECT co.operation_id, co.added_by, co.added_at, cur.id AS current, cur.report_count, cur.priority
    FROM case_operations co
    LEFT JOIN LATERAL (
      SELECT o.id, o.report_count, o.priority FROM operations o WHERE o.id = co.operation_id
      UNION ALL
      SELECT o.id, o.report_count, o.priority FROM (
        SELECT ro.operation_id, count(*) AS n FROM report_operations ro
        WHERE ro.report_id = ANY(co.anchor_reports) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1) best
      JOIN operations o ON o.id = best.operation_id
      WHERE NOT EXISTS (SELECT 1 FROM operations x WHERE x.id = co.operation_id)
      LIMIT 1
    ) cur ON true
    WHERE co.case_id = ${caseId}
    ORDER BY co.added_at, co.operation_id`.execute(db);
  return rows.rows.map((r) => ({
    id: r.operationId,
    current: r.current,
    reportCount: r.reportCount,
    priority: r.priority,
    addedBy: r.addedBy,
    addedAt: r.addedAt,
  }));
}

/** A case with its operations (followed through reclusters) and its entries in order. */
export async function getCase(db: Kysely<Database>, id: string): Promise<CaseDetail> {
  const row = await caseRow(db, id);
  const entries = await db
    .selectFrom('caseEntries')
    .select([
      'id',
      'kind',
      'subtype',
      'body',
      'target',
      'quantity',
      'state',
      'occurredAt',
      'dueAt',
      'author',
      'createdAt',
      'updatedAt',
    ])
    .where('caseId', '=', id)
    .orderBy('id')
    .execute();
  const { assigneeId, assigneeName, assigneeEmail, ...c } = row;
  return {
    ...c,
    assignee: assigneeId ? { id: assigneeId, name: assigneeName!, email: assigneeEmail! } : null,
    operations: await caseOperations(db, id),
    entries,
  };
}

/** One line of the case list. */
export interface CaseListItem {
  id: string;
  reference: string;
  title: string;
  status: string;
  tlp: string;
  agency: string | null;
  jurisdictions: string[];
  assignee: string | null;
  operations: number;
  updatedAt: Date;
}

/** Cases, most recently changed first, by status. */
export async function listCases(
  db: Kysely<Database>,
  q: { status?: string | undefined; limit: number; offset: number },
): Promise<{ total: number; cases: CaseListItem[] }> {
  let base = db.selectFrom('cases as c');
  if (q.status) base = base.where('c.status', '=', q.status);
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('users as u', 'u.id', 'c.assigneeId')
    .select((eb) => [
      'c.id',
      'c.reference',
      'c.title',
      'c.status',
      'c.tlp',
      'c.agency',
      'c.jurisdictions',
      'u.name as assignee',
      'c.updatedAt',
      eb
        .selectFrom('caseOperations as co')
        .whereRef('co.caseId', '=', 'c.id')
        .select(eb.fn.countAll<string>().as('n'))
        .as('operations'),
    ])
    .orderBy('c.updatedAt', 'desc')
    .orderBy('c.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return {
    total: Number(total.n),
    cases: rows.map((r) => ({ ...r, operations: Number(r.operations ?? 0) })),
  };
}

/** Changes a case; a new status is also written as a time-stamped entry (from → to). */
export async function updateCase(
  db: Kysely<Database>,
  id: string,
  patch: CasePatch,
  actor: string | null,
  now = new Date(),
): Promise<CaseDetail> {
  const before = await caseRow(db, id);
  await checkAssignee(db, patch.assigneeId);
  await db.transaction().execute(async (trx) => {
    const { status, ...rest } = patch;
    await trx
      .updateTable('cases')
      .set({ ...rest, ...(status ? { status } : {}), updatedAt: now })
      .where('id', '=', id)
      .execute();
    if (status && status !== before.status)
      await trx
        .insertInto('caseEntries')
        .values({
          caseId: id,
          kind: 'status',
          subtype: status,
          body: `${before.status} → ${status}`,
          author: actor,
          occurredAt: now,
        })
        .execute();
  });
  return getCase(db, id);
}

/** Adds a note, task, civil action or outcome. */
export async function addCaseEntry(
  db: Kysely<Database>,
  caseId: string,
  e: CaseEntryInput,
  actor: string | null,
  now = new Date(),
): Promise<CaseEntry> {
  await caseRow(db, caseId);
  const row = await db
    .insertInto('caseEntries')
    .values({
      caseId,
      kind: e.kind,
      subtype: 'subtype' in e ? e.subtype : null,
      body: e.body ?? '',
      target: 'target' in e ? e.target : null,
      quantity: 'quantity' in e ? (e.quantity ?? null) : null,
      state: e.kind === 'task' ? (e.state ?? 'open') : e.kind === 'action' ? (e.state ?? 'planned') : null,
      occurredAt: 'occurredAt' in e && e.occurredAt ? e.occurredAt : now,
      dueAt: 'dueAt' in e ? (e.dueAt ?? null) : null,
      author: actor,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await touch(db, caseId);
  const { caseId: _, ...entry } = row;
  return entry;
}

/** Moves a task or a civil action on (open → done; planned → sent → acknowledged → done / refused). */
export async function updateCaseEntry(
  db: Kysely<Database>,
  caseId: string,
  entryId: string,
  patch: CaseEntryPatch,
  now = new Date(),
): Promise<CaseEntry> {
  const e = await db
    .selectFrom('caseEntries')
    .select(['kind'])
    .where('caseId', '=', caseId)
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!e) throw new NotFoundError(`no entry ${entryId} in case ${caseId}`);
  if (patch.state) {
    const allowed: readonly string[] =
      e.kind === 'task' ? TASK_STATES : e.kind === 'action' ? ACTION_STATES : [];
    if (!allowed.includes(patch.state))
      throw new ConflictError(
        `a ${e.kind} cannot be "${patch.state}"${allowed.length ? ` (${allowed.join(', ')})` : ''}`,
      );
  }
  const row = await db
    .updateTable('caseEntries')
    .set({ ...patch, updatedAt: now })
    .where('id', '=', entryId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await touch(db, caseId);
  const { caseId: _, ...entry } = row;
  return entry;
}
