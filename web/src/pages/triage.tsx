import './pages.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, query } from '../api';
import { formatCount } from '../components/format';
import { Pager } from '../components/pager';
import { Empty, LoadedView } from '../components/status';
import { useApi } from '../use-api';
import { ReportCard } from './triage/report-card';
import {
  type ReviewStatus,
  TRIAGE_STATUSES,
  type TriagePage as TriageAnswer,
  type TriageReport,
  type TriageStatus,
} from './triage/types';

const LIMIT = 20;
const isStatus = (s: string | null): s is TriageStatus => TRIAGE_STATUSES.some(([v]) => v === s);

/** The triage queue: new reports with their highlighted narratives, scores and quick actions. */
export function TriagePage() {
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status');
  const status: TriageStatus = isStatus(rawStatus) ? rawStatus : 'new';
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const loaded = useApi<TriageAnswer>(`/api/triage${query({ status, limit: LIMIT, offset })}`);
  // The queue as shown: the server's page minus the reports the analyst has just dealt with.
  const [reports, setReports] = useState<TriageReport[]>([]);
  const [total, setTotal] = useState(0);
  const [pending, setPending] = useState<{ id: string; error?: string } | undefined>();
  const [announcement, setAnnouncement] = useState('');
  const headings = useRef(new Map<string, HTMLHeadingElement>());
  const pageHeading = useRef<HTMLHeadingElement>(null);
  const focusNext = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    if (!loaded.data) return;
    setReports(loaded.data.reports);
    setTotal(loaded.data.total);
  }, [loaded.data]);

  // After a report leaves the queue, focus goes to the next one (or the previous, or the page heading).
  useEffect(() => {
    if (focusNext.current === undefined) return;
    const target = focusNext.current === null ? pageHeading.current : headings.current.get(focusNext.current);
    focusNext.current = undefined;
    target?.focus();
  });

  const review = useCallback(
    async (report: TriageReport, verdict: ReviewStatus) => {
      setPending({ id: report.id });
      try {
        await api(`/api/reports/${report.id}/review`, { method: 'POST', body: { status: verdict } });
      } catch (e) {
        setPending({ id: report.id, error: e instanceof Error ? e.message : String(e) });
        return;
      }
      setPending(undefined);
      const name = report.externalId ?? report.id.slice(0, 8);
      setAnnouncement(
        `Report ${name} marked ${verdict === 'confirmed' ? 'confirmed' : 'not a tech support scam'}.`,
      );
      const stays = status === 'all' || status === verdict;
      if (stays) {
        setReports((rs) =>
          rs.map((r) =>
            r.id === report.id
              ? { ...r, review: { status: verdict, createdAt: new Date().toISOString() } }
              : r,
          ),
        );
        return;
      }
      const at = reports.findIndex((r) => r.id === report.id);
      const rest = reports.filter((r) => r.id !== report.id);
      focusNext.current = (rest[at] ?? rest[at - 1])?.id ?? null;
      setReports(rest);
      setTotal((t) => t - 1);
      if (rest.length === 0) loaded.reload();
    },
    [reports, status, loaded],
  );

  const setStatus = (s: string) => setParams(s === 'new' ? {} : { status: s });
  const setOffset = (o: number) => {
    const next = new URLSearchParams(params);
    if (o > 0) next.set('offset', String(o));
    else next.delete('offset');
    setParams(next);
    pageHeading.current?.focus();
  };
  // Reports dealt with on this page shift the server's offsets: the next page starts that much earlier.
  const handled = loaded.data ? loaded.data.reports.length - reports.length : 0;

  return (
    <section aria-labelledby="triage-title" className="triage">
      <div className="page-head">
        <h1 id="triage-title" ref={pageHeading} tabIndex={-1}>
          Triage
        </h1>
        <label className="inline-label">
          Show
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            {TRIAGE_STATUSES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {loaded.data && (
          <span className="muted">
            {formatCount(total)}
            {loaded.data.totalCapped ? '+' : ''} reports
          </span>
        )}
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <LoadedView state={loaded} what="the triage queue">
        {() =>
          reports.length === 0 ? (
            <Empty>{status === 'new' ? 'Nothing left to triage.' : 'No reports.'}</Empty>
          ) : (
            <>
              <ol className="report-list">
                {reports.map((r) => (
                  <li key={r.id}>
                    <ReportCard
                      report={r}
                      busy={pending?.id === r.id && pending.error === undefined}
                      error={pending?.id === r.id ? pending.error : undefined}
                      onReview={(verdict) => void review(r, verdict)}
                      onExcluded={() => setAnnouncement('Indicator excluded.')}
                      headingRef={(el) => {
                        if (el) headings.current.set(r.id, el);
                        else headings.current.delete(r.id);
                      }}
                    />
                  </li>
                ))}
              </ol>
              <Pager
                total={loaded.data?.totalCapped ? undefined : total}
                limit={LIMIT}
                offset={offset}
                count={reports.length}
                onOffset={(o) => setOffset(o > offset ? o - handled : o)}
              />
            </>
          )
        }
      </LoadedView>
    </section>
  );
}
