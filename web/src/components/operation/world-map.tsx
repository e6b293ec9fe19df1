import { geoEqualEarth, geoPath } from 'd3-geo';
import { scaleSqrt } from 'd3-scale';
import { useId } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import { formatCount } from '../format';
import numericOf from './country-codes.json';
import { countryName } from './labels';
import type { GeographyAnswer } from './types';

const W = 800;
const H = 400;
const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = feature(topology, topology.objects.countries).features;
const projection = geoEqualEarth().fitExtent(
  [
    [4, 4],
    [W - 4, H - 4],
  ],
  { type: 'Sphere' },
);
const path = geoPath(projection);
const spherePath = path({ type: 'Sphere' }) ?? '';
const shapes = countries.map((c) => ({
  id: String(c.id ?? ''),
  d: path(c) ?? '',
  centroid: path.centroid(c),
}));
const byNumeric = new Map(shapes.map((s) => [s.id, s]));
// Places too small for the 110m atlas that scams often use, by longitude and latitude.
const SMALL_PLACES: Record<string, [number, number]> = {
  SG: [103.82, 1.35],
  HK: [114.17, 22.3],
  MT: [14.4, 35.9],
  BH: [50.55, 26.07],
  MU: [57.55, -20.3],
};
const codes: Record<string, string> = numericOf;

function centroidOf(alpha2: string): [number, number] | undefined {
  const numeric = codes[alpha2.toUpperCase()];
  const shape = numeric ? byNumeric.get(numeric) : undefined;
  if (shape && Number.isFinite(shape.centroid[0])) return shape.centroid;
  const place = SMALL_PLACES[alpha2.toUpperCase()];
  return place ? (projection(place) ?? undefined) : undefined;
}

const totalSignals = (signals: Record<string, number | undefined>) =>
  Object.values(signals).reduce<number>((s, n) => s + (n ?? 0), 0);

/** The world map: victims' countries as a choropleth, infrastructure origins as circles at centroids. */
export function WorldMap({ geography }: { geography: GeographyAnswer }) {
  const titleId = useId();
  const descId = useId();
  const gradientId = useId();
  const victims = new Map(geography.victims.map((v) => [codes[v.country.toUpperCase()] ?? v.country, v]));
  const maxVictims = Math.max(1, ...geography.victims.map((v) => v.count));
  const fill = scaleSqrt<string>().domain([0, maxVictims]).range(['#d6e6f5', '#08306b']);
  const maxSignals = Math.max(1, ...geography.origins.map((o) => totalSignals(o.signals)));
  const radius = scaleSqrt().domain([0, maxSignals]).range([3, 16]);
  const topVictims = [...geography.victims].sort((a, b) => b.count - a.count).slice(0, 3);
  return (
    <figure className="op-map">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="op-map-svg"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>World map of victims and infrastructure origins</title>
        <desc id={descId}>
          Victims in {geography.victims.length} countries
          {topVictims.length > 0 &&
            `, most in ${topVictims.map((v) => `${countryName(v.country)} (${v.count})`).join(', ')}`}
          ; infrastructure in {geography.origins.length} countries, marked with circles. The table below lists
          every country.
        </desc>
        <path d={spherePath} className="op-map-sphere" />
        {shapes.map((s, i) => {
          const v = victims.get(s.id);
          return (
            <path
              key={s.id || `x${i}`}
              d={s.d}
              className="op-map-country"
              style={v ? { fill: fill(v.count) } : undefined}
            >
              {v && (
                <title>
                  {countryName(v.country)}: {formatCount(v.count)} victims
                </title>
              )}
            </path>
          );
        })}
        {geography.origins.map((o) => {
          const at = centroidOf(o.country);
          if (!at) return null;
          const total = totalSignals(o.signals);
          return (
            <circle key={o.country} cx={at[0]} cy={at[1]} r={radius(total)} className="op-map-origin">
              <title>
                {countryName(o.country)}:{' '}
                {Object.entries(o.signals)
                  .map(([k, n]) => `${n} ${k}`)
                  .join(', ')}
              </title>
            </circle>
          );
        })}
      </svg>
      <figcaption className="op-map-legend">
        <span>
          Victims:{' '}
          <svg width="120" height="12" aria-hidden="true" focusable="false">
            <defs>
              <linearGradient id={gradientId}>
                <stop offset="0" stopColor={fill(0)} />
                <stop offset="1" stopColor={fill(maxVictims)} />
              </linearGradient>
            </defs>
            <rect width="120" height="12" fill={`url(#${gradientId})`} />
          </svg>{' '}
          0 – {formatCount(maxVictims)}
        </span>
        <span>
          <svg width="16" height="16" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="6" className="op-map-origin" />
          </svg>{' '}
          Infrastructure origin (phones, merchants, banks, companies, hosting); larger = more signals
        </span>
      </figcaption>
    </figure>
  );
}
