import { formatDate, formatDateTime } from './format';

/** A date (or date and time) in UTC inside a <time> element that carries the exact instant. */
export function Time({ value, withTime = false }: { value: string | null | undefined; withTime?: boolean }) {
  if (!value) return <span className="muted">—</span>;
  return (
    <time dateTime={value} title={formatDateTime(value)}>
      {withTime ? formatDateTime(value) : formatDate(value)}
    </time>
  );
}
