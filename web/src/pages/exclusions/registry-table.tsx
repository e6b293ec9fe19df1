import { useId, useState } from 'react';
import { formatCount } from '../../components/format';
import { IndicatorChip } from '../../components/indicator-chip';
import type { RegistryEntry } from './types';

const SHOWN = 200;

/** The block / inform lists (common values and analysts' exclusions), filterable by text. */
export function RegistryTable({ registry }: { registry: readonly RegistryEntry[] }) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const matching = needle
    ? registry.filter((r) =>
        `${r.kind} ${r.value} ${r.mode} ${r.source} ${r.reason ?? ''}`.toLowerCase().includes(needle),
      )
    : registry;
  return (
    <>
      <div className="page-head">
        <label htmlFor={`${id}-filter`}>Filter the lists</label>
        <input id={`${id}-filter`} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <span className="muted" role="status">
          {formatCount(matching.length)} of {formatCount(registry.length)}
          {matching.length > SHOWN && `, first ${SHOWN} shown`}
        </span>
      </div>
      <table className="dense">
        <caption className="visually-hidden">Values on the block and inform lists</caption>
        <thead>
          <tr>
            <th scope="col">Value</th>
            <th scope="col">Mode</th>
            <th scope="col">Why</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {matching.slice(0, SHOWN).map((r) => (
            <tr key={`${r.kind}:${r.value}:${r.source}`}>
              <td>
                <IndicatorChip kind={r.kind} value={r.value} />
              </td>
              <td>
                <span className={`badge mode-${r.mode}`}>
                  {r.mode === 'block' ? 'block (never linked)' : 'inform (shown, not linked)'}
                </span>
              </td>
              <td>{r.reason || <span className="muted">—</span>}</td>
              <td>
                {r.source}
                {r.match && r.match !== 'exact' && <span className="muted"> ({r.match})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
