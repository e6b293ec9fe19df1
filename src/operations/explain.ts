import { type Kysely, sql } from 'kysely';
import { getOrCreate } from '../core/collections.js';
import { type Explanation, explainLink, type ValueFacts } from '../link/explain.js';
import { DEFAULT_LINK_POLICY, type LinkReport } from '../link/types.js';
import { baseWeight } from '../link/weights.js';
import type { Database } from '../store/schema.js';
import { CAPTURE_PREFIX, loadDecisions } from './load.js';
import { operationOfReport } from './queries.js';
import { suppressionFor } from './suppress.js';

/** Why two reports are (or are not) in one operation. */
export type LinkAnswer =
  | { linked: true; operationId: string; explanation: Explanation | null }
  | {
      linked: false;
      operations: [string, string];
      shared: Array<{ kind: string; value: string; why: string }>;
    };

/**
 * Explains the link between two reports: the chain of shared values with their weights and how many
 * reports carry them; for reports in different operations, what they share and why it does not link.
 */
export async function explainReports(db: Kysely<Database>, a: string, b: string): Promise<LinkAnswer> {
  const [opA, opB] = [await operationOfReport(db, a), await operationOfReport(db, b)];
  const suppress = suppressionFor(await loadDecisions(db));
  if (opA !== opB) {
    const shared = await sql<{ kind: string; value: string }>`
      SELECT DISTINCT x.kind, x.value FROM report_indicators x JOIN report_indicators y
        ON y.kind = x.kind AND y.value = x.value WHERE x.report_id = ${a} AND y.report_id = ${b}`.execute(db);
    return {
      linked: false,
      operations: [opA, opB],
      shared: shared.rows.map((s) => ({
        ...s,
        why:
          suppress(s.kind, s.value)?.reason ??
          'a bridge kept apart: too few values join the two operations, or too few of their reports carry them',
      })),
    };
  }
  const { reports, facts, threshold } = await linkContext(db, opA, suppress, [a, b]);
  return { linked: true, operationId: opA, explanation: explainLink(reports, a, b, facts, threshold) };
}

/**
 * An operation as the explanations search it: its reports and crawled pages with their values, and each
 * value's facts (weight, how many reports carry it, whether it links alone, weakly, or not at all).
 */
export async function linkContext(
  db: Kysely<Database>,
  operationId: string,
  suppress: ReturnType<typeof suppressionFor>,
  include: string[] = [],
): Promise<{ reports: LinkReport[]; facts: (kind: string, value: string) => ValueFacts; threshold: number }> {
  // Crawled pages of the operation are nodes too: a chain may pass through a popup that showed a number.
  const rows = await sql<{ reportId: string; kind: string; value: string }>`
    SELECT DISTINCT ri.report_id::text AS report_id, ri.kind, ri.value FROM report_indicators ri
    JOIN report_operations ro ON ro.report_id = ri.report_id WHERE ro.operation_id = ${operationId}
    UNION
    SELECT ${CAPTURE_PREFIX} || ci.capture_id::text, ci.kind, ci.value FROM crawl_indicators ci
    JOIN crawl_captures cc ON cc.id = ci.capture_id WHERE cc.operation_id = ${operationId}`.execute(db);
  const byReport = new Map<string, Array<{ kind: string; value: string }>>();
  for (const r of rows.rows) {
    getOrCreate(byReport, r.reportId, () => [] as Array<{ kind: string; value: string }>).push({
      kind: r.kind,
      value: r.value,
    });
  }
  for (const id of include) if (!byReport.has(id)) byReport.set(id, []);
  const degrees = await sql<{ kind: string; value: string; n: string }>`
    SELECT kind, value, count(DISTINCT report_id) AS n FROM report_indicators
    WHERE (kind, value) IN (SELECT DISTINCT ri.kind, ri.value FROM report_indicators ri
      JOIN report_operations ro ON ro.report_id = ri.report_id WHERE ro.operation_id = ${operationId})
    GROUP BY 1, 2`.execute(db);
  const degree = new Map(degrees.rows.map((d) => [`${d.kind}\u0000${d.value}`, Number(d.n)]));
  const policy = DEFAULT_LINK_POLICY;
  const facts = (kind: string, value: string): ValueFacts => {
    const weight = baseWeight(kind, value, policy);
    const reportCount = degree.get(`${kind}\u0000${value}`) ?? 1;
    if (suppress(kind, value) || weight <= 0) return { weight: 0, reportCount, role: 'none' };
    return { weight, reportCount, role: weight >= policy.threshold ? 'linking' : 'weak' };
  };
  const reports = [...byReport].map(([id, indicators]) => ({ id, indicators }));
  return { reports, facts, threshold: policy.threshold };
}
