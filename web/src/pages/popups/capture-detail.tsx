import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { evidenceUrl } from '../../api';
import { formatPercent, humanise } from '../../components/format';
import { IndicatorChip, searchHref } from '../../components/indicator-chip';
import { LoadedView } from '../../components/status';
import { Time } from '../../components/time';
import { VerdictBadge } from '../../components/verdict-badge';
import { useApi } from '../../use-api';
import { LabelForm } from './label-form';
import { LabelLine } from './label-line';
import type { PageLabel, StoredCapture } from './types';

/** Everything one crawl recorded: screenshots, verdict and reasons, phones, fingerprints, and the label form. */
export function CaptureDetail({
  id,
  label,
  onLabelled,
  onClose,
}: {
  id: string;
  /** A label given in this session, newer than the server's answer. */
  label: PageLabel | undefined;
  onLabelled(label: PageLabel): void;
  onClose(): void;
}) {
  const loaded = useApi<StoredCapture>(`/api/crawls/${id}`);
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus the panel whenever another capture opens
  useEffect(() => heading.current?.focus(), [id]);
  return (
    <section className="card capture-detail" aria-labelledby="capture-title">
      <div className="page-head">
        <h2 id="capture-title" ref={heading} tabIndex={-1}>
          Crawled page
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <LoadedView state={loaded} what="the capture">
        {(s) => {
          const c = s.capture;
          const v = c.verdict;
          // One screenshot when the click changed nothing on screen.
          const same = c.blobs.screenshotBefore === c.blobs.screenshotAfter;
          const shots = [
            [same ? '' : 'before the click', c.blobs.screenshotBefore],
            ['after the click', same ? null : c.blobs.screenshotAfter],
          ] as const;
          return (
            <>
              <dl className="facts">
                <div>
                  <dt>Title</dt>
                  <dd>{c.title || '—'}</dd>
                </div>
                <div>
                  <dt>URL</dt>
                  <dd className="mono">{c.url}</dd>
                </div>
                {c.finalUrl && c.finalUrl !== c.url && (
                  <div>
                    <dt>Ended at</dt>
                    <dd className="mono">{c.finalUrl}</dd>
                  </div>
                )}
                <div>
                  <dt>Profile</dt>
                  <dd>{humanise(c.profile)}</dd>
                </div>
                <div>
                  <dt>Crawled</dt>
                  <dd>
                    <Time value={c.finishedAt} withTime />
                  </dd>
                </div>
                <div>
                  <dt>Operation</dt>
                  <dd>
                    {s.operationId ? (
                      <Link className="mono" to={`/operations/${s.operationId}`}>
                        {s.operationId}
                      </Link>
                    ) : (
                      'none'
                    )}
                  </dd>
                </div>
                <div>
                  <dt>Label</dt>
                  <dd>
                    <LabelLine label={label ?? s.label} />
                  </dd>
                </div>
              </dl>
              {c.error && <p className="error">Visit stopped: {c.error}</p>}
              <div className="shots">
                {shots.map(([when, sha]) =>
                  sha ? (
                    <figure key={when}>
                      <img src={evidenceUrl(sha)} alt={`Screenshot of ${c.title || c.url} ${when}`.trim()} />
                      <figcaption>Screenshot {when || '(the same before and after the click)'}</figcaption>
                    </figure>
                  ) : null,
                )}
              </div>
              <h3 className="small-heading">Verdict</h3>
              {v ? (
                <>
                  <p>
                    <VerdictBadge verdict={v.verdict} probability={v.probability} />{' '}
                    <span className="muted">
                      text model {v.text ? formatPercent(v.text.probability) : '—'}, image model{' '}
                      {v.image ? formatPercent(v.image.probability) : '—'}
                    </span>
                  </p>
                  {v.reasons.length > 0 && (
                    <ul className="reasons">
                      {v.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  )}
                </>
              ) : (
                <p className="muted">No verdict (no models loaded when it was crawled).</p>
              )}
              <h3 className="small-heading">Phone numbers found</h3>
              {c.phones.length === 0 ? (
                <p className="muted">None.</p>
              ) : (
                <ul className="chips">
                  {c.phones.map((p) => (
                    <li key={`${p.e164}:${p.source}:${p.raw}`}>
                      <IndicatorChip kind="phone" value={p.e164} to={searchHref(p.e164)} />{' '}
                      <span className="muted small">
                        “{p.raw}” in {humanise(p.source)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <h3 className="small-heading">Kit fingerprints</h3>
              {c.fingerprints.length === 0 ? (
                <p className="muted">None.</p>
              ) : (
                <ul className="chips">
                  {c.fingerprints.map((f) => (
                    <li key={`${f.value}:${f.source}`} title={`seen in ${f.source}`}>
                      <IndicatorChip kind={f.kind} value={f.value} to={searchHref(f.value)} />
                    </li>
                  ))}
                </ul>
              )}
              {(c.behaviours.length > 0 || c.dialogs.length > 0) && (
                <>
                  <h3 className="small-heading">What the page tried</h3>
                  <ul className="reasons">
                    {c.behaviours.map((b) => (
                      <li key={b}>{humanise(b)}</li>
                    ))}
                    {c.dialogs.map((d, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: dialogs repeat; their order is the record
                      <li key={i}>
                        {d.type} dialog: “{d.message}”
                      </li>
                    ))}
                  </ul>
                </>
              )}
              {c.redirectChain.length > 1 && (
                <>
                  <h3 className="small-heading">Redirects</h3>
                  <ol className="reasons mono small">
                    {c.redirectChain.map((u, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a chain may pass one URL twice
                      <li key={i}>{u}</li>
                    ))}
                  </ol>
                </>
              )}
              <LabelForm captureId={s.id} onLabelled={onLabelled} />
            </>
          );
        }}
      </LoadedView>
    </section>
  );
}
