import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** Bumped whenever processing changes, so `dragnet reprocess` can tell what is out of date. */
export const PIPELINE_VERSION = 1;

/**
 * Processes stored reports: the stages that read a report by machine run here (idempotently: a retried
 * job overwrites its own results, never adds to them), then the report is marked processed.
 */
export async function processReports(db: Kysely<Database>, reportIds: string[], now: Date): Promise<number> {
  if (reportIds.length === 0) return 0;
  const reports = await db.selectFrom('reports').select(['id']).where('id', 'in', reportIds).execute();
  if (reports.length === 0) return 0;
  await db
    .insertInto('reportStatus')
    .values(reports.map((r) => ({ reportId: r.id, processedAt: now, pipelineVersion: PIPELINE_VERSION })))
    .onConflict((oc) =>
      oc.column('reportId').doUpdateSet((eb) => ({
        processedAt: eb.ref('excluded.processedAt'),
        pipelineVersion: eb.ref('excluded.pipelineVersion'),
      })),
    )
    .execute();
  return reports.length;
}
