import type { LinkReport } from './types.js';

/**
 * The report–indicator graph: reports link only through indicator nodes (never stored as report pairs,
 * which explode). Both directions are kept as compressed rows over typed arrays.
 */
export interface ReportGraph {
  reportCount: number;
  /** Indicator i is `kinds[i]` + `values[i]`. */
  kinds: string[];
  values: string[];
  /** Reports of indicator i: `indReports[indOffsets[i] .. indOffsets[i+1])`. */
  indOffsets: Int32Array;
  indReports: Int32Array;
  /** Indicators of report r: `repInds[repOffsets[r] .. repOffsets[r+1])`. */
  repOffsets: Int32Array;
  repInds: Int32Array;
  /** Index of an indicator by `kind + "\u0000" + value`. */
  index: Map<string, number>;
}

/** The key of an indicator in the graph's index. */
export const indicatorKey = (kind: string, value: string) => `${kind}\u0000${value}`;

/** Builds the graph; a value repeated within one report counts once. */
export function buildGraph(reports: LinkReport[]): ReportGraph {
  const index = new Map<string, number>();
  const kinds: string[] = [];
  const values: string[] = [];
  const repOffsets = new Int32Array(reports.length + 1);
  const tmp: number[] = [];
  for (let r = 0; r < reports.length; r++) {
    const start = tmp.length;
    for (const x of reports[r]!.indicators) {
      const key = indicatorKey(x.kind, x.value);
      let i = index.get(key);
      if (i === undefined) {
        i = kinds.length;
        index.set(key, i);
        kinds.push(x.kind);
        values.push(x.value);
      }
      let dup = false;
      for (let k = start; k < tmp.length; k++) if (tmp[k] === i) dup = true;
      if (!dup) tmp.push(i);
    }
    repOffsets[r + 1] = tmp.length;
  }
  const repInds = Int32Array.from(tmp);
  const m = kinds.length;
  const indOffsets = new Int32Array(m + 1);
  for (let e = 0; e < repInds.length; e++) indOffsets[repInds[e]! + 1]!++;
  for (let i = 0; i < m; i++) indOffsets[i + 1]! += indOffsets[i]!;
  const fill = indOffsets.slice(0, m);
  const indReports = new Int32Array(repInds.length);
  for (let r = 0; r < reports.length; r++) {
    for (let e = repOffsets[r]!; e < repOffsets[r + 1]!; e++) indReports[fill[repInds[e]!]!++] = r;
  }
  return { reportCount: reports.length, kinds, values, indOffsets, indReports, repOffsets, repInds, index };
}

/** Number of reports that carry indicator i. */
export const degreeOf = (g: ReportGraph, i: number) => g.indOffsets[i + 1]! - g.indOffsets[i]!;

/** The reports that carry indicator i. */
export const reportsOf = (g: ReportGraph, i: number) =>
  g.indReports.subarray(g.indOffsets[i]!, g.indOffsets[i + 1]!);
