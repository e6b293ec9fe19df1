import { useCallback, useMemo, useRef, useState } from 'react';
import { api, query } from '../../api';
import { useApi } from '../../use-api';
import { buildElements, type Expansion, type GraphElements } from './graph-model';
import type { ExpandAnswer, GraphAnswer } from './types';

/** Reports fetched per expansion page. */
export const EXPAND_PAGE = 25;
/** Value nodes asked for at first, and added by each "show more values". */
export const NODE_STEP = 60;
/** The server's cap on value nodes. */
export const MAX_NODES = 500;

/** The operation's graph: the summarised values (raised on demand) and the reports of expanded values. */
export function useOperationGraph(operationId: string) {
  const [nodeLimit, setNodeLimit] = useState(NODE_STEP);
  const graph = useApi<GraphAnswer>(`/api/operations/${operationId}/graph${query({ nodes: nodeLimit })}`);
  const [expansions, setExpansions] = useState<ReadonlyMap<string, Expansion>>(new Map());
  const current = useRef(expansions);
  current.current = expansions;

  const update = useCallback((key: string, change: (e: Expansion) => Expansion) => {
    setExpansions((prev) => {
      const next = new Map(prev);
      next.set(key, change(prev.get(key) ?? { reports: [], more: true, loading: false }));
      return next;
    });
  }, []);

  /** Loads the next page of reports carrying a value (the first page expands it). */
  const expand = useCallback(
    async (key: string) => {
      const was = current.current.get(key);
      if (was?.loading || (was && !was.more)) return;
      const offset = was?.reports.length ?? 0;
      update(key, (e) => ({ ...e, loading: true, error: undefined }));
      try {
        const page = await api<ExpandAnswer>(
          `/api/operations/${operationId}/graph${query({ expand: key, limit: EXPAND_PAGE, offset })}`,
        );
        update(key, (e) => ({
          reports: [...e.reports, ...page.reports],
          more: page.reports.length === EXPAND_PAGE,
          loading: false,
        }));
      } catch (err) {
        update(key, (e) => ({ ...e, loading: false, error: (err as Error).message }));
      }
    },
    [operationId, update],
  );

  /** Removes a value's reports from the graph. */
  const collapse = useCallback((key: string) => {
    setExpansions((prev) => {
      const next = new Map(prev);
      next.delete(key);
      return next;
    });
  }, []);

  const elements: GraphElements = useMemo(
    () => (graph.data ? buildElements(graph.data, expansions) : { nodes: [], edges: [] }),
    [graph.data, expansions],
  );

  return {
    graph,
    elements,
    expansions,
    nodeLimit,
    showMore: () => setNodeLimit((n) => Math.min(MAX_NODES, n + NODE_STEP * Math.ceil(n / NODE_STEP))),
    expand,
    collapse,
  };
}
