import type { Kysely } from 'kysely';
import type { Extraction } from '../extract/types.js';
import type { Database } from './schema.js';

/** One report's extraction to save. */
export interface ExtractionToSave {
  reportId: string;
  extraction: Extraction;
}

/**
 * Saves extractions, replacing what an earlier run saved for the same reports, in one transaction:
 * a retried or repeated job leaves exactly one set of results per report.
 */
export async function saveExtractions(
  db: Kysely<Database>,
  items: ExtractionToSave[],
  extractorVersion: number,
  now: Date,
): Promise<void> {
  if (items.length === 0) return;
  const ids = items.map((i) => i.reportId);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('reportIndicators').where('reportId', 'in', ids).execute();
    const indicators = items.flatMap(({ reportId, extraction }) =>
      extraction.indicators.map((x) => ({
        reportId,
        kind: x.kind,
        value: x.value,
        raw: x.raw,
        field: x.field,
        startPos: x.start ?? null,
        endPos: x.end ?? null,
        meta: x.meta ? JSON.stringify(x.meta) : null,
      })),
    );
    // Stay well under PostgreSQL's 65,535 bind parameters per statement (8 per row).
    for (let i = 0; i < indicators.length; i += 5000) {
      await trx
        .insertInto('reportIndicators')
        .values(indicators.slice(i, i + 5000))
        .execute();
    }
    await trx
      .insertInto('reportExtractions')
      .values(
        items.map(({ reportId, extraction: e }) => ({
          reportId,
          extractorVersion,
          extractedAt: now,
          isTss: e.triage.isTechSupportScam,
          triageScore: e.triage.score,
          severity: e.triage.severity,
          channel: e.channel,
          language: e.language,
          brands: e.brands,
          paymentMethods: e.paymentMethods,
          remoteTools: e.remoteTools,
          losses: JSON.stringify(e.totalLoss),
          result: JSON.stringify({ ...e, indicators: undefined }),
        })),
      )
      .onConflict((oc) =>
        oc.column('reportId').doUpdateSet((eb) => ({
          extractorVersion: eb.ref('excluded.extractorVersion'),
          extractedAt: eb.ref('excluded.extractedAt'),
          isTss: eb.ref('excluded.isTss'),
          triageScore: eb.ref('excluded.triageScore'),
          severity: eb.ref('excluded.severity'),
          channel: eb.ref('excluded.channel'),
          language: eb.ref('excluded.language'),
          brands: eb.ref('excluded.brands'),
          paymentMethods: eb.ref('excluded.paymentMethods'),
          remoteTools: eb.ref('excluded.remoteTools'),
          losses: eb.ref('excluded.losses'),
          result: eb.ref('excluded.result'),
        })),
      )
      .execute();
  });
}

/** The saved extraction of a report, with its indicators, or undefined before processing. */
export async function getExtraction(db: Kysely<Database>, reportId: string) {
  const facts = await db
    .selectFrom('reportExtractions')
    .selectAll()
    .where('reportId', '=', reportId)
    .executeTakeFirst();
  if (!facts) return undefined;
  const indicators = await db
    .selectFrom('reportIndicators')
    .select(['kind', 'value', 'raw', 'field', 'startPos', 'endPos', 'meta'])
    .where('reportId', '=', reportId)
    .orderBy('id')
    .execute();
  return { ...facts, indicators };
}
