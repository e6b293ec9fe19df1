import { useState } from 'react';
import { query } from '../../api';
import { useApi } from '../../use-api';
import { Pager } from '../pager';
import { ErrorMessage } from '../status';
import { Time } from '../time';
import { countryName, reportName } from './labels';
import { SplitForm } from './split-form';
import type { ReportRow } from './types';
import { WhyLinked } from './why-linked';

const LIMIT = 25;

/** The operation's reports; select some to split them off, or two to see why they are linked. */
export function Reports({ operationId }: { operationId: string }) {
  const [offset, setOffset] = useState(0);
  // Selection survives paging: id → name, in the order chosen.
  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(new Map());
  const [explain, setExplain] = useState<[string, string] | undefined>();
  const list = useApi<{ reports: ReportRow[] }>(
    `/api/operations/${operationId}/reports${query({ limit: LIMIT, offset })}`,
  );
  const toggle = (r: ReportRow) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (next.has(r.id)) next.delete(r.id);
      else next.set(r.id, reportName(r));
      return next;
    });
  if (list.error) return <ErrorMessage message={list.error} onRetry={list.reload} />;
  const rows = list.data?.reports ?? [];
  const ids = [...selected.keys()];
  return (
    <div className="op-reports">
      <div className="op-selection" aria-live="polite">
        <span>
          {selected.size === 0
            ? 'Select reports to split them off, or two to see why they are linked.'
            : `${selected.size} selected: ${[...selected.values()].slice(0, 5).join(', ')}${selected.size > 5 ? '…' : ''}`}
        </span>
        <button
          type="button"
          className="secondary"
          disabled={ids.length !== 2}
          onClick={() => setExplain([ids[0]!, ids[1]!])}
        >
          Why linked?
        </button>
        {selected.size > 0 && (
          <button type="button" className="link" onClick={() => setSelected(new Map())}>
            Clear selection
          </button>
        )}
      </div>
      {explain && (
        <section className="card" aria-label="Why linked">
          <WhyLinked a={explain[0]} b={explain[1]} names={selected} />
          <button type="button" className="link" onClick={() => setExplain(undefined)}>
            Close
          </button>
        </section>
      )}
      <table aria-busy={list.loading}>
        <caption className="visually-hidden">Reports of this operation</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Select</span>
            </th>
            <th scope="col">Report</th>
            <th scope="col">Submitted</th>
            <th scope="col">Channel</th>
            <th scope="col">Victim</th>
            <th scope="col">Triage</th>
            <th scope="col">Narrative</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={selected.has(r.id) ? 'selected' : undefined}>
              <td>
                <input
                  type="checkbox"
                  checked={selected.has(r.id)}
                  onChange={() => toggle(r)}
                  aria-label={`Select ${reportName(r)}`}
                />
              </td>
              <td className="op-value">{reportName(r)}</td>
              <td>
                <Time value={r.submittedAt ?? r.receivedAt} withTime />
              </td>
              <td>{r.channel ?? '—'}</td>
              <td>{r.victimCountry ? countryName(r.victimCountry) : '—'}</td>
              <td>
                {r.triageScore === null ? '—' : r.triageScore.toFixed(0)}
                {r.severity && <span className="muted"> {r.severity}</span>}
              </td>
              <td className="op-narrative">{r.narrative ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager label="Report pages" offset={offset} limit={LIMIT} count={rows.length} onOffset={setOffset} />
      <SplitForm operationId={operationId} reportIds={ids} />
    </div>
  );
}
