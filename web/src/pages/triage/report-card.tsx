import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { formatLosses, formatPercent, humanise } from '../../components/format';
import type { Highlight } from '../../components/highlight';
import { HighlightedText } from '../../components/highlighted-text';
import { IndicatorChip, searchHref } from '../../components/indicator-chip';
import { ErrorMessage } from '../../components/status';
import { WordList } from '../../components/tally-list';
import { Time } from '../../components/time';
import { ExcludeForm } from './exclude-form';
import type { ReportIndicator, ReviewStatus, TriageReport } from './types';

/** The narrative's indicators as highlights (indicators found in other fields have no offsets here). */
function narrativeHighlights(indicators: readonly ReportIndicator[]): Highlight[] {
  return indicators
    .filter((i) => i.field === 'narrative')
    .map((i) => ({ start: i.start, end: i.end, kind: i.kind, value: i.value }));
}

const REVIEW_LABEL: Record<string, string> = {
  confirmed: 'Confirmed',
  not_scam: 'Not a tech support scam',
};

/** Props of ReportCard. */
export interface ReportCardProps {
  report: TriageReport;
  /** A review under way or its error, for this card. */
  busy: boolean;
  error: string | undefined;
  onReview(status: ReviewStatus): void;
  onExcluded(indicator: ReportIndicator): void;
  /** Receives the card's heading, so the queue can move focus to it. */
  headingRef?: (el: HTMLHeadingElement | null) => void;
}

/** One report of the triage queue: facts, highlighted narrative, score and reasons, quick actions. */
export function ReportCard({ report: r, busy, error, onReview, onExcluded, headingRef }: ReportCardProps) {
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [excluding, setExcluding] = useState(false);
  const [excluded, setExcluded] = useState<string | undefined>();
  const headingId = `report-${r.id}`;
  const uniqueIndicators = [...new Map(r.indicators.map((i) => [`${i.kind}:${i.value}`, i])).values()];
  return (
    <article className="card report" aria-labelledby={headingId}>
      <header className="report-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          Report {r.externalId ?? r.id.slice(0, 8)}
        </h2>
        <span className={`score ${r.isTss ? 'score-tss' : 'score-other'}`} title="Triage score">
          <span className="visually-hidden">Triage score </span>
          {formatPercent(r.triageScore)}
        </span>
        {r.severity && (
          <span className={`badge severity-${r.severity}`}>{humanise(r.severity)} severity</span>
        )}
        <span className="badge">{r.isTss ? 'tech support scam' : 'maybe not TSS'}</span>
        {r.review && (
          <span className="badge reviewed">{REVIEW_LABEL[r.review.status] ?? r.review.status}</span>
        )}
      </header>
      <dl className="facts">
        <div>
          <dt>Received</dt>
          <dd>
            <Time value={r.submittedAt ?? r.receivedAt} withTime />
          </dd>
        </div>
        <div>
          <dt>Channel</dt>
          <dd>{r.channel ? humanise(r.channel) : '—'}</dd>
        </div>
        <div>
          <dt>Victim in</dt>
          <dd>{r.victimCountry ?? '—'}</dd>
        </div>
        <div>
          <dt>Language</dt>
          <dd>{r.language ?? '—'}</dd>
        </div>
        <div>
          <dt>Brands</dt>
          <dd>
            <WordList items={r.brands} words={false} />
          </dd>
        </div>
        <div>
          <dt>Paid by</dt>
          <dd>
            <WordList items={r.paymentMethods} />
          </dd>
        </div>
        <div>
          <dt>Remote tools</dt>
          <dd>
            <WordList items={r.remoteTools} words={false} />
          </dd>
        </div>
        <div>
          <dt>Losses</dt>
          <dd>{formatLosses(r.losses)}</dd>
        </div>
        <div>
          <dt>Operation</dt>
          <dd>
            {r.operationId ? (
              <Link to={`/operations/${r.operationId}`}>{r.operationId}</Link>
            ) : (
              'not linked yet'
            )}
          </dd>
        </div>
      </dl>
      <h3 className="visually-hidden">Narrative</h3>
      {r.narrative ? (
        <HighlightedText text={r.narrative} highlights={narrativeHighlights(r.indicators)} />
      ) : (
        <p className="muted">No narrative.</p>
      )}
      {r.reasons.length + (r.severityReasons?.length ?? 0) > 0 && (
        <div className="why">
          {r.reasons.length > 0 && (
            <div>
              <h3 className="small-heading">Why this score</h3>
              <ul className="reasons">
                {r.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </div>
          )}
          {r.severityReasons && r.severityReasons.length > 0 && (
            <div>
              <h3 className="small-heading">Why this severity</h3>
              <ul className="reasons">
                {r.severityReasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {uniqueIndicators.length > 0 && (
        <>
          <h3 className="small-heading">Indicators</h3>
          <ul className="chips">
            {uniqueIndicators.map((i) => (
              <li key={`${i.kind}:${i.value}`}>
                <IndicatorChip kind={i.kind} value={i.value} to={searchHref(i.value)} />
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => onReview('confirmed')}>
          Confirm
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => onReview('not_scam')}>
          Not a tech support scam
        </button>
        <button
          ref={toggleRef}
          type="button"
          className="secondary"
          aria-expanded={excluding}
          disabled={busy || r.indicators.length === 0}
          onClick={() => setExcluding((x) => !x)}
        >
          Exclude an indicator…
        </button>
      </div>
      {error && <ErrorMessage message={error} />}
      {excluded && (
        <p className="notice" role="status">
          {excluded}
        </p>
      )}
      {excluding && (
        <ExcludeForm
          indicators={r.indicators}
          onCancel={() => {
            setExcluding(false);
            toggleRef.current?.focus();
          }}
          onDone={(i) => {
            setExcluding(false);
            toggleRef.current?.focus();
            setExcluded(`Excluded ${i.value} from linking; it applies at the next recluster.`);
            onExcluded(i);
          }}
        />
      )}
    </article>
  );
}
