import { humanise } from './format';

/** A value and how many reports show it (an operation profile's tally). */
export interface Tally {
  value: string;
  count: number;
}

/** "Microsoft 12 · Apple 3 · +2 more" as an inline list; "—" when empty. */
export function TallyList({
  items,
  max = 3,
  words = false,
}: {
  items: readonly Tally[] | undefined;
  max?: number;
  words?: boolean;
}) {
  if (!items || items.length === 0) return <span className="muted">—</span>;
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  return (
    <ul className="inline-list">
      {shown.map((t) => (
        <li key={t.value}>
          {words ? humanise(t.value) : t.value} <span className="count">{t.count}</span>
        </li>
      ))}
      {rest > 0 && (
        <li
          className="muted"
          title={items
            .slice(max)
            .map((t) => `${t.value} ${t.count}`)
            .join(', ')}
        >
          +{rest} more
        </li>
      )}
    </ul>
  );
}

/** Plain words as an inline list ("gift card · bank transfer"); "—" when empty. */
export function WordList({ items, words = true }: { items: readonly string[] | undefined; words?: boolean }) {
  if (!items || items.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="inline-list">
      {items.map((w) => (
        <li key={w}>{words ? humanise(w) : w}</li>
      ))}
    </ul>
  );
}
