import { Time } from '../../components/time';
import type { PageLabel } from './types';

/** The latest analyst label of a page: "scam, by ana, 04 Mar 2025", or "not labelled". */
export function LabelLine({ label }: { label: PageLabel | null | undefined }) {
  if (!label) return <span className="muted">not labelled</span>;
  return (
    <span>
      <span className={`badge ${label.label}`}>{label.label}</span>
      {label.author && <> by {label.author}</>}
      {label.createdAt && (
        <>
          , <Time value={label.createdAt} />
        </>
      )}
      {label.note && <span className="muted"> — {label.note}</span>}
    </span>
  );
}
