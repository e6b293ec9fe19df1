import { type FormEvent, useId, useState } from 'react';
import { FormError } from '../status';
import { useDecision } from './use-decision';

/** Moves the selected reports into an operation of their own, with the analyst's reason. */
export function SplitForm({ operationId, reportIds }: { operationId: string; reportIds: string[] }) {
  const [reason, setReason] = useState('');
  const { run, busy, error } = useDecision();
  const headingId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = reportIds.length;
    void run(
      `/api/operations/${operationId}/split`,
      { reportIds, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      (id) => `Split: ${n} ${n === 1 ? 'report' : 'reports'} moved from ${operationId} into ${id}.`,
    );
  };
  return (
    <form className="op-inline-form card" aria-labelledby={headingId} onSubmit={submit}>
      <h3 id={headingId}>Split the selected reports off</h3>
      <label>
        Reason
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
      </label>
      <button type="submit" disabled={busy || reportIds.length === 0}>
        Split {reportIds.length} {reportIds.length === 1 ? 'report' : 'reports'}
      </button>
      <FormError message={error} />
    </form>
  );
}
