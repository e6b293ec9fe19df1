// Laying the graph out: fcose over the value nodes, and cheap rings around a value for its reports (report
// nodes are leaves, so no force layout is needed for them, and expanding stays instant at any size).
import type { BaseLayoutOptions, Core, NodeCollection, NodeSingular } from 'cytoscape';

interface FcoseOptions extends BaseLayoutOptions {
  quality: 'draft' | 'default' | 'proof';
  randomize: boolean;
  animate: boolean;
  fit: boolean;
  padding: number;
  nodeDimensionsIncludeLabels: boolean;
  packComponents: boolean;
  nodeRepulsion: number;
  idealEdgeLength: number;
  edgeElasticity: number;
}

/**
 * Above this many value nodes and links, fcose's force refinement costs seconds on a modest machine
 * (≈2.5 s for 500 values and 2,000 links), so only its spectral draft runs (≈0.3 s).
 */
const FORCE_LIMIT = 800;

/** Places report nodes on rings around the value they were expanded from. */
export function placeAround(centre: NodeSingular, added: NodeCollection, already = 0): void {
  const { x, y } = centre.position();
  let i = 0;
  added.forEach((node) => {
    const slot = already + i++;
    const ring = Math.floor(slot / 16);
    const angle = ((slot % 16) / 16) * 2 * Math.PI + ring * 0.2;
    const radius = 50 + ring * 22;
    node.position({ x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) });
  });
}

/** fcose's draft packs nodes tightly: scale positions so each value has room for a ring of reports. */
function spreadOut(values: NodeCollection): void {
  const box = values.boundingBox();
  const side = Math.max(box.w, box.h, 1);
  const factor = (Math.sqrt(values.length) * 110) / side;
  if (factor <= 1) return;
  const cx = box.x1 + box.w / 2;
  const cy = box.y1 + box.h / 2;
  values.forEach((v) => {
    const p = v.position();
    v.position({ x: cx + (p.x - cx) * factor, y: cy + (p.y - cy) * factor });
  });
}

/** Lays out every element (values by fcose, reports in rings); returns the time it took in milliseconds. */
export function layoutAll(cy: Core): number {
  const started = performance.now();
  const values = cy.nodes('[kind != "report"]');
  const valueGraph = values.union(values.edgesWith(values));
  const options: FcoseOptions = {
    name: 'fcose',
    quality: valueGraph.length > FORCE_LIMIT ? 'draft' : 'default',
    randomize: true,
    animate: false,
    fit: false,
    padding: 24,
    nodeDimensionsIncludeLabels: false,
    packComponents: true,
    nodeRepulsion: 6000,
    idealEdgeLength: 70,
    edgeElasticity: 0.45,
  };
  cy.batch(() => {
    valueGraph.layout(options).run();
    spreadOut(values);
    const placed = new Set<string>();
    values.forEach((value) => {
      const reports = value.neighborhood('node[kind = "report"]').filter((r) => !placed.has(r.id()));
      reports.forEach((r) => {
        placed.add(r.id());
      });
      if (reports.nonempty()) placeAround(value, reports);
    });
  });
  cy.fit(undefined, 24);
  return performance.now() - started;
}
