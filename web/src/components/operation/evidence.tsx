import { useState } from 'react';
import { evidenceUrl, query } from '../../api';
import { useApi } from '../../use-api';
import { formatDateTime } from '../format';
import { Pager } from '../pager';
import { ErrorMessage, Loading } from '../status';
import { VerdictBadge } from '../verdict-badge';
import { truncate } from './labels';
import type { CaptureDetail, CaptureItem } from './types';

const LIMIT = 12;

function Reasons({ captureId }: { captureId: string }) {
  const detail = useApi<CaptureDetail>(`/api/crawls/${captureId}`);
  if (detail.error) return <ErrorMessage message={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loading what="the reasons" />;
  const reasons = detail.data.capture.verdict?.reasons ?? [];
  if (reasons.length === 0) return <p className="muted">No reasons recorded.</p>;
  return (
    <ul className="op-reasons">
      {reasons.map((r, i) => (
        // Reasons may repeat; their order is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from the server, never reordered
        <li key={i}>{r}</li>
      ))}
    </ul>
  );
}

function CaptureCard({ c }: { c: CaptureItem }) {
  const [open, setOpen] = useState(false);
  const page = c.title?.trim() || c.finalUrl || c.url;
  return (
    <li className="op-capture card">
      {c.screenshotSha256 ? (
        <a href={evidenceUrl(c.screenshotSha256)} target="_blank" rel="noreferrer noopener">
          <img
            src={evidenceUrl(c.screenshotSha256)}
            alt={`Screenshot of ${truncate(page, 120)} (${c.profile})`}
            loading="lazy"
            width={240}
            height={135}
          />
        </a>
      ) : (
        <div className="op-no-shot">No screenshot{c.error ? `: ${c.error}` : ''}</div>
      )}
      <p className="op-value">{truncate(c.url, 200)}</p>
      {c.title && <p className="op-capture-title">{truncate(c.title, 200)}</p>}
      <p>
        <VerdictBadge verdict={c.verdict} probability={c.scamProbability} />{' '}
        <span className="muted">
          {c.profile} · {formatDateTime(c.finishedAt)}
          {c.status !== null && ` · HTTP ${c.status}`}
        </span>
      </p>
      {c.verdict && (
        <>
          <button type="button" className="link" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
            {open ? 'Hide reasons' : 'Why this verdict'}
          </button>
          {open && <Reasons captureId={c.id} />}
        </>
      )}
    </li>
  );
}

/** Pages the operation's phone numbers and URLs led to, crawled: screenshots, verdicts and reasons. */
export function Evidence({ operationId }: { operationId: string }) {
  const [offset, setOffset] = useState(0);
  const list = useApi<{ captures: CaptureItem[] }>(
    `/api/crawls${query({ operationId, limit: LIMIT, offset })}`,
  );
  if (list.error) return <ErrorMessage message={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loading what="crawled pages" />;
  const captures = list.data.captures;
  if (captures.length === 0 && offset === 0) return <p className="muted">No crawled pages yet.</p>;
  return (
    <div>
      <ul className="op-captures">
        {captures.map((c) => (
          <CaptureCard key={c.id} c={c} />
        ))}
      </ul>
      <Pager
        label="Crawled page pages"
        offset={offset}
        limit={LIMIT}
        count={captures.length}
        onOffset={setOffset}
      />
    </div>
  );
}
