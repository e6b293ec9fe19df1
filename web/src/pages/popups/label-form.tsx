import { type FormEvent, useId } from 'react';
import { api } from '../../api';
import { ErrorMessage } from '../../components/status';
import { useAction } from '../../components/use-action';
import type { PageLabel } from './types';

/** Labels a crawled page scam or legitimate, with an optional note (POST /api/crawls/:id/label). */
export function LabelForm({
  captureId,
  onLabelled,
}: {
  captureId: string;
  onLabelled(label: PageLabel): void;
}) {
  const id = useId();
  const send = useAction(async (label: PageLabel['label'], note: string) => {
    await api(`/api/crawls/${captureId}/label`, {
      method: 'POST',
      body: note ? { label, note } : { label },
    });
    return {
      label,
      note: note || null,
      createdAt: new Date().toISOString(),
      author: 'you',
    } satisfies PageLabel;
  });
  const submit = async (e: FormEvent<HTMLFormElement>, label: PageLabel['label']) => {
    e.preventDefault();
    const form = e.currentTarget;
    const note = String(new FormData(form).get('note') ?? '').trim();
    const done = await send.run(label, note);
    if (done) {
      form.reset();
      onLabelled(done);
    }
  };
  return (
    <form
      className="label-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        void submit(e, submitter?.value === 'legitimate' ? 'legitimate' : 'scam');
      }}
    >
      <h3 id={`${id}-title`} className="small-heading">
        Label this page (feeds training)
      </h3>
      <label htmlFor={`${id}-note`}>Note (optional)</label>
      <input id={`${id}-note`} name="note" maxLength={2000} />
      <div className="actions">
        <button type="submit" value="scam" className="danger" disabled={send.busy}>
          Label scam
        </button>
        <button type="submit" value="legitimate" disabled={send.busy}>
          Label legitimate
        </button>
      </div>
      {send.error && <ErrorMessage message={send.error} />}
    </form>
  );
}
