import { formatCount, formatMoney, formatNumber, formatPercent } from '../format';
import type { OperationRow, PriorityComponents } from '../operation-summary';
import { PriorityScore } from '../priority';
import { Time } from '../time';

// The detail page spells each component out in full (the list's PriorityParts is the compact form).
const COMPONENTS: Array<{ key: keyof PriorityComponents; label: string; show(v: number): string }> = [
  { key: 'reportsLast7Days', label: 'Reports, last 7 days', show: formatCount },
  { key: 'reportsLast30Days', label: 'Reports, last 30 days', show: formatCount },
  {
    key: 'growth',
    label: 'Growth (30-day weekly rate over the 90 days before)',
    show: (v) => `×${formatNumber(v, 2)}`,
  },
  { key: 'victims', label: 'Victims', show: formatCount },
  { key: 'vulnerableVictims', label: 'Victims aged 60 and over', show: formatCount },
  { key: 'lossUsd', label: 'Losses (US dollars)', show: (v) => formatMoney(v, 'USD') },
  { key: 'medianLossUsd', label: 'Median loss (US dollars)', show: (v) => formatMoney(v, 'USD') },
  { key: 'freshness', label: 'Freshness of its phones and domains', show: formatPercent },
  { key: 'newInfrastructure', label: 'Phones and domains first seen in 30 days', show: formatCount },
];

/** The operation at a glance: priority score with each of its components, counts and active period. */
export function OperationSummary({ operation }: { operation: OperationRow }) {
  const components = operation.summary.priority?.components;
  return (
    <div className="op-summary">
      <div className="op-score card">
        <span className="muted">Priority (0–100)</span>
        <PriorityScore score={operation.priority} />
        {operation.pinned && <span className="op-badge">Pinned by an analyst's decision</span>}
        {operation.stale && <span className="op-badge">New reports arrived: figures are being updated</span>}
      </div>
      <dl className="op-facts card">
        <dt>Reports</dt>
        <dd>{formatCount(operation.reportCount)}</dd>
        <dt>First seen</dt>
        <dd>
          <Time value={operation.firstSeen} />
        </dd>
        <dt>Last seen</dt>
        <dd>
          <Time value={operation.lastSeen} />
        </dd>
        {operation.summary.indicatorCount !== undefined && (
          <>
            <dt>Indicators</dt>
            <dd>{formatCount(operation.summary.indicatorCount)}</dd>
          </>
        )}
      </dl>
      {components ? (
        <table className="op-components">
          <caption>What the priority is made of</caption>
          <tbody>
            {COMPONENTS.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                <td>{c.show(components[c.key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">The priority is being recomputed (the operation changed just now).</p>
      )}
    </div>
  );
}
