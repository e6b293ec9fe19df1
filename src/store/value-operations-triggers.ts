// The statement triggers that keep value_operations (migration 0008) exact, as SQL. Each comes in two
// plans: a few rows (one report linked, one report read) are followed by index, row by row (LATERAL …
// OFFSET 0 keeps the planner from hashing a whole table: at 100,000 reports it scanned report_indicators
// for every report linked, 50 ms each); many rows (a recluster, a batch) are joined wholesale.

/** Above this many changed rows a trigger joins wholesale instead of looking each row up. */
export const FEW_ROWS = 1000;

/** One trigger: the table and statement it follows, and its statements for few and for many rows. */
export interface ValueOperationsTrigger {
  table: string;
  op: 'INSERT' | 'UPDATE' | 'DELETE';
  few: string[];
  many: string[];
}

/** Adds the (kind, value, operation_id, holders) rows a query yields; negative holders remove. */
const add = (select: string) =>
  `INSERT INTO value_operations AS v (kind, value, operation_id, holders)
   SELECT kind, value, operation_id, n FROM (${select}) d WHERE n <> 0
   ON CONFLICT (kind, value, operation_id) DO UPDATE SET holders = v.holders + excluded.holders;`;
/** Deletes the rows of the given operations that no longer have holders (an index lookup per operation). */
const sweep = (ops: string) =>
  `DELETE FROM value_operations WHERE holders <= 0 AND operation_id = ANY (ARRAY(SELECT DISTINCT operation_id FROM (${ops}) s));`;

type Plan = 'few' | 'many';

/** A report's distinct values, counted once per (report, value) even when it names a value twice. */
const reportValues = (plan: Plan, rows: string, sign: '' | '-') =>
  `SELECT ri.kind, ri.value, r.operation_id, ${sign}count(DISTINCT ri.report_id)::int AS n FROM ${rows}
   ${
     plan === 'few'
       ? 'CROSS JOIN LATERAL (SELECT i.kind, i.value, i.report_id FROM report_indicators i WHERE i.report_id = r.report_id OFFSET 0) ri'
       : 'JOIN report_indicators ri ON ri.report_id = r.report_id'
   } GROUP BY 1, 2, 3`;
const captureValues = (plan: Plan, rows: string, sign: '' | '-') =>
  `SELECT ci.kind, ci.value, c.operation_id, ${sign}count(*)::int AS n FROM ${rows}
   ${
     plan === 'few'
       ? 'CROSS JOIN LATERAL (SELECT i.kind, i.value FROM crawl_indicators i WHERE i.capture_id = c.id OFFSET 0) ci'
       : 'JOIN crawl_indicators ci ON ci.capture_id = c.id'
   } WHERE c.operation_id IS NOT NULL GROUP BY 1, 2, 3`;
const movedReports = (side: 'o' | 'n') =>
  `(SELECT ${side}.report_id, ${side}.operation_id FROM old_rows o JOIN new_rows n ON n.report_id = o.report_id
    WHERE n.operation_id <> o.operation_id) r`;
const movedCaptures = (side: 'o' | 'n') =>
  `(SELECT ${side}.id, ${side}.operation_id FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE n.operation_id IS DISTINCT FROM o.operation_id) c`;
/** The operation of each changed indicator row's report (or page). */
const operationOfReport = (plan: Plan, rows: string) =>
  plan === 'few'
    ? `${rows} x CROSS JOIN LATERAL (SELECT o.operation_id FROM report_operations o WHERE o.report_id = x.report_id OFFSET 0) ro`
    : `${rows} x JOIN report_operations ro ON ro.report_id = x.report_id`;
const operationOfCapture = (plan: Plan, rows: string) =>
  plan === 'few'
    ? `${rows} x CROSS JOIN LATERAL (SELECT cc.operation_id FROM crawl_captures cc WHERE cc.id = x.capture_id OFFSET 0) c`
    : `${rows} x JOIN crawl_captures c ON c.id = x.capture_id`;
/** Whether the report still names the value (other than in rows `older` excludes); OFFSET 0 keeps it a lookup. */
const stillNamed = (older = '') =>
  `EXISTS (SELECT 1 FROM report_indicators ri WHERE ri.report_id = x.report_id AND ri.kind = x.kind
           AND ri.value = x.value ${older} OFFSET 0)`;

const both = (make: (plan: Plan) => string[]) => ({ few: make('few'), many: make('many') });

/** Every trigger, in the order they are created. */
export const VALUE_OPERATIONS_TRIGGERS: ValueOperationsTrigger[] = [
  // Reports assigned to, moved between, or removed from operations carry their values along.
  { table: 'report_operations', op: 'INSERT', ...both((p) => [add(reportValues(p, 'new_rows r', ''))]) },
  {
    table: 'report_operations',
    op: 'UPDATE',
    ...both((p) => [
      add(reportValues(p, movedReports('o'), '-')),
      add(reportValues(p, movedReports('n'), '')),
      sweep('SELECT operation_id FROM old_rows'),
    ]),
  },
  {
    table: 'report_operations',
    op: 'DELETE',
    ...both((p) => [add(reportValues(p, 'old_rows r', '-')), sweep('SELECT operation_id FROM old_rows')]),
  },
  // A report read again gets new values; a value it already named in an earlier statement is not
  // counted twice, and one is removed only when the report names it no more.
  {
    table: 'report_indicators',
    op: 'INSERT',
    ...both((p) => [
      add(`SELECT x.kind, x.value, ro.operation_id, count(DISTINCT x.report_id)::int AS n
           FROM ${operationOfReport(p, 'new_rows')}
           WHERE NOT ${stillNamed('AND ri.id < (SELECT min(id) FROM new_rows)')}
           GROUP BY 1, 2, 3`),
    ]),
  },
  {
    table: 'report_indicators',
    op: 'DELETE',
    ...both((p) => [
      add(`SELECT x.kind, x.value, ro.operation_id, -count(DISTINCT x.report_id)::int AS n
           FROM ${operationOfReport(p, 'old_rows')}
           WHERE NOT ${stillNamed()}
           GROUP BY 1, 2, 3`),
      sweep(`SELECT ro.operation_id FROM ${operationOfReport(p, 'old_rows')}`),
    ]),
  },
  // Crawled pages count as holders of what they showed while they belong to an operation.
  { table: 'crawl_captures', op: 'INSERT', ...both((p) => [add(captureValues(p, 'new_rows c', ''))]) },
  {
    table: 'crawl_captures',
    op: 'UPDATE',
    ...both((p) => [
      add(captureValues(p, movedCaptures('o'), '-')),
      add(captureValues(p, movedCaptures('n'), '')),
      sweep('SELECT operation_id FROM old_rows WHERE operation_id IS NOT NULL'),
    ]),
  },
  {
    table: 'crawl_captures',
    op: 'DELETE',
    ...both((p) => [
      add(captureValues(p, 'old_rows c', '-')),
      sweep('SELECT operation_id FROM old_rows WHERE operation_id IS NOT NULL'),
    ]),
  },
  {
    table: 'crawl_indicators',
    op: 'INSERT',
    ...both((p) => [
      add(`SELECT x.kind, x.value, c.operation_id, count(*)::int AS n
           FROM ${operationOfCapture(p, 'new_rows')} WHERE c.operation_id IS NOT NULL GROUP BY 1, 2, 3`),
    ]),
  },
  {
    table: 'crawl_indicators',
    op: 'DELETE',
    ...both((p) => [
      add(`SELECT x.kind, x.value, c.operation_id, -count(*)::int AS n
           FROM ${operationOfCapture(p, 'old_rows')} WHERE c.operation_id IS NOT NULL GROUP BY 1, 2, 3`),
      sweep(
        `SELECT c.operation_id FROM ${operationOfCapture(p, 'old_rows')} WHERE c.operation_id IS NOT NULL`,
      ),
    ]),
  },
];

/** The trigger's (and its function's) name. */
export const triggerName = (t: ValueOperationsTrigger) => `value_operations_${t.table}_${t.op.toLowerCase()}`;

/** CREATE OR REPLACE FUNCTION for a trigger: the plan for few rows or for many, chosen per statement. */
export function triggerFunctionSql(t: ValueOperationsTrigger): string {
  const changed = t.op === 'DELETE' ? 'old_rows' : 'new_rows';
  return `CREATE OR REPLACE FUNCTION ${triggerName(t)}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
IF (SELECT count(*) FROM (SELECT 1 FROM ${changed} LIMIT ${FEW_ROWS + 1}) c) <= ${FEW_ROWS} THEN
${t.few.join('\n')}
ELSE
${t.many.join('\n')}
END IF;
RETURN NULL;
END
$fn$`;
}

/** CREATE TRIGGER for a trigger (statement-level, with its transition tables). */
export function triggerSql(t: ValueOperationsTrigger): string {
  const transition = {
    INSERT: 'NEW TABLE AS new_rows',
    DELETE: 'OLD TABLE AS old_rows',
    UPDATE: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
  }[t.op];
  return `CREATE TRIGGER ${triggerName(t)} AFTER ${t.op} ON ${t.table}
REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION ${triggerName(t)}()`;
}
