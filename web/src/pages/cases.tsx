import './pages.css';
import type { ChangeEvent } from 'react';
import { useSearchParams } from 'react-router';
import { query } from '../api';
import { formatCount } from '../components/format';
import { Pager } from '../components/pager';
import { Empty, LoadedView } from '../components/status';
import { useApi } from '../use-api';
import type { CaseList } from './case/types';
import { CASE_STATUS_LABELS, CASE_STATUSES } from './case/vocabulary';
import { CasesTable } from './cases/cases-table';
import { NewCaseForm } from './cases/new-case-form';

const LIMIT = 50;
const OPERATION_ID = /^op-[0-9a-f]{10}$/;

/**
 * Cases, most recently changed first, filtered by status and paged (both in the URL), and the form that
 * opens a new one (?operation=op-… prefills it with the operations an operation page sent).
 */
export function CasesPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const operationIds = params.getAll('operation').filter((id) => OPERATION_ID.test(id));
  const loaded = useApi<CaseList>(`/api/cases${query({ status, limit: LIMIT, offset })}`);
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'offset') next.delete('offset');
    setParams(next);
  };
  return (
    <>
      <div className="page-head">
        <h1>Cases</h1>
        {loaded.data && <span className="muted">{formatCount(loaded.data.total)} cases</span>}
      </div>
      <NewCaseForm key={operationIds.join(',')} operationIds={operationIds} />
      <section aria-labelledby="cases-title">
        <h2 id="cases-title">All cases</h2>
        <form className="filters" aria-label="Filter cases" onSubmit={(e) => e.preventDefault()}>
          <label>
            Status
            <select
              name="status"
              value={status}
              onChange={(e: ChangeEvent<HTMLSelectElement>) => setParam('status', e.target.value)}
            >
              <option value="">Any</option>
              {CASE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {CASE_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        </form>
        <LoadedView state={loaded} what="cases">
          {(d) =>
            d.cases.length === 0 ? (
              <Empty>{status ? 'No case has this status.' : 'No case yet: open one above.'}</Empty>
            ) : (
              <>
                <CasesTable cases={d.cases} />
                <Pager
                  total={d.total}
                  limit={LIMIT}
                  offset={offset}
                  count={d.cases.length}
                  onOffset={(o) => setParam('offset', o > 0 ? String(o) : '')}
                />
              </>
            )
          }
        </LoadedView>
      </section>
    </>
  );
}
