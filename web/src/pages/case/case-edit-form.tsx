import { type FormEvent, useId } from 'react';
import { FormError, Notice } from '../../components/status';
import { CaseFields, readCaseFields } from './fields';
import type { CaseDetail } from './types';
import { useCaseChange } from './use-case-change';

/** Changes the case's title, agency, jurisdictions, TLP and summary (folded away until wanted). */
export function CaseEditForm({ kase, onChanged }: { kase: CaseDetail; onChanged(): void }) {
  const id = useId();
  const change = useCaseChange(kase.id, onChanged);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = readCaseFields(new FormData(e.currentTarget));
    void change.run({
      method: 'PATCH',
      path: '',
      body: {
        title: f.title,
        agency: f.agency || null,
        jurisdictions: f.jurisdictions,
        tlp: f.tlp,
        summary: f.summary || null,
      },
      done: 'Case details saved.',
    });
  };
  return (
    <details className="case-edit">
      <summary id={id}>Edit title, agency, jurisdictions, TLP, summary</summary>
      <form key={kase.updatedAt} className="case-form" aria-labelledby={id} onSubmit={submit}>
        <CaseFields
          initial={{
            title: kase.title,
            agency: kase.agency ?? '',
            jurisdictions: kase.jurisdictions,
            tlp: kase.tlp,
            summary: kase.summary ?? '',
          }}
        />
        <div className="actions">
          <button type="submit" disabled={change.busy}>
            Save details
          </button>
        </div>
        <Notice message={change.notice} />
        <FormError message={change.error} />
      </form>
    </details>
  );
}
