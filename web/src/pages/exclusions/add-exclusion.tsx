import { type FormEvent, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api';
import { formatCount } from '../../components/format';
import { ErrorMessage } from '../../components/status';
import { useAction } from '../../components/use-action';
import { INDICATOR_KINDS, type IndicatorKind, kindLabel } from '../../components/vocabulary';
import type { ExclusionPreview } from './types';

interface Draft {
  kind: IndicatorKind;
  value: string;
  mode: 'block' | 'inform';
  reason: string;
}

/** "would split into 100 / 15 / 5", "would stay whole", or "would dissolve". */
function splitText(after: readonly number[]): string {
  if (after.length === 0) return 'would no longer hold any report';
  if (after.length === 1) return `would stay one operation of ${formatCount(after[0])}`;
  return `would split into ${after.map((n) => formatCount(n)).join(' / ')}`;
}

/** Adds an exclusion in two steps: preview what it changes (POST /api/exclusions/preview), then confirm. */
export function AddExclusion({ onAdded }: { onAdded(message: string): void }) {
  const id = useId();
  const [draft, setDraft] = useState<Draft | undefined>();
  const [preview, setPreview] = useState<ExclusionPreview | undefined>();
  const formRef = useRef<HTMLFormElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const ask = useAction(async (d: Draft) =>
    api<ExclusionPreview>('/api/exclusions/preview', {
      method: 'POST',
      body: { kind: d.kind, value: d.value },
    }),
  );
  const confirm = useAction(async (d: Draft) => {
    await api('/api/exclusions', {
      method: 'POST',
      body: { kind: d.kind, value: d.value, mode: d.mode, ...(d.reason ? { reason: d.reason } : {}) },
    });
    return true;
  });
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const d: Draft = {
      kind: String(form.get('kind')) as IndicatorKind,
      value: String(form.get('value') ?? '').trim(),
      mode: form.get('mode') === 'inform' ? 'inform' : 'block',
      reason: String(form.get('reason') ?? '').trim(),
    };
    if (!d.value) return;
    setPreview(undefined);
    confirm.reset();
    const p = await ask.run(d);
    if (p) {
      setDraft(d);
      setPreview(p);
      requestAnimationFrame(() => previewHeading.current?.focus());
    }
  };
  const cancel = () => {
    setPreview(undefined);
    setDraft(undefined);
    formRef.current?.querySelector<HTMLInputElement>('input[name=value]')?.focus();
  };
  const apply = async () => {
    if (!draft) return;
    const ok = await confirm.run(draft);
    if (!ok) return;
    formRef.current?.reset();
    setPreview(undefined);
    setDraft(undefined);
    onAdded(
      `Excluded ${kindLabel(draft.kind)} ${draft.value} (${draft.mode} list); it applies at the next recluster.`,
    );
  };
  return (
    <section className="card add-exclusion" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Exclude a value</h2>
      <form
        ref={formRef}
        className="filters"
        onSubmit={(e) => void submit(e)}
        onChange={() => setPreview(undefined)}
      >
        <label>
          Kind
          <select name="kind" defaultValue="phone">
            {INDICATOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Value
          <input name="value" required maxLength={2048} className="wide" />
        </label>
        <label>
          List
          <select name="mode" defaultValue="block">
            <option value="block">Block: never links</option>
            <option value="inform">Inform: never links, shown as known</option>
          </select>
        </label>
        <label>
          Reason
          <input
            name="reason"
            maxLength={2000}
            className="wide"
            placeholder="e.g. Microsoft's real support line"
          />
        </label>
        <button type="submit" disabled={ask.busy}>
          {ask.busy ? 'Previewing…' : 'Preview'}
        </button>
      </form>
      {ask.error && <ErrorMessage message={ask.error} />}
      {preview && draft && (
        <div className="preview">
          <h3 ref={previewHeading} tabIndex={-1} className="small-heading">
            What excluding {kindLabel(draft.kind)} “{draft.value}” would change
          </h3>
          <p>
            {formatCount(preview.reports)} report{preview.reports === 1 ? '' : 's'} hold this value
            {preview.operations.length === 0 ? '; no operation would change.' : '.'}
          </p>
          {preview.operations.length > 0 && (
            <ul className="reasons">
              {preview.operations.map((o) => (
                <li key={o.id}>
                  <Link className="mono" to={`/operations/${o.id}`}>
                    {o.id}
                  </Link>{' '}
                  ({formatCount(o.reportCount)} reports, {formatCount(o.holding)} holding it){' '}
                  {splitText(o.after)}
                </li>
              ))}
            </ul>
          )}
          {preview.truncated && <p className="muted">Only the largest operations are shown.</p>}
          <div className="actions">
            <button type="button" className="danger" disabled={confirm.busy} onClick={() => void apply()}>
              {confirm.busy ? 'Excluding…' : 'Confirm exclusion'}
            </button>
            <button type="button" className="secondary" onClick={cancel}>
              Cancel
            </button>
          </div>
          {confirm.error && <ErrorMessage message={confirm.error} />}
        </div>
      )}
    </section>
  );
}
