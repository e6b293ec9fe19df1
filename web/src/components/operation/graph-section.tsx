import { lazy, Suspense, useCallback, useState } from 'react';
import { formatCount } from '../format';
import { ErrorMessage, Loading } from '../status';
import type { LayoutStats } from './graph-canvas';
import { GraphLegend } from './graph-legend';
import { GraphNodeList } from './graph-node-list';
import { MAX_NODES, useOperationGraph } from './use-graph';

// Cytoscape and fcose load only when the graph is shown: the rest of the page paints first.
const GraphCanvas = lazy(() => import('./graph-canvas').then((m) => ({ default: m.GraphCanvas })));

/** The operation's graph of values and reports: canvas, legend, node list, and controls. */
export function GraphSection({ operationId }: { operationId: string }) {
  const { graph, elements, expansions, nodeLimit, showMore, expand, collapse } =
    useOperationGraph(operationId);
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [relayout, setRelayout] = useState(0);
  const [stats, setStats] = useState<LayoutStats | undefined>();

  const onTapNode = useCallback(
    (id: string) => {
      setSelectedId(id);
      if (id.startsWith('v:') && !expansions.has(id.slice(2))) void expand(id.slice(2));
    },
    [expand, expansions],
  );

  if (graph.error) return <ErrorMessage message={graph.error} onRetry={graph.reload} />;
  if (!graph.data) return <Loading what="the graph" />;
  if (graph.data.nodes.length === 0) return <p className="muted">No indicators in this operation.</p>;
  const kinds = [...new Set(elements.nodes.map((n) => n.kind))];
  const canShowMore = nodeLimit < MAX_NODES && graph.data.nodes.length >= nodeLimit;
  return (
    <div className="op-graph">
      <div className="op-graph-toolbar">
        <button
          type="button"
          className="secondary"
          disabled={!canShowMore || graph.loading}
          onClick={showMore}
        >
          {graph.loading ? 'Loading values…' : 'Show more values'}
        </button>
        <button type="button" className="secondary" onClick={() => setRelayout((n) => n + 1)}>
          Lay out again
        </button>
        <span className="muted" aria-live="polite">
          {graph.data.nodes.length} values (of up to {nodeLimit}), {elements.nodes.length} nodes,{' '}
          {elements.edges.length} links
          {graph.data.linksFrom &&
            graph.data.linksFrom.reports < graph.data.linksFrom.of &&
            ` (counted over the latest ${formatCount(graph.data.linksFrom.reports)} of ${formatCount(graph.data.linksFrom.of)} reports)`}
          {stats && ` · ${stats.kind === 'full' ? 'laid out' : 'expanded'} in ${Math.round(stats.ms)} ms`}
        </span>
      </div>
      <GraphLegend kinds={kinds} />
      <div className="op-graph-body">
        <Suspense fallback={<div className="op-graph-canvas" aria-busy="true" />}>
          <GraphCanvas
            elements={elements}
            selectedId={selectedId}
            relayout={relayout}
            onTapNode={onTapNode}
            onLayout={setStats}
          />
        </Suspense>
        <GraphNodeList
          values={graph.data.nodes}
          expansions={expansions}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onExpand={(key) => void expand(key)}
          onCollapse={collapse}
        />
      </div>
      <p className="muted">
        Click a value on the canvas (or choose it in the list) to add the reports that carry it; scroll to
        zoom, drag to pan.
      </p>
    </div>
  );
}
