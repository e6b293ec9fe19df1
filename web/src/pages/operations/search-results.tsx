import { Link } from 'react-router';
import { query } from '../../api';
import { formatCount, formatNumber, formatPeriod } from '../../components/format';
import { IndicatorChip } from '../../components/indicator-chip';
import { Empty, LoadedView } from '../../components/status';
import { kindLabel } from '../../components/vocabulary';
import { useApi } from '../../use-api';

/** GET /api/search: how the query was read, and the stored values that match with their operations. */
export interface SearchAnswer {
  query: string;
  interpretations: Array<{ kind: string; value: string }>;
  matches: Array<{
    kind: string;
    value: string;
    reportCount: number;
    firstSeen: string | null;
    lastSeen: string | null;
    /** Crawled pages that showed the value. */
    pages?: number;
    operations: Array<{ id: string; reportCount: number; priority: number; reports: number }>;
  }>;
}

/** Which operations hold the value searched for (a phone typed as a victim would is read as E.164). */
export function SearchResults({ q, country }: { q: string; country?: string | undefined }) {
  const loaded = useApi<SearchAnswer>(`/api/search${query({ q, country })}`);
  return (
    <section aria-labelledby="search-title" className="search-results">
      <h2 id="search-title">Search: “{q}”</h2>
      <LoadedView state={loaded} what="search results">
        {(s) => (
          <>
            {s.interpretations.length > 0 && (
              <p className="muted">
                Read as{' '}
                {s.interpretations.map((i, n) => (
                  <span key={`${i.kind}:${i.value}`}>
                    {n > 0 && ', '}
                    {kindLabel(i.kind)} <span className="mono">{i.value}</span>
                  </span>
                ))}
              </p>
            )}
            {s.matches.length === 0 ? (
              <Empty>No stored indicator matches.</Empty>
            ) : (
              <table className="dense">
                <caption className="visually-hidden">
                  Indicators matching the search and their operations
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Indicator</th>
                    <th scope="col" className="num">
                      Reports
                    </th>
                    <th scope="col" className="num">
                      Pages
                    </th>
                    <th scope="col">Seen</th>
                    <th scope="col">Operations holding it</th>
                  </tr>
                </thead>
                <tbody>
                  {s.matches.map((m) => (
                    <tr key={`${m.kind}:${m.value}`}>
                      <td>
                        <IndicatorChip kind={m.kind} value={m.value} />
                      </td>
                      <td className="num">{formatCount(m.reportCount)}</td>
                      <td className="num">{formatCount(m.pages ?? 0)}</td>
                      <td className="nowrap">{formatPeriod(m.firstSeen, m.lastSeen)}</td>
                      <td>
                        {m.operations.length === 0 ? (
                          <span className="muted">none</span>
                        ) : (
                          <ul className="inline-list">
                            {m.operations.map((o) => (
                              <li key={o.id}>
                                <Link to={`/operations/${o.id}`} className="mono">
                                  {o.id}
                                </Link>{' '}
                                <span className="count">
                                  {formatCount(o.reports)} of {formatCount(o.reportCount)} reports, priority{' '}
                                  {formatNumber(o.priority, 1)}
                                </span>
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </LoadedView>
    </section>
  );
}
