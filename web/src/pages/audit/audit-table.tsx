import { formatDateTime } from '../../components/format';
import type { AuditRecord } from './types';

/** The detail as one line of JSON, as stored (text only, never markup). */
const compact = (detail: Record<string, unknown>) =>
  Object.keys(detail).length === 0 ? '' : JSON.stringify(detail);

/** Audit rows, newest first: sequence, time, who, what, to what, the detail, and the row's hash. */
export function AuditTable({ entries }: { entries: readonly AuditRecord[] }) {
  return (
    <table className="dense audit">
      <caption className="visually-hidden">Audit log, newest first</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            Seq
          </th>
          <th scope="col">Time (UTC)</th>
          <th scope="col">Actor</th>
          <th scope="col">Action</th>
          <th scope="col">Subject</th>
          <th scope="col">Detail</th>
          <th scope="col">Hash</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.seq}>
            <td className="num">{e.seq}</td>
            <td className="nowrap">
              <time dateTime={e.at} title={e.at}>
                {formatDateTime(e.at)}
              </time>
            </td>
            <td>{e.actor ?? <span className="muted">—</span>}</td>
            <td className="mono">{e.action}</td>
            <td className="mono">{e.subject ?? <span className="muted">—</span>}</td>
            <td>
              <code className="audit-detail">{compact(e.detail)}</code>
            </td>
            <td className="mono small nowrap" title={e.hash}>
              {e.hash.slice(0, 12)}…
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
