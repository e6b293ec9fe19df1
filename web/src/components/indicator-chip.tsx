import { Link } from 'react-router';
import { kindGroup } from './highlighted-text';
import { kindLabel } from './vocabulary';

/** One indicator as a compact chip: its kind and value; a link (e.g. to a search) when `to` is given. */
export function IndicatorChip({ kind, value, to }: { kind: string; value: string; to?: string }) {
  const body = (
    <>
      <span className="chip-kind">{kindLabel(kind)}</span> <span className="chip-value">{value}</span>
    </>
  );
  const className = `chip chip-${kindGroup(kind)}`;
  return to ? (
    <Link className={className} to={to}>
      {body}
    </Link>
  ) : (
    <span className={className}>{body}</span>
  );
}

/** The search URL of the operations page for one value. */
export function searchHref(value: string): string {
  return `/operations?${new URLSearchParams({ q: value }).toString()}`;
}
