import { formatCount } from './format';

/** Props of Pager: where the page is, how many rows it holds, and how to go elsewhere. */
export interface PagerProps {
  /** The total when the server knows it; without it, "Next" is offered while pages come back full. */
  total?: number | undefined;
  limit: number;
  offset: number;
  /** Rows on the current page. */
  count: number;
  onOffset(offset: number): void;
  /** Names the navigation landmark (must differ between pagers on one page). */
  label?: string;
}

/** Previous / next paging with "51–100 of 1,234" between. */
export function Pager({ total, limit, offset, count, onOffset, label = 'Pages' }: PagerProps) {
  const hasPrevious = offset > 0;
  const hasNext = total === undefined ? count >= limit : offset + count < total;
  if (!hasPrevious && !hasNext && count === 0) return null;
  const range = count === 0 ? 'none' : `${formatCount(offset + 1)}–${formatCount(offset + count)}`;
  return (
    <nav className="pager" aria-label={label}>
      <button
        type="button"
        className="secondary"
        disabled={!hasPrevious}
        onClick={() => onOffset(Math.max(0, offset - limit))}
      >
        ← Previous
      </button>
      <span aria-live="polite">
        {range}
        {total !== undefined && ` of ${formatCount(total)}`}
      </span>
      <button
        type="button"
        className="secondary"
        disabled={!hasNext}
        onClick={() => onOffset(offset + limit)}
      >
        Next →
      </button>
    </nav>
  );
}
