import { clusterReports } from './cluster.js';
import { applyDecisions, type LinkDecision } from './decisions.js';
import type { LinkPolicy, LinkReport, Suppression } from './types.js';

/** How one operation's reports fall into groups, largest first, without and with the exclusion. */
export interface SplitPreview {
  before: number[];
  after: number[];
}

/**
 * What excluding one value would do to the operations holding it (pure): the reports of those operations
 * are clustered as a recluster would (same policy, same analysts' decisions), once as they are and once
 * with the value suppressed, and each operation's reports are grouped by the clusters they land in.
 * `before` shows how faithfully the subset reproduces today's operations; `after` is the preview.
 * `operationOf[i]` is report i's operation (null for crawled pages, which link but are not counted).
 */
export function previewExclusion(
  reports: LinkReport[],
  operationOf: Array<string | null>,
  excluded: { kind: string; value: string },
  policy: LinkPolicy,
  suppress: (kind: string, value: string) => Suppression,
  decisions: LinkDecision[],
): Map<string, SplitPreview> {
  const index = new Map(reports.map((r, i) => [r.id, i]));
  const labelsWith = (s: (kind: string, value: string) => Suppression) => {
    const c = clusterReports(reports, policy, s);
    return applyDecisions(c.cluster, index, decisions, c.graph, c.weights).cluster;
  };
  const before = labelsWith(suppress);
  const after = labelsWith((kind, value) =>
    kind === excluded.kind && value === excluded.value
      ? { mode: 'block', reason: 'excluded (preview)' }
      : suppress(kind, value),
  );
  const afterSizes = groupSizes(operationOf, after);
  return new Map(
    [...groupSizes(operationOf, before)].map(([op, b]) => [op, { before: b, after: afterSizes.get(op)! }]),
  );
}

/** Per operation, the sizes of the clusters its reports fall into, largest first. */
function groupSizes(operationOf: Array<string | null>, labels: Int32Array): Map<string, number[]> {
  const counts = new Map<string, Map<number, number>>();
  operationOf.forEach((op, i) => {
    if (op === null) return;
    const c = counts.get(op) ?? new Map<number, number>();
    c.set(labels[i]!, (c.get(labels[i]!) ?? 0) + 1);
    counts.set(op, c);
  });
  return new Map([...counts].map(([op, c]) => [op, [...c.values()].sort((a, b) => b - a)]));
}
