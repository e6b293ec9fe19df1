import { type Kysely, sql } from 'kysely';

/**
 * Which operations hold each value, and through how many reports or crawled pages: what incremental
 * linking asks for every new report ("which operations share my values, and how common is each?").
 * Without it that question reads every holder of a value (thousands of rows for a busy number); with it,
 * one row per operation. Kept by statement-level triggers on the four tables it summarises, so every
 * writer (recluster, incremental linking, analysts' decisions, re-extraction, crawls) keeps it exact
 * without knowing it exists, and set-based, so a recluster moving a million reports stays one join.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE value_operations (
      kind text NOT NULL,
      value text NOT NULL,
      operation_id text NOT NULL,
      holders integer NOT NULL,
      PRIMARY KEY (kind, value, operation_id)
    )`.execute(db);
  await sql`CREATE INDEX value_operations_operation_idx ON value_operations (operation_id)`.execute(db);
  for (const t of TRIGGERS) {
    const name = `value_operations_${t.table}_${t.op.toLowerCase()}`;
    await sql`
      CREATE FUNCTION ${sql.raw(name)}() RETURNS trigger LANGUAGE plpgsql AS ${sql.lit(
        `BEGIN\n${t.body.join('\n')}\nRETURN NULL;\nEND`,
      )}`.execute(db);
    const transition = {
      INSERT: 'NEW TABLE AS new_rows',
      DELETE: 'OLD TABLE AS old_rows',
      UPDATE: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
    }[t.op];
    await sql`
      CREATE TRIGGER ${sql.raw(name)} AFTER ${sql.raw(t.op)} ON ${sql.raw(t.table)}
      REFERENCING ${sql.raw(transition)} FOR EACH STATEMENT EXECUTE FUNCTION ${sql.raw(name)}()`.execute(db);
  }
  await sql`
    INSERT INTO value_operations (kind, value, operation_id, holders)
    SELECT kind, value, operation_id, count(*) FROM (
      SELECT DISTINCT ri.kind, ri.value, ro.operation_id, ri.report_id::text AS holder
      FROM report_indicators ri JOIN report_operations ro ON ro.report_id = ri.report_id
      UNION ALL
      SELECT ci.kind, ci.value, cc.operation_id, 'crawl:' || ci.capture_id
      FROM crawl_indicators ci JOIN crawl_captures cc ON cc.id = ci.capture_id
      WHERE cc.operation_id IS NOT NULL) h
    GROUP BY 1, 2, 3`.execute(db);
}

/** Adds the (kind, value, operation_id, holders) rows a query yields; negative holders remove. */
const add = (select: string) =>
  `INSERT INTO value_operations AS v (kind, value, operation_id, holders)
   SELECT kind, value, operation_id, n FROM (${select}) d WHERE n <> 0
   ON CONFLICT (kind, value, operation_id) DO UPDATE SET holders = v.holders + excluded.holders;`;
/** Deletes the rows of the given operations that no longer have holders. */
const sweep = (ops: string) =>
  `DELETE FROM value_operations WHERE holders <= 0 AND operation_id IN (${ops});`;

/** A report's distinct values, counted once per (report, value) even when it names a value twice. */
const reportValues = (rows: string, sign: '' | '-', where = '') =>
  `SELECT ri.kind, ri.value, r.operation_id, ${sign}count(DISTINCT ri.report_id)::int AS n
   FROM ${rows} JOIN report_indicators ri ON ri.report_id = r.report_id ${where} GROUP BY 1, 2, 3`;
const captureValues = (rows: string, sign: '' | '-', where = '') =>
  `SELECT ci.kind, ci.value, c.operation_id, ${sign}count(*)::int AS n
   FROM ${rows} JOIN crawl_indicators ci ON ci.capture_id = c.id
   WHERE c.operation_id IS NOT NULL ${where} GROUP BY 1, 2, 3`;
const movedReports = (side: 'o' | 'n') =>
  `(SELECT ${side}.report_id, ${side}.operation_id FROM old_rows o JOIN new_rows n ON n.report_id = o.report_id
    WHERE n.operation_id <> o.operation_id) r`;
const movedCaptures = (side: 'o' | 'n') =>
  `(SELECT ${side}.id, ${side}.operation_id FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE n.operation_id IS DISTINCT FROM o.operation_id) c`;

interface TriggerSpec {
  table: string;
  op: 'INSERT' | 'UPDATE' | 'DELETE';
  body: string[];
}

const TRIGGERS: TriggerSpec[] = [
  // Reports assigned to, moved between, or removed from operations carry their values along.
  { table: 'report_operations', op: 'INSERT', body: [add(reportValues('new_rows r', ''))] },
  {
    table: 'report_operations',
    op: 'UPDATE',
    body: [
      add(reportValues(movedReports('o'), '-')),
      add(reportValues(movedReports('n'), '')),
      sweep('SELECT operation_id FROM old_rows'),
    ],
  },
  {
    table: 'report_operations',
    op: 'DELETE',
    body: [add(reportValues('old_rows r', '-')), sweep('SELECT operation_id FROM old_rows')],
  },
  // A report read again gets new values; a value it already named in an earlier statement is not
  // counted twice, and one is removed only when the report names it no more.
  {
    table: 'report_indicators',
    op: 'INSERT',
    body: [
      add(`SELECT x.kind, x.value, ro.operation_id, count(DISTINCT x.report_id)::int AS n
           FROM new_rows x JOIN report_operations ro ON ro.report_id = x.report_id
           WHERE NOT EXISTS (SELECT 1 FROM report_indicators ri WHERE ri.report_id = x.report_id
             AND ri.kind = x.kind AND ri.value = x.value AND ri.id < (SELECT min(id) FROM new_rows))
           GROUP BY 1, 2, 3`),
    ],
  },
  {
    table: 'report_indicators',
    op: 'DELETE',
    body: [
      add(`SELECT x.kind, x.value, ro.operation_id, -count(DISTINCT x.report_id)::int AS n
           FROM old_rows x JOIN report_operations ro ON ro.report_id = x.report_id
           WHERE NOT EXISTS (SELECT 1 FROM report_indicators ri WHERE ri.report_id = x.report_id
             AND ri.kind = x.kind AND ri.value = x.value)
           GROUP BY 1, 2, 3`),
      sweep(`SELECT ro.operation_id FROM old_rows x JOIN report_operations ro ON ro.report_id = x.report_id`),
    ],
  },
  // Crawled pages count as holders of what they showed while they belong to an operation.
  { table: 'crawl_captures', op: 'INSERT', body: [add(captureValues('new_rows c', ''))] },
  {
    table: 'crawl_captures',
    op: 'UPDATE',
    body: [
      add(captureValues(movedCaptures('o'), '-')),
      add(captureValues(movedCaptures('n'), '')),
      sweep('SELECT operation_id FROM old_rows WHERE operation_id IS NOT NULL'),
    ],
  },
  {
    table: 'crawl_captures',
    op: 'DELETE',
    body: [
      add(captureValues('old_rows c', '-')),
      sweep('SELECT operation_id FROM old_rows WHERE operation_id IS NOT NULL'),
    ],
  },
  {
    table: 'crawl_indicators',
    op: 'INSERT',
    body: [
      add(`SELECT x.kind, x.value, c.operation_id, count(*)::int AS n
           FROM new_rows x JOIN crawl_captures c ON c.id = x.capture_id
           WHERE c.operation_id IS NOT NULL GROUP BY 1, 2, 3`),
    ],
  },
  {
    table: 'crawl_indicators',
    op: 'DELETE',
    body: [
      add(`SELECT x.kind, x.value, c.operation_id, -count(*)::int AS n
           FROM old_rows x JOIN crawl_captures c ON c.id = x.capture_id
           WHERE c.operation_id IS NOT NULL GROUP BY 1, 2, 3`),
      sweep(`SELECT c.operation_id FROM old_rows x JOIN crawl_captures c ON c.id = x.capture_id`),
    ],
  },
];

/** Forward-only. */
export async function down(): Promise<void> {
  throw new Error('Dragnet migrations are forward-only');
}
