// The graph as elements for the canvas and the node list: the server's summarised value nodes and
// co-occurrence edges, plus the report nodes of the values the analyst expanded. Pure.

import { kindStyle } from './kinds';
import { reportName, truncate } from './labels';
import type { GraphAnswer, GraphReport, GraphValue } from './types';

/** The reports loaded so far for one expanded value. */
export interface Expansion {
  reports: GraphReport[];
  /** True while the server may have more (the last page came back full). */
  more: boolean;
  loading: boolean;
  error?: string | undefined;
}

/** A node for the canvas. */
export interface GraphNode {
  id: string;
  kind: string;
  label: string;
  colour: string;
  shape: string;
  size: number;
  /** For a value node: its kind:value key (what `expand` takes). */
  key?: string;
}

/** An edge for the canvas; `weight` is how many reports it stands for. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  weight: number;
}

/** Everything the canvas draws. */
export interface GraphElements {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The key a value is expanded by: `kind:value`. */
export function valueKey(v: { kind: string; value: string }): string {
  return `${v.kind}:${v.value}`;
}

/** The canvas id of a value node. */
export function valueNodeId(key: string): string {
  return `v:${key}`;
}

/** The canvas id of a report node. */
export function reportNodeId(reportId: string): string {
  return `r:${reportId}`;
}

function valueNode(v: GraphValue, maxCount: number): GraphNode {
  const style = kindStyle(v.kind);
  const key = valueKey(v);
  return {
    id: valueNodeId(key),
    kind: v.kind,
    label: truncate(v.value, 32),
    colour: style.colour,
    shape: style.shape,
    size: Math.round(14 + 30 * Math.sqrt(v.reportCount / Math.max(1, maxCount))),
    key,
  };
}

/** Builds the canvas elements from the summarised graph and the expansions (reports shared by several expanded values appear once). */
export function buildElements(graph: GraphAnswer, expansions: ReadonlyMap<string, Expansion>): GraphElements {
  const maxCount = graph.nodes.reduce((m, n) => Math.max(m, n.reportCount), 1);
  const nodes = graph.nodes.map((v) => valueNode(v, maxCount));
  const edges: GraphEdge[] = [];
  for (const e of graph.edges) {
    const a = nodes[e.a];
    const b = nodes[e.b];
    if (a && b) edges.push({ id: `e:${a.id}|${b.id}`, source: a.id, target: b.id, weight: e.reports });
  }
  const present = new Set(nodes.map((n) => n.id));
  const report = kindStyle('report');
  for (const [key, expansion] of expansions) {
    const source = valueNodeId(key);
    if (!present.has(source)) continue;
    for (const r of expansion.reports) {
      const id = reportNodeId(r.id);
      if (!present.has(id)) {
        present.add(id);
        nodes.push({
          id,
          kind: 'report',
          label: truncate(reportName(r), 24),
          colour: report.colour,
          shape: report.shape,
          size: 10,
        });
      }
      edges.push({ id: `x:${id}|${source}`, source: id, target: source, weight: 1 });
    }
  }
  return { nodes, edges };
}
