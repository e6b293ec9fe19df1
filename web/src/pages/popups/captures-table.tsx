import { Link, useSearchParams } from 'react-router';
import { evidenceUrl } from '../../api';
import { humanise } from '../../components/format';
import { Time } from '../../components/time';
import { VerdictBadge } from '../../components/verdict-badge';
import { LabelLine } from './label-line';
import type { CaptureListItem, PageLabel } from './types';

/** Crawled pages as a table with thumbnails; a page's URL is shown as text, never as a link to it. */
export function CapturesTable({
  captures,
  labels,
}: {
  captures: readonly CaptureListItem[];
  /** Labels given in this session, newer than what the list says. */
  labels: ReadonlyMap<string, PageLabel>;
}) {
  const [params] = useSearchParams();
  const open = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('capture', id);
    return `?${next.toString()}`;
  };
  return (
    <table className="dense captures">
      <caption className="visually-hidden">Crawled pages, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Screenshot</th>
          <th scope="col">Page</th>
          <th scope="col">Verdict</th>
          <th scope="col">Operation</th>
          <th scope="col">Label</th>
          <th scope="col">Crawled</th>
        </tr>
      </thead>
      <tbody>
        {captures.map((c) => (
          <tr key={c.id} aria-current={params.get('capture') === c.id ? 'true' : undefined}>
            <td>
              {c.screenshotSha256 ? (
                <img
                  className="thumb"
                  src={evidenceUrl(c.screenshotSha256)}
                  alt={`Screenshot of ${c.title || c.finalUrl || c.url}`}
                  loading="lazy"
                  width={160}
                  height={90}
                />
              ) : (
                <span className="muted">none</span>
              )}
            </td>
            <td className="page-cell">
              <Link to={open(c.id)} data-capture={c.id}>
                {c.title?.trim() || 'Untitled page'}
              </Link>
              <div className="mono small">{c.finalUrl ?? c.url}</div>
              <div className="muted small">
                {humanise(c.profile)}
                {c.status !== null && ` · HTTP ${c.status}`}
                {c.error && <span className="error"> · {c.error}</span>}
              </div>
            </td>
            <td>
              <VerdictBadge verdict={c.verdict} probability={c.scamProbability} />
            </td>
            <td>
              {c.operationId ? (
                <Link className="mono" to={`/operations/${c.operationId}`}>
                  {c.operationId}
                </Link>
              ) : (
                <span className="muted">none</span>
              )}
            </td>
            <td>
              <LabelLine label={labels.get(c.id) ?? c.label} />
            </td>
            <td className="nowrap">
              <Time value={c.finishedAt} withTime />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
