// Laying the graph out: fcose for the whole graph, and a cheap ring around a value for the reports an
// expansion adds (no global relayout, so expanding stays instant however large the graph is).
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
  numIter: number;
}

/** Lays out every element with fcose; returns the time it took in milliseconds. */
export function layoutAll(cy: Core): number {
  const started = performance.now();
  const big = cy.elements().length > 1500;
  const options: FcoseOptions = {
    name: 'fcose',
    // Draft is fcose's spectral layout alone: a second for thousands of nodes instead of several.
    quality: big ? 'draft' : 'default',
    randomize: true,
    animate: false,
    fit: true,
    padding: 24,
    nodeDimensionsIncludeLabels: false,
    packComponents: true,
    nodeRepulsion: 6000,
    idealEdgeLength: 70,
    edgeElasticity: 0.45,
    numIter: big ? 1000 : 2500,
  };
  cy.layout(options).run();
  return performance.now() - started;
}

/** Places newly added report nodes on rings around the value they were expanded from. */
export function placeAround(centre: NodeSingular, added: NodeCollection): void {
  const { x, y } = centre.position();
  const already = centre.neighborhood('node').length - added.length;
  let i = 0;
  added.forEach((node) => {
    const slot = already + i++;
    const ring = Math.floor(slot / 16);
    const angle = ((slot % 16) / 16) * 2 * Math.PI + ring * 0.2;
    const radius = 50 + ring * 22;
    node.position({ x: x + radius * Math.cos(angle), y: y + radius * Math.sin(angle) });
  });
}
