import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useRef } from 'react';
import { layoutAll, placeAround } from './graph-layout';
import type { GraphElements } from './graph-model';

cytoscape.use(fcose);

// Labels are drawn as text on the canvas (no HTML label extension): attacker-supplied values cannot inject markup.
const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      shape: 'data(shape)' as 'ellipse',
      width: 'data(size)',
      height: 'data(size)',
      label: 'data(label)',
      'font-size': 10,
      color: '#1b1f24',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'min-zoomed-font-size': 8,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.7,
    },
  },
  { selector: 'node[kind = "report"]', style: { 'font-size': 8, 'min-zoomed-font-size': 12 } },
  {
    selector: 'edge',
    style: {
      width: 'mapData(weight, 1, 20, 1, 6)',
      'line-color': '#9aa4ae',
      opacity: 0.6,
      'curve-style': 'haystack',
    },
  },
  {
    selector: 'node:selected',
    style: { 'border-width': 4, 'border-color': '#f5a623', 'z-index': 10 },
  },
];

/** What the canvas reports back after laying out. */
export interface LayoutStats {
  nodes: number;
  edges: number;
  ms: number;
  kind: 'full' | 'expansion';
}

interface Props {
  elements: GraphElements;
  selectedId: string | undefined;
  /** Bumped to ask for a full relayout. */
  relayout: number;
  onTapNode(id: string): void;
  onLayout(stats: LayoutStats): void;
}

function toDefinitions(elements: GraphElements): ElementDefinition[] {
  return [
    ...elements.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n } })),
    ...elements.edges.map((e) => ({ group: 'edges' as const, data: { ...e } })),
  ];
}

/** The graph drawn by cytoscape (canvas) with fcose; new expansions are placed around their value. */
export function GraphCanvas({ elements, selectedId, relayout, onTapNode, onLayout }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const handlers = useRef({ onTapNode, onLayout });
  handlers.current = { onTapNode, onLayout };

  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      style: STYLE,
      textureOnViewport: true,
      hideEdgesOnViewport: true,
      motionBlur: false,
      minZoom: 0.05,
      maxZoom: 4,
    });
    cy.on('tap', 'node', (e) => handlers.current.onTapNode(e.target.id()));
    cyRef.current = cy;
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  // Sync the canvas with the elements: remove what went, add what came, lay out only what needs it.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const started = performance.now();
    const wanted = new Set([...elements.nodes.map((n) => n.id), ...elements.edges.map((e) => e.id)]);
    const newValues = elements.nodes.some((n) => n.kind !== 'report' && cy.getElementById(n.id).empty());
    const fresh = toDefinitions(elements).filter((d) => cy.getElementById(d.data.id ?? '').empty());
    let added = cy.collection();
    cy.batch(() => {
      cy.elements()
        .filter((el) => !wanted.has(el.id()))
        .remove();
      added = cy.add(fresh);
    });
    if (fresh.length === 0) return;
    if (newValues) {
      const ms = layoutAll(cy);
      handlers.current.onLayout({ nodes: cy.nodes().length, edges: cy.edges().length, ms, kind: 'full' });
      return;
    }
    cy.batch(() => {
      const nodes = added.nodes();
      const byCentre = new Map<string, typeof nodes>();
      nodes.forEach((node) => {
        const centre = node.neighborhood('node[kind != "report"]').first();
        byCentre.set(centre.id(), (byCentre.get(centre.id()) ?? cy.collection()).union(node));
      });
      for (const [centre, nodes] of byCentre) {
        const node = cy.getElementById(centre);
        placeAround(node, nodes, node.neighborhood('node[kind = "report"]').length - nodes.length);
      }
    });
    handlers.current.onLayout({
      nodes: cy.nodes().length,
      edges: cy.edges().length,
      ms: performance.now() - started,
      kind: 'expansion',
    });
  }, [elements]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || relayout === 0) return;
    const ms = layoutAll(cy);
    handlers.current.onLayout({ nodes: cy.nodes().length, edges: cy.edges().length, ms, kind: 'full' });
  }, [relayout]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.nodes(':selected').unselect();
    if (!selectedId) return;
    const node = cy.getElementById(selectedId);
    if (node.empty()) return;
    node.select();
    cy.animate({ center: { eles: node } }, { duration: 200 });
  }, [selectedId]);

  return (
    <div
      ref={container}
      className="op-graph-canvas"
      role="img"
      aria-label={`Graph of ${elements.nodes.length} nodes and ${elements.edges.length} links; the list beside it holds the same nodes for the keyboard.`}
    />
  );
}
