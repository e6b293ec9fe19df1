import { Link } from 'react-router';
import { formatCount } from '../../components/format';
import { WordList } from '../../components/tally-list';
import { Time } from '../../components/time';
import { TlpBadge } from '../../components/tlp';
import type { CaseListItem } from '../case/types';
import { CASE_STATUS_LABELS, labelOf } from '../case/vocabulary';

/** Cases, most recently changed first: reference, title, status, TLP, agency, where, who, how many operations. */
export function CasesTable({ cases }: { cases: readonly CaseListItem[] }) {
  return (
    <table className="dense">
      <caption className="visually-hidden">Cases, most recently changed first</caption>
      <thead>
        <tr>
          <th scope="col">Reference</th>
          <th scope="col">Title</th>
          <th scope="col">Status</th>
          <th scope="col">TLP</th>
          <th scope="col">Agency</th>
          <th scope="col">Jurisdictions</th>
          <th scope="col">Assignee</th>
          <th scope="col" className="num">
            Operations
          </th>
          <th scope="col">Changed</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => (
          <tr key={c.id}>
            <td className="nowrap">
              <Link to={`/cases/${c.id}`} className="mono">
                {c.reference}
              </Link>
            </td>
            <td>{c.title}</td>
            <td className="nowrap">{labelOf(CASE_STATUS_LABELS, c.status)}</td>
            <td className="nowrap">
              <TlpBadge tlp={c.tlp} />
            </td>
            <td>{c.agency ?? <span className="muted">—</span>}</td>
            <td>
              <WordList items={c.jurisdictions} words={false} />
            </td>
            <td>{c.assignee ?? <span className="muted">—</span>}</td>
            <td className="num">{formatCount(c.operations)}</td>
            <td className="nowrap">
              <Time value={c.updatedAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
