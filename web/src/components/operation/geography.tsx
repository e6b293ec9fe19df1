import { lazy, Suspense } from 'react';
import { useApi } from '../../use-api';
import { ErrorMessage, Loading } from '../status';
import { countryName } from './labels';
import type { GeographyAnswer, OriginSignal } from './types';

// d3-geo and the world atlas load only with the map.
const WorldMap = lazy(() => import('./world-map').then((m) => ({ default: m.WorldMap })));

const SIGNALS: Array<{ key: OriginSignal; label: string }> = [
  { key: 'phone', label: 'Phones' },
  { key: 'merchant', label: 'Merchants' },
  { key: 'bank', label: 'Banks' },
  { key: 'company', label: 'Companies' },
  { key: 'hosting', label: 'Hosting' },
];

/** Victims and infrastructure origins by country: the map, and the same numbers as a table. */
export function Geography({ operationId }: { operationId: string }) {
  const geo = useApi<GeographyAnswer>(`/api/operations/${operationId}/geography`);
  if (geo.error) return <ErrorMessage message={geo.error} onRetry={geo.reload} />;
  if (!geo.data) return <Loading what="the map" />;
  const data = geo.data;
  const rows = new Map<string, { victims: number; signals: GeographyAnswer['origins'][number]['signals'] }>();
  for (const v of data.victims) rows.set(v.country, { victims: v.count, signals: {} });
  for (const o of data.origins)
    rows.set(o.country, { victims: rows.get(o.country)?.victims ?? 0, signals: o.signals });
  const sorted = [...rows].sort((a, b) => b[1].victims - a[1].victims || a[0].localeCompare(b[0]));
  return (
    <div className="op-geography">
      <Suspense fallback={<div className="op-map-placeholder" aria-busy="true" />}>
        <WorldMap geography={data} />
      </Suspense>
      <details>
        <summary>Countries as a table ({sorted.length})</summary>
        <table>
          <caption>Victims and origin signals by country</caption>
          <thead>
            <tr>
              <th scope="col">Country</th>
              <th scope="col">Victims</th>
              {SIGNALS.map((s) => (
                <th scope="col" key={s.key}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map(([country, row]) => (
              <tr key={country}>
                <th scope="row">{countryName(country)}</th>
                <td>{row.victims}</td>
                {SIGNALS.map((s) => (
                  <td key={s.key}>{row.signals[s.key] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
