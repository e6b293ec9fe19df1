import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { humanise } from '../../components/format';
import { BRAND_NAMES, CHANNELS, PAYMENT_METHODS } from '../../components/vocabulary';

/** The URL query parameters the operation list is filtered by. */
export const FILTER_KEYS = [
  'brand',
  'channel',
  'country',
  'paymentMethod',
  'activeFrom',
  'activeTo',
] as const;

/** Filters of the ranked list as a form whose submission rewrites the URL query (shareable, Back works). */
export function OperationFilters() {
  const [params, setParams] = useSearchParams();
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    const q = params.get('q');
    if (q) next.set('q', q);
    for (const key of FILTER_KEYS) {
      const v = String(form.get(key) ?? '').trim();
      if (v) next.set(key, key === 'country' ? v.toUpperCase() : v);
    }
    setParams(next);
  };
  const clear = () => {
    const q = params.get('q');
    setParams(q ? { q } : {});
  };
  const active = FILTER_KEYS.some((k) => params.get(k));
  const value = (k: (typeof FILTER_KEYS)[number]) => params.get(k) ?? '';
  return (
    // Keyed by the query so Back and shared links refill the fields.
    <form key={params.toString()} className="filters" onSubmit={apply} aria-label="Filter operations">
      <label>
        Brand
        <input name="brand" list="brand-names" defaultValue={value('brand')} maxLength={100} />
      </label>
      <datalist id="brand-names">
        {BRAND_NAMES.map((b) => (
          <option key={b} value={b} />
        ))}
      </datalist>
      <label>
        Channel
        <select name="channel" defaultValue={value('channel')}>
          <option value="">Any</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {humanise(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Victims in (country code)
        <input
          name="country"
          defaultValue={value('country')}
          maxLength={2}
          size={4}
          pattern="[A-Za-z]{2}"
          title="Two letters, e.g. US"
          autoComplete="off"
        />
      </label>
      <label>
        Payment method
        <select name="paymentMethod" defaultValue={value('paymentMethod')}>
          <option value="">Any</option>
          {PAYMENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {humanise(m)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Active from
        <input name="activeFrom" type="date" defaultValue={value('activeFrom')} />
      </label>
      <label>
        Active to
        <input name="activeTo" type="date" defaultValue={value('activeTo')} />
      </label>
      <button type="submit">Apply filters</button>
      {active && (
        <button type="button" className="secondary" onClick={clear}>
          Clear filters
        </button>
      )}
    </form>
  );
}
