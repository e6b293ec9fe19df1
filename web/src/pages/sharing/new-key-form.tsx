import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { api } from '../../api';
import { FormError } from '../../components/status';
import { TlpOptions } from '../../components/tlp';
import { useAction } from '../../components/use-action';
import { API_SCOPE_LABELS, type ApiScope, type NewApiKey } from './types';

/** The new key, shown this once in a read-only field to copy, until the admin says it is stored. */
function ShownOnce({ made, onDone }: { made: NewApiKey; onDone(): void }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState('');
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    field.current?.select();
    try {
      await navigator.clipboard.writeText(made.key);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('The browser refused the clipboard: the key is selected, copy it with Ctrl+C.');
    }
  };
  return (
    <div className="card new-key">
      <h3 ref={heading} tabIndex={-1}>
        Key for {made.apiKey.name}: shown once
      </h3>
      <p className="warning">
        Copy this key now and hand it to the partner by a safe channel. Dragnet keeps only its hash: it cannot
        show the key again.
      </p>
      <div className="op-inline-form">
        <label htmlFor={id}>API key</label>
        <input
          id={id}
          ref={field}
          readOnly
          value={made.key}
          size={made.key.length + 2}
          className="mono key-field"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" onClick={onDone}>
          I have stored it
        </button>
      </div>
      <p role="status" className="small">
        {copied}
      </p>
    </div>
  );
}

/** Creates a partner key: name, scopes, TLP ceiling, optional expiry; then shows the key once. */
export function NewKeyForm({ onCreated }: { onCreated(): void }) {
  const id = useId();
  const [made, setMade] = useState<NewApiKey | undefined>();
  const create = useAction((body: unknown) => api<NewApiKey>('/api/keys', { method: 'POST', body }));
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const expires = String(data.get('expiresAt') ?? '');
    const answer = await create.run({
      name: String(data.get('name') ?? '').trim(),
      scopes: data.getAll('scopes').map(String),
      tlpCeiling: String(data.get('tlpCeiling') ?? 'green'),
      // The key stops working at the start of that day, UTC.
      ...(expires ? { expiresAt: `${expires}T00:00:00Z` } : {}),
    });
    if (!answer) return;
    form.reset();
    setMade(answer);
    onCreated();
  };
  return (
    <section className="card new-key-section" aria-labelledby={id}>
      <h2 id={id}>New partner key</h2>
      <form className="case-form" aria-labelledby={id} onSubmit={(e) => void submit(e)}>
        <label>
          Name
          <input name="name" required maxLength={200} placeholder="e.g. Telco X abuse desk" />
        </label>
        <fieldset>
          <legend>Scopes</legend>
          {(Object.entries(API_SCOPE_LABELS) as Array<[ApiScope, string]>).map(([scope, label]) => (
            <label key={scope} className="inline-label">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === 'feeds:read'} />
              {label} <span className="mono small">({scope})</span>
            </label>
          ))}
        </fieldset>
        <label>
          TLP ceiling
          <select name="tlpCeiling" defaultValue="green">
            <TlpOptions />
          </select>
        </label>
        <label>
          Expires on (optional)
          <input name="expiresAt" type="date" />
        </label>
        <div className="actions">
          <button type="submit" disabled={create.busy}>
            Create key
          </button>
        </div>
        <FormError message={create.error} />
      </form>
      {made && <ShownOnce key={made.apiKey.id} made={made} onDone={() => setMade(undefined)} />}
    </section>
  );
}
