import { type Kysely, sql } from 'kysely';
import { NotFoundError } from '../core/errors.js';
import type { Database } from '../store/schema.js';

/** Filters of the operation list. */
export interface OperationFilter {
  brand?: string | undefined;
  channel?: string | undefined;
  country?: string | undefined;
  paymentMethod?: string | undefined;
  /** Active on or after / before (ISO dates). */
  activeFrom?: string | undefined;
  activeTo?: string | undefined;
  limit: number;
  offset: number;
}

/** One row of the ranked list: the operation and its summary (priority components, profile). */
export interface OperationRow {
  id: string;
  reportCount: number;
  priority: number;
  firstSeen: Date | null;
  lastSeen: Date | null;
  pinned: boolean;
  summary: Record<string, unknown>;
}

const tallyHas = (path: string[], value: string) =>
  sql<boolean>`summary #> ${sql.lit(`{${path.join(',')}}`)} @> ${JSON.stringify([{ value }])}::jsonb`;

/** Operations ranked by priority (fast movers first), filtered. */
export async function listOperations(
  db: Kysely<Database>,
  f: OperationFilter,
): Promise<{ total: number; rows: OperationRow[] }> {
  let q = db.selectFrom('operations');
  if (f.brand) q = q.where(tallyHas(['profile', 'modusOperandi', 'brands'], f.brand));
  if (f.channel) q = q.where(tallyHas(['profile', 'modusOperandi', 'channels'], f.channel));
  if (f.paymentMethod) q = q.where(tallyHas(['profile', 'modusOperandi', 'paymentMethods'], f.paymentMethod));
  if (f.country) q = q.where(tallyHas(['profile', 'targets', 'victimCountries'], f.country.toUpperCase()));
  if (f.activeFrom) q = q.where('lastSeen', '>=', new Date(f.activeFrom));
  if (f.activeTo) q = q.where('firstSeen', '<=', new Date(f.activeTo));
  const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .select(['id', 'reportCount', 'priority', 'firstSeen', 'lastSeen', 'pinned', 'summary'])
    .orderBy('priority', 'desc')
    .orderBy('id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total, rows };
}

/** One line of `dragnet operations --format ndjson` (DESIGN.md, "Operations export"). */
export interface OperationExport {
  id: string;
  reports: Array<{ id: string; externalId: string | null }>;
  priority: number;
  firstSeen: string | null;
  lastSeen: string | null;
  indicators: Array<{ kind: string; value: string; reportCount: number }>;
  victimCountries: Array<{ value: string; count: number }>;
  losses: Array<{ currency: string; value: number }>;
  profile: unknown;
}

/** Streams every operation in the export contract, highest priority first, in chunks. */
export async function* exportOperations(db: Kysely<Database>, chunk = 1000): AsyncGenerator<OperationExport> {
  for (let offset = 0; ; offset += chunk) {
    const ops = await db
      .selectFrom('operations')
      .select(['id', 'priority', 'firstSeen', 'lastSeen', 'summary'])
      .orderBy('priority', 'desc')
      .orderBy('id')
      .limit(chunk)
      .offset(offset)
      .execute();
    if (ops.length === 0) return;
    const ids = ops.map((o) => o.id);
    const reports = await sql<{ operationId: string; id: string; externalId: string | null }>`
      SELECT ro.operation_id, r.id, r.external_id FROM report_operations ro JOIN reports r ON r.id = ro.report_id
      WHERE ro.operation_id = ANY(${ids}) ORDER BY r.seq`.execute(db);
    const indicators = await sql<{ operationId: string; kind: string; value: string; n: string }>`
      SELECT ro.operation_id, ri.kind, ri.value, count(DISTINCT ri.report_id) AS n
      FROM report_operations ro JOIN report_indicators ri ON ri.report_id = ro.report_id
      WHERE ro.operation_id = ANY(${ids}) GROUP BY 1, 2, 3 ORDER BY 4 DESC, 2, 3`.execute(db);
    const byOp = new Map(
      ids.map((id) => [
        id,
        { reports: [] as OperationExport['reports'], indicators: [] as OperationExport['indicators'] },
      ]),
    );
    for (const r of reports.rows)
      byOp.get(r.operationId)?.reports.push({ id: r.id, externalId: r.externalId });
    for (const x of indicators.rows)
      byOp.get(x.operationId)?.indicators.push({ kind: x.kind, value: x.value, reportCount: Number(x.n) });
    for (const o of ops) {
      const s = o.summary as {
        profile?: {
          targets?: { victimCountries?: OperationExport['victimCountries'] };
          lossesByCurrency?: OperationExport['losses'];
        };
      };
      yield {
        id: o.id,
        reports: byOp.get(o.id)!.reports,
        priority: o.priority,
        firstSeen: o.firstSeen?.toISOString() ?? null,
        lastSeen: o.lastSeen?.toISOString() ?? null,
        indicators: byOp.get(o.id)!.indicators,
        victimCountries: s.profile?.targets?.victimCountries ?? [],
        losses: s.profile?.lossesByCurrency ?? [],
        profile: s.profile ?? null,
      };
    }
  }
}

/** The operation a report belongs to. */
export async function operationOfReport(db: Kysely<Database>, reportId: string): Promise<string> {
  const r = await db
    .selectFrom('reportOperations')
    .select('operationId')
    .where('reportId', '=', reportId)
    .executeTakeFirst();
  if (!r) throw new NotFoundError(`report ${reportId} is in no operation yet (not processed, or unknown)`);
  return r.operationId;
}
