import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useId, useState } from 'react';
import { useApi } from '../../use-api';
import { formatCount, formatDate, formatLosses, formatMoney } from '../format';
import { ErrorMessage, Loading } from '../status';
import type { TimelineAnswer } from './types';

const W = 760;
const H = 240;
const M = { top: 12, right: 64, bottom: 36, left: 44 };

/** The currency with the largest total loss in the timeline (the one the line shows). */
function mainCurrency(t: TimelineAnswer): string | undefined {
  const totals = new Map<string, number>();
  for (const b of t.buckets)
    for (const l of b.losses) totals.set(l.currency, (totals.get(l.currency) ?? 0) + l.value);
  return [...totals].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const lossIn = (losses: TimelineAnswer['buckets'][number]['losses'], currency: string | undefined) =>
  losses.find((l) => l.currency === currency)?.value ?? 0;

function TimelineChart({ data, currency }: { data: TimelineAnswer; currency: string | undefined }) {
  const titleId = useId();
  const descId = useId();
  const x = scaleBand<string>()
    .domain(data.buckets.map((b) => b.start))
    .range([M.left, W - M.right])
    .padding(0.15);
  const maxReports = Math.max(1, ...data.buckets.map((b) => b.reports));
  const y = scaleLinear()
    .domain([0, maxReports])
    .nice()
    .range([H - M.bottom, M.top]);
  const maxLoss = Math.max(1, ...data.buckets.map((b) => lossIn(b.losses, currency)));
  const yLoss = scaleLinear()
    .domain([0, maxLoss])
    .nice()
    .range([H - M.bottom, M.top]);
  const path = line<TimelineAnswer['buckets'][number]>()
    .x((b) => (x(b.start) ?? 0) + x.bandwidth() / 2)
    .y((b) => yLoss(lossIn(b.losses, currency)))(data.buckets);
  const every = Math.max(1, Math.ceil(data.buckets.length / 8));
  const total = data.buckets.reduce((s, b) => s + b.reports, 0);
  const peak = data.buckets.reduce((p, b) => (b.reports > p.reports ? b : p), data.buckets[0]!);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="op-timeline-chart"
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>
        Reports per {data.bucket}
        {currency ? ` and losses in ${currency}` : ''}
      </title>
      <desc id={descId}>
        {formatCount(total)} reports from {formatDate(data.buckets[0]?.start)} to{' '}
        {formatDate(data.buckets.at(-1)?.start)}; the busiest {data.bucket} began {formatDate(peak.start)}{' '}
        with {peak.reports} reports. The table below holds every {data.bucket}.
      </desc>
      {y.ticks(5).map((t) => (
        <g key={`r${t}`}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="op-grid" />
          <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end" className="op-axis">
            {formatCount(t)}
          </text>
        </g>
      ))}
      {data.buckets.map((b) => (
        <rect
          key={b.start}
          x={x(b.start)}
          y={y(b.reports)}
          width={x.bandwidth()}
          height={H - M.bottom - y(b.reports)}
          className="op-bar"
        >
          <title>
            {formatDate(b.start)}: {b.reports} reports
          </title>
        </rect>
      ))}
      {currency && path && (
        <>
          <path d={path} className="op-loss-line" />
          {yLoss.ticks(4).map((t) => (
            <text key={`l${t}`} x={W - M.right + 6} y={yLoss(t)} dy="0.32em" className="op-axis op-axis-loss">
              {formatMoney(t, currency)}
            </text>
          ))}
        </>
      )}
      {data.buckets.map((b, i) =>
        i % every === 0 ? (
          <text
            key={`x${b.start}`}
            x={(x(b.start) ?? 0) + x.bandwidth() / 2}
            y={H - M.bottom + 16}
            textAnchor="middle"
            className="op-axis"
          >
            {formatDate(b.start)}
          </text>
        ) : null,
      )}
      <text x={M.left} y={H - 4} className="op-axis">
        Bars: reports per {data.bucket}
      </text>
      {currency && (
        <text x={W - M.right} y={H - 4} textAnchor="end" className="op-axis op-axis-loss">
          Line: losses ({currency})
        </text>
      )}
    </svg>
  );
}

/** Reports and losses over time: an SVG bar chart with a loss line, and the same numbers as a table. */
export function Timeline({ operationId }: { operationId: string }) {
  const timeline = useApi<TimelineAnswer>(`/api/operations/${operationId}/timeline`);
  const [asTable, setAsTable] = useState(false);
  const tableId = useId();
  if (timeline.error) return <ErrorMessage message={timeline.error} onRetry={timeline.reload} />;
  if (!timeline.data) return <Loading what="the timeline" />;
  const data = timeline.data;
  if (data.buckets.length === 0) return <p className="muted">No reports to chart.</p>;
  const currency = mainCurrency(data);
  return (
    <div className="op-timeline">
      <TimelineChart data={data} currency={currency} />
      <button
        type="button"
        className="secondary"
        aria-expanded={asTable}
        aria-controls={tableId}
        onClick={() => setAsTable((v) => !v)}
      >
        {asTable ? 'Hide the table' : 'Show as a table'}
      </button>
      <div id={tableId} hidden={!asTable}>
        <table>
          <caption>Reports and losses per {data.bucket}</caption>
          <thead>
            <tr>
              <th scope="col">{data.bucket === 'day' ? 'Day' : 'Week of'}</th>
              <th scope="col">Reports</th>
              <th scope="col">Losses</th>
            </tr>
          </thead>
          <tbody>
            {data.buckets.map((b) => (
              <tr key={b.start}>
                <td>{formatDate(b.start)}</td>
                <td>{b.reports}</td>
                <td>{formatLosses(b.losses)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
