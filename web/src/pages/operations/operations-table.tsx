import { Link } from 'react-router';
import { formatCount, formatLosses, formatPeriod } from '../../components/format';
import type { OperationRow } from '../../components/operation-summary';
import { PriorityParts, PriorityScore } from '../../components/priority';
import { TallyList } from '../../components/tally-list';

/** The ranked operations as a dense table: priority and its parts, who they impersonate, whom they reach. */
export function OperationsTable({ rows, offset }: { rows: readonly OperationRow[]; offset: number }) {
  return (
    <table className="dense operations">
      <caption className="visually-hidden">Operations ranked by priority, highest first</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            #
          </th>
          <th scope="col">Operation</th>
          <th scope="col">Priority</th>
          <th scope="col">What it is made of</th>
          <th scope="col" className="num">
            Reports
          </th>
          <th scope="col">Brands</th>
          <th scope="col">Channels</th>
          <th scope="col">Victims in</th>
          <th scope="col">Losses</th>
          <th scope="col">Active</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((o, i) => {
          const p = o.summary.profile;
          return (
            <tr key={o.id}>
              <td className="num">{formatCount(offset + i + 1)}</td>
              <td className="nowrap">
                <Link to={`/operations/${o.id}`} className="mono">
                  {o.id}
                </Link>
                {o.pinned && <span className="badge">pinned</span>}
              </td>
              <td>
                <PriorityScore score={o.priority} />
              </td>
              <td>
                <PriorityParts components={o.summary.priority?.components} />
              </td>
              <td className="num">{formatCount(o.reportCount)}</td>
              <td>
                <TallyList items={p?.modusOperandi.brands} />
              </td>
              <td>
                <TallyList items={p?.modusOperandi.channels} words />
              </td>
              <td>
                <TallyList items={p?.targets.victimCountries} max={4} />
              </td>
              <td>{formatLosses(p?.lossesByCurrency)}</td>
              <td className="nowrap">{formatPeriod(o.firstSeen, o.lastSeen)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
