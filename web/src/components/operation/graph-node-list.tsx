import { useState } from 'react';
import { formatDate } from '../format';
import { kindLabel } from '../vocabulary';
import { KindSwatch } from './graph-legend';
import type { Expansion } from './graph-model';
import { reportNodeId, valueKey, valueNodeId } from './graph-model';
import { kindStyle } from './kinds';
import { reportName } from './labels';
import type { GraphValue } from './types';

interface Props {
  values: GraphValue[];
  expansions: ReadonlyMap<string, Expansion>;
  selectedId: string | undefined;
  onSelect(nodeId: string): void;
  onExpand(key: string): void;
  onCollapse(key: string): void;
}

/** The graph's nodes as a keyboard-operable list: select a value to expand it, page its reports, collapse it. */
export function GraphNodeList({ values, expansions, selectedId, onSelect, onExpand, onCollapse }: Props) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? values.filter((v) => v.value.toLowerCase().includes(needle) || v.kind.includes(needle))
    : values;
  return (
    <div className="op-node-list">
      <label>
        Filter nodes
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      <p className="muted" aria-live="polite">
        {shown.length} of {values.length} values
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll */}
      <ul aria-label="Graph nodes" tabIndex={0}>
        {shown.map((v) => {
          const key = valueKey(v);
          const id = valueNodeId(key);
          const expansion = expansions.get(key);
          return (
            <li key={key} className={selectedId === id ? 'selected' : undefined}>
              <button
                type="button"
                className="op-node"
                aria-expanded={expansion !== undefined}
                aria-current={selectedId === id ? 'true' : undefined}
                onClick={() => {
                  onSelect(id);
                  if (expansion) onCollapse(key);
                  else onExpand(key);
                }}
              >
                <KindSwatch style={kindStyle(v.kind)} />
                <span className="op-node-value">{v.value}</span>
                <span className="muted">
                  {kindLabel(v.kind)} · {v.reportCount} reports · last {formatDate(v.lastSeen)}
                </span>
              </button>
              {expansion && (
                <ul className="op-node-reports" aria-label={`Reports with ${v.value}`}>
                  {expansion.reports.map((r) => (
                    <li key={r.id}>
                      <button
                        type="button"
                        className="link"
                        aria-current={selectedId === reportNodeId(r.id) ? 'true' : undefined}
                        onClick={() => onSelect(reportNodeId(r.id))}
                      >
                        {reportName(r)}
                      </button>{' '}
                      <span className="muted">{formatDate(r.receivedAt)}</span>
                    </li>
                  ))}
                  {expansion.loading && <li aria-busy="true">Loading…</li>}
                  {expansion.error && (
                    <li role="alert" className="error">
                      {expansion.error}
                    </li>
                  )}
                  {expansion.more && !expansion.loading && (
                    <li>
                      <button type="button" className="secondary small" onClick={() => onExpand(key)}>
                        More reports
                      </button>
                    </li>
                  )}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
