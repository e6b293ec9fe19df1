import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api';
import { ErrorMessage } from '../../components/status';
import { useAction } from '../../components/use-action';
import { kindLabel } from '../../components/vocabulary';
import type { ReportIndicator } from './types';

/** The distinct indicators of a report (a value found twice is offered once). */
function distinct(indicators: readonly ReportIndicator[]): ReportIndicator[] {
  const seen = new Map<string, ReportIndicator>();
  for (const i of indicators) if (!seen.has(`${i.kind}\0${i.value}`)) seen.set(`${i.kind}\0${i.value}`, i);
  return [...seen.values()];
}

/** Picks one of a report's indicators and excludes it from linking (POST /api/exclusions), with a reason. */
export function ExcludeForm({
  indicators,
  onDone,
  onCancel,
}: {
  indicators: readonly ReportIndicator[];
  onDone(indicator: ReportIndicator): void;
  onCancel(): void;
}) {
  const options = distinct(indicators);
  const [picked, setPicked] = useState(0);
  const id = useId();
  const exclude = useAction(async (i: ReportIndicator, reason: string) => {
    await api('/api/exclusions', { method: 'POST', body: { kind: i.kind, value: i.value, reason } });
    return i;
  });
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const indicator = options[picked];
    if (!indicator) return;
    const reason = String(new FormData(e.currentTarget).get('reason') ?? '').trim();
    const done = await exclude.run(indicator, reason || 'Excluded from the triage queue');
    if (done) onDone(done);
  };
  if (options.length === 0) return <p className="muted">This report has no indicators to exclude.</p>;
  return (
    <form className="exclude-form" onSubmit={(e) => void submit(e)} aria-label="Exclude an indicator">
      <label htmlFor={`${id}-pick`}>Indicator</label>
      <select
        id={`${id}-pick`}
        value={picked}
        onChange={(e) => setPicked(Number(e.target.value))}
        // biome-ignore lint/a11y/noAutofocus: the form opens on the analyst's request; focus belongs in it
        autoFocus
      >
        {options.map((i, n) => (
          <option key={`${i.kind}:${i.value}`} value={n}>
            {kindLabel(i.kind)}: {i.value}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-reason`}>Reason</label>
      <input id={`${id}-reason`} name="reason" maxLength={2000} placeholder="e.g. the bank's real hotline" />
      <div className="actions">
        <button type="submit" className="danger" disabled={exclude.busy}>
          {exclude.busy ? 'Excluding…' : 'Exclude from linking'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {exclude.error && <ErrorMessage message={exclude.error} />}
    </form>
  );
}
