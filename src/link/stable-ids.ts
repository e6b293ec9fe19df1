import { createHash } from 'node:crypto';

/**
 * Names clusters with operation ids that stay stable across reclusters: a cluster keeps the id of the
 * previous operation that gave it the most reports, as long as more than half of that operation's
 * reports are in it (an operation keeps its id while most of its reports stay). Each old id goes to
 * at most one cluster. Other clusters get a new id derived from their oldest report, so the same data
 * always yields the same ids.
 *
 * @param cluster cluster of each report (dense)
 * @param reportIds id of each report, oldest first where order matters for naming
 * @param previous the operation each report had before (undefined for new reports)
 */
export function assignOperationIds(
  cluster: Int32Array,
  count: number,
  reportIds: string[],
  previous: Array<string | undefined>,
): string[] {
  const previousSize = new Map<string, number>();
  for (const p of previous) if (p) previousSize.set(p, (previousSize.get(p) ?? 0) + 1);
  // overlap[c] = counts of previous ids inside cluster c
  const overlap: Array<Map<string, number>> = Array.from({ length: count }, () => new Map());
  for (let r = 0; r < cluster.length; r++) {
    const p = previous[r];
    if (p) overlap[cluster[r]!]!.set(p, (overlap[cluster[r]!]!.get(p) ?? 0) + 1);
  }
  const candidates: Array<{ c: number; id: string; shared: number }> = [];
  overlap.forEach((m, c) => {
    for (const [id, shared] of m) if (shared * 2 > previousSize.get(id)!) candidates.push({ c, id, shared });
  });
  // Largest overlaps choose first; ties broken by id for determinism.
  candidates.sort((a, b) => b.shared - a.shared || (a.id < b.id ? -1 : 1));
  const ids: Array<string | undefined> = new Array(count);
  const taken = new Set<string>();
  for (const { c, id } of candidates) {
    if (ids[c] !== undefined || taken.has(id)) continue;
    ids[c] = id;
    taken.add(id);
  }
  const oldest = new Array<string | undefined>(count);
  for (let r = 0; r < cluster.length; r++) {
    const c = cluster[r]!;
    if (oldest[c] === undefined || reportIds[r]! < oldest[c]!) oldest[c] = reportIds[r];
  }
  for (let c = 0; c < count; c++) {
    if (ids[c] !== undefined) continue;
    let id = operationIdFor(oldest[c] ?? String(c));
    for (let k = 1; taken.has(id); k++) id = operationIdFor(`${oldest[c]}#${k}`);
    ids[c] = id;
    taken.add(id);
  }
  return ids as string[];
}

/** A short, readable operation id derived from a seed (the cluster's oldest report). */
export function operationIdFor(seed: string): string {
  return `op-${createHash('sha256').update(seed).digest('hex').slice(0, 10)}`;
}
