import { formatCount, formatMoney, formatNumber, formatPercent } from './format';
import type { PriorityComponents } from './operation-summary';

/** A priority (0–100) as a number and a bar; the bar is decoration, the number is the value. */
export function PriorityScore({ score }: { score: number }) {
  const pct = Math.max(0, Math.min(100, score));
  return (
    <span className="priority">
      <span className="priority-value">{formatNumber(score, 1)}</span>
      <span className="priority-bar" aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </span>
    </span>
  );
}

/** What a priority is made of, as a compact definition list (velocity, growth, losses, victims, recency). */
export function PriorityParts({ components }: { components: PriorityComponents | undefined }) {
  if (!components) return <span className="muted">not scored yet</span>;
  const c = components;
  const parts: Array<[string, string, string]> = [
    ['7 d', formatCount(c.reportsLast7Days), 'Reports in the last 7 days'],
    ['30 d', formatCount(c.reportsLast30Days), 'Reports in the last 30 days'],
    ['growth', `×${formatNumber(c.growth, 1)}`, 'Weekly rate of the last 30 days over the 90 days before'],
    [
      'losses',
      formatMoney(c.lossUsd, 'USD'),
      `Losses in US dollars (median ${formatMoney(c.medianLossUsd, 'USD')})`,
    ],
    [
      'victims',
      `${formatCount(c.victims)}${c.vulnerableVictims ? ` (${formatCount(c.vulnerableVictims)} 60+)` : ''}`,
      'Victims (aged 60 and over)',
    ],
    ['fresh', formatPercent(c.freshness), 'Freshness of its phone numbers and domains'],
    [
      'new infra',
      formatCount(c.newInfrastructure),
      'Phone numbers and domains first seen in the last 30 days',
    ],
  ];
  return (
    <dl className="parts">
      {parts.map(([term, value, title]) => (
        <div key={term} title={title}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
