import { type FormEvent, useId, useState } from 'react';
import { api } from '../../api';
import { FormError, Notice } from '../status';
import { TlpBadge, TlpOptions } from '../tlp';
import { useAction } from '../use-action';

/** The TLP an operation is marked with: who it is shared with (partners read only up to their ceiling). */
export function Marking({
  operationId,
  tlp,
  canChange,
}: {
  operationId: string;
  tlp: string;
  canChange: boolean;
}) {
  const id = useId();
  const [marking, setMarking] = useState(tlp);
  const [notice, setNotice] = useState<string | undefined>();
  const save = useAction((to: string) =>
    api<{ id: string; tlp: string }>(`/api/operations/${operationId}/marking`, {
      method: 'PUT',
      body: { tlp: to },
    }),
  );
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const to = String(new FormData(e.currentTarget).get('tlp') ?? '');
    if (!to || to === marking) return;
    const r = await save.run(to);
    if (!r) return;
    setMarking(r.tlp);
    setNotice(`Marked TLP:${r.tlp.toUpperCase()}: partners whose ceiling is lower no longer see it.`);
  };
  return (
    <div className="marking">
      <p>
        Marked <TlpBadge tlp={marking} />
      </p>
      {canChange && (
        <form className="op-inline-form" aria-labelledby={id} onSubmit={(e) => void submit(e)}>
          <h3 id={id}>TLP marking</h3>
          <label>
            Share as
            <select name="tlp" key={marking} defaultValue={marking}>
              <TlpOptions />
            </select>
          </label>
          <button type="submit" disabled={save.busy}>
            Set marking
          </button>
        </form>
      )}
      <Notice message={notice} />
      <FormError message={save.error} />
    </div>
  );
}
