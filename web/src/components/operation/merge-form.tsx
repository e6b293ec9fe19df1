import { type FormEvent, useId, useState } from 'react';
import { query } from '../../api';
import { useApi } from '../../use-api';
import { FormError } from '../status';
import { kindLabel } from '../vocabulary';
import type { SearchAnswer } from './types';
import { useDecision } from './use-decision';

const OPERATION_ID = /^op-[0-9a-f]{10}$/;

function OperationSearch({ exclude, onPick }: { exclude: string; onPick(id: string): void }) {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const found = useApi<SearchAnswer>(q ? `/api/search${query({ q })}` : null);
  const matches = (found.data?.matches ?? []).filter((m) => m.operations.some((o) => o.id !== exclude));
  return (
    <search className="op-search">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setQ(text.trim());
        }}
      >
        <label>
          Find an operation by an indicator (phone, domain, wallet…)
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} />
        </label>
        <button type="submit" className="secondary">
          Search
        </button>
      </form>
      <FormError message={found.error} />
      {q && found.data && matches.length === 0 && <p className="muted">No other operation has that value.</p>}
      <ul>
        {matches.map((m) => (
          <li key={`${m.kind}:${m.value}`}>
            {kindLabel(m.kind)} <span className="op-value">{m.value}</span>:
            <ul>
              {m.operations
                .filter((o) => o.id !== exclude)
                .map((o) => (
                  <li key={o.id}>
                    <button type="button" className="link" onClick={() => onPick(o.id)}>
                      {o.id}
                    </button>{' '}
                    <span className="muted">
                      {o.reportCount} reports, priority {o.priority.toFixed(1)}
                    </span>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
    </search>
  );
}

/** Merges another operation into this one (or this into the larger), with the analyst's reason. */
export function MergeForm({ operationId }: { operationId: string }) {
  const [other, setOther] = useState('');
  const [reason, setReason] = useState('');
  const { run, busy, error } = useDecision();
  const headingId = useId();
  const target = other.trim();
  const valid = OPERATION_ID.test(target) && target !== operationId;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!valid) return;
    void run(
      '/api/operations/merge',
      { operationIds: [operationId, target], ...(reason.trim() ? { reason: reason.trim() } : {}) },
      (id) => `Merged ${operationId} and ${target} into ${id}.`,
    );
  };
  return (
    <div className="op-merge card">
      <h3 id={headingId}>Merge with another operation</h3>
      <OperationSearch exclude={operationId} onPick={setOther} />
      <form className="op-inline-form" aria-labelledby={headingId} onSubmit={submit}>
        <label>
          Other operation
          <input
            value={other}
            onChange={(e) => setOther(e.target.value)}
            placeholder="op-0123456789"
            pattern="op-[0-9a-f]{10}"
            aria-invalid={target !== '' && !valid}
          />
        </label>
        <label>
          Reason
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
        </label>
        <button type="submit" disabled={busy || !valid}>
          Merge
        </button>
        <FormError message={error} />
      </form>
    </div>
  );
}
