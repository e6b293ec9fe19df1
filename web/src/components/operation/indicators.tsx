import { type FormEvent, useState } from 'react';
import { api, query } from '../../api';
import { useApi } from '../../use-api';
import { formatPercent } from '../format';
import { Pager } from '../pager';
import { ErrorMessage, FormError } from '../status';
import { Time } from '../time';
import { useAction } from '../use-action';
import { kindLabel } from '../vocabulary';
import type { IndicatorRow } from './types';

const LIMIT = 50;

function DecayBar({ decay }: { decay: number | undefined }) {
  if (decay === undefined) return <span className="muted">—</span>;
  return (
    <span className="op-decay">
      <span className="op-decay-track" aria-hidden="true">
        <span className="op-decay-fill" style={{ width: `${Math.round(decay * 100)}%` }} />
      </span>
      {formatPercent(decay)}
    </span>
  );
}

function ExcludeForm({ row, onDone }: { row: IndicatorRow; onDone(message: string | undefined): void }) {
  const [reason, setReason] = useState('');
  const exclude = useAction(() =>
    api('/api/exclusions', {
      method: 'POST',
      body: { kind: row.kind, value: row.value, ...(reason.trim() ? { reason: reason.trim() } : {}) },
    }).then(() => true),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await exclude.run()) onDone(`Excluded ${row.value}; it stops linking at the next recluster.`);
  };
  return (
    <form className="op-inline-form" onSubmit={(e) => void submit(e)}>
      <label>
        Why exclude it?
        {/* biome-ignore lint/a11y/noAutofocus: the form opens on the analyst's request, focus follows */}
        <input value={reason} onChange={(e) => setReason(e.target.value)} autoFocus maxLength={2000} />
      </label>
      <button type="submit" className="danger" disabled={exclude.busy}>
        Exclude
      </button>
      <button type="button" className="secondary" onClick={() => onDone(undefined)}>
        Cancel
      </button>
      <FormError message={exclude.error} />
    </form>
  );
}

/** The operation's indicators with first and last seen, freshness (decay) and an Exclude action. */
export function Indicators({ operationId }: { operationId: string }) {
  const [offset, setOffset] = useState(0);
  const [excluding, setExcluding] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const list = useApi<{ indicators: IndicatorRow[] }>(
    `/api/operations/${operationId}/indicators${query({ limit: LIMIT, offset })}`,
  );
  if (list.error) return <ErrorMessage message={list.error} onRetry={list.reload} />;
  const rows = list.data?.indicators ?? [];
  return (
    <div className="op-indicators">
      <p aria-live="polite" className="op-notice">
        {notice}
      </p>
      <table aria-busy={list.loading}>
        <caption className="visually-hidden">Indicators of this operation</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Value</th>
            <th scope="col">Reports</th>
            <th scope="col">First seen</th>
            <th scope="col">Last seen</th>
            <th scope="col">Freshness</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const key = `${r.kind}:${r.value}`;
            return (
              <tr key={key}>
                <td>{kindLabel(r.kind)}</td>
                <td className="op-value">{r.value}</td>
                <td>{r.reportCount}</td>
                <td>
                  <Time value={r.firstSeen} />
                </td>
                <td>
                  <Time value={r.lastSeen} />
                </td>
                <td>
                  <DecayBar decay={r.decay} />
                </td>
                <td>
                  <Time value={r.expiresAt} />
                </td>
                <td>
                  {excluding === key ? (
                    <ExcludeForm
                      row={r}
                      onDone={(message) => {
                        setExcluding(undefined);
                        if (message) setNotice(message);
                      }}
                    />
                  ) : (
                    <button
                      type="button"
                      className="secondary small"
                      aria-label={`Exclude ${kindLabel(r.kind)} ${r.value}`}
                      onClick={() => setExcluding(key)}
                    >
                      Exclude
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pager label="Indicator pages" offset={offset} limit={LIMIT} count={rows.length} onOffset={setOffset} />
    </div>
  );
}
