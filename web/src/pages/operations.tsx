import './pages.css';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { query } from '../api';
import { formatCount } from '../components/format';
import type { OperationRow } from '../components/operation-summary';
import { Pager } from '../components/pager';
import { Empty, LoadedView } from '../components/status';
import { useApi } from '../use-api';
import { FILTER_KEYS, OperationFilters } from './operations/filters';
import { OperationsTable } from './operations/operations-table';
import { SearchResults } from './operations/search-results';

const LIMIT = 50;

/** Operations ranked by priority, with filters and a search by any indicator value; all state in the URL. */
export function OperationsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const region = params.get('region') ?? '';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k)]));
  const loaded = useApi<{ total: number; totalCapped?: boolean; rows: OperationRow[] }>(
    `/api/operations${query({ ...filters, limit: LIMIT, offset })}`,
  );
  const search = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    const form = new FormData(e.currentTarget);
    for (const key of ['q', 'region']) {
      const value = String(form.get(key) ?? '').trim();
      if (value) next.set(key, key === 'region' ? value.toUpperCase() : value);
      else next.delete(key);
    }
    setParams(next);
  };
  const setOffset = (o: number) => {
    const next = new URLSearchParams(params);
    if (o > 0) next.set('offset', String(o));
    else next.delete('offset');
    setParams(next);
  };
  return (
    <>
      <div className="page-head">
        <h1>Operations</h1>
        {loaded.data && (
          <span className="muted">
            {formatCount(loaded.data.total)}
            {loaded.data.totalCapped ? '+' : ''} operations
          </span>
        )}
      </div>
      <search>
        <form key={`${q}|${region}`} className="search" onSubmit={search}>
          <label>
            Search any indicator (phone number, domain, e-mail, wallet, IBAN…)
            <input
              name="q"
              type="search"
              defaultValue={q}
              maxLength={2048}
              placeholder="e.g. (800) 555-0199"
            />
          </label>
          <label className="narrow">
            Phone region
            <input
              name="region"
              defaultValue={region}
              maxLength={2}
              size={4}
              pattern="[A-Za-z]{2}"
              title="The victim's country (two letters, e.g. GB), to read a national phone number"
              autoComplete="off"
            />
          </label>
          <button type="submit">Search</button>
          {q && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                const next = new URLSearchParams(params);
                next.delete('q');
                next.delete('region');
                setParams(next);
              }}
            >
              Clear search
            </button>
          )}
        </form>
      </search>
      {q && <SearchResults q={q} country={region || undefined} />}
      <section aria-labelledby="ranked-title">
        <h2 id="ranked-title">Ranked by priority</h2>
        <OperationFilters />
        <LoadedView state={loaded} what="operations">
          {(d) =>
            d.rows.length === 0 ? (
              <Empty>No operation matches these filters.</Empty>
            ) : (
              <>
                <OperationsTable rows={d.rows} offset={offset} />
                <Pager
                  total={d.totalCapped ? undefined : d.total}
                  limit={LIMIT}
                  offset={offset}
                  count={d.rows.length}
                  onOffset={setOffset}
                />
              </>
            )
          }
        </LoadedView>
      </section>
    </>
  );
}
