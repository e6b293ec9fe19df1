import './pages.css';
import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { query } from '../api';
import { Empty, LoadedView } from '../components/status';
import { useApi } from '../use-api';
import { AuditTable } from './audit/audit-table';
import type { AuditRecord } from './audit/types';
import { VerifyChain } from './audit/verify-chain';

const LIMIT = 50;

/**
 * The audit log (admins): the latest rows, filtered by subject and action, paged back with `before` (all in
 * the URL, so Back returns to newer rows), and a check of the whole hash chain.
 */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const subject = params.get('subject') ?? '';
  const action = params.get('action') ?? '';
  const before = params.get('before') ?? '';
  const loaded = useApi<{ entries: AuditRecord[] }>(
    `/api/audit${query({ limit: LIMIT, before, subject, action })}`,
  );
  const filter = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['subject', 'action']) {
      const v = String(form.get(key) ?? '').trim();
      if (v) next.set(key, v);
    }
    setParams(next);
  };
  const page = (to: number | undefined) => {
    const next = new URLSearchParams(params);
    if (to === undefined) next.delete('before');
    else next.set('before', String(to));
    setParams(next);
  };
  return (
    <>
      <div className="page-head">
        <h1>Audit log</h1>
        <span className="muted">Every change, export and referral read, in a hash chain</span>
      </div>
      <section aria-labelledby="verify-title" className="card audit-verify">
        <h2 id="verify-title">Integrity</h2>
        <VerifyChain />
      </section>
      <section aria-labelledby="log-title">
        <h2 id="log-title">{before ? `Rows before #${before}` : 'Latest rows'}</h2>
        <form
          key={`${subject}|${action}`}
          className="filters"
          aria-label="Filter the audit log"
          onSubmit={filter}
        >
          <label>
            Subject
            <input name="subject" defaultValue={subject} maxLength={300} placeholder="id=12" />
          </label>
          <label>
            Action (or its start)
            <input name="action" defaultValue={action} maxLength={100} placeholder="referral." />
          </label>
          <button type="submit">Filter</button>
          {(subject || action) && (
            <button type="button" className="secondary" onClick={() => setParams({})}>
              Clear
            </button>
          )}
        </form>
        <LoadedView state={loaded} what="the audit log">
          {(d) => (
            <>
              {d.entries.length === 0 ? (
                <Empty>No audit row matches.</Empty>
              ) : (
                <AuditTable entries={d.entries} />
              )}
              <nav className="pager" aria-label="Audit pages">
                <button
                  type="button"
                  className="secondary"
                  disabled={!before}
                  onClick={() => page(undefined)}
                >
                  ← Latest
                </button>
                <button
                  type="button"
                  className="secondary"
                  disabled={d.entries.length < LIMIT}
                  onClick={() => page(d.entries.at(-1)?.seq)}
                >
                  Older →
                </button>
              </nav>
            </>
          )}
        </LoadedView>
      </section>
    </>
  );
}
