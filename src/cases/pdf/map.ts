import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json' with { type: 'json' };
import numericCodes from './country-codes.json' with { type: 'json' };
import { formatCount } from './format.js';
import { COLOURS, type Pen, SIZES, setFont } from './layout.js';

/** A box on the page, in points. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A shade of the choropleth: victim counts from `from` to `to` share one colour. */
export interface ShadeClass {
  from: number;
  to: number;
  colour: string;
}

const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const countries = feature(topology, topology.objects.countries).features;
/** ISO 3166-1 alpha-2 → numeric, for the countries the 110m atlas draws (from the web app's map). */
const NUMERIC: Record<string, string> = numericCodes;
// Drawn in the atlas without a numeric id.
const BY_NAME: Record<string, string> = { XK: 'Kosovo' };
// Too small for the 110m atlas but common in scams: a dot at longitude, latitude.
const SMALL_PLACES: Record<string, [number, number]> = {
  SG: [103.82, 1.35],
  HK: [114.17, 22.3],
  MT: [14.4, 35.9],
  BH: [50.55, 26.07],
  MU: [57.55, -20.3],
  MO: [113.55, 22.2],
  LU: [6.13, 49.61],
};
const NO_VICTIMS = '#E3E6EA';
const LIGHT = [0xd6, 0xe6, 0xf5];
const DARK = [0x08, 0x30, 0x6b];

function mix(t: number): string {
  const channel = (i: number) =>
    Math.round((LIGHT[i] ?? 0) + ((DARK[i] ?? 0) - (LIGHT[i] ?? 0)) * t)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`.toUpperCase();
}

/**
 * Up to five shades for counts 1..max on a square-root scale (a few countries with many victims do not
 * wash out the rest), as ranges a legend can print.
 */
export function shadeClasses(max: number): ShadeClass[] {
  const classes: ShadeClass[] = [];
  let from = 1;
  for (let k = 1; k <= 5 && from <= max; k++) {
    const to = k === 5 ? max : Math.max(from, Math.ceil((max * k * k) / 25));
    classes.push({ from, to, colour: mix(Math.sqrt(to / max)) });
    from = to + 1;
  }
  return classes;
}

function shadeOf(classes: ShadeClass[], count: number): string {
  return classes.find((c) => count >= c.from && count <= c.to)?.colour ?? NO_VICTIMS;
}

/** The countries (alpha-2) of `codes` that the map can show, as a shape or as a dot. */
export function mappable(code: string): boolean {
  return code in NUMERIC || code in BY_NAME || code in SMALL_PLACES;
}

/** Draws the world (Equal Earth) in `box`, each country shaded by its victims, small places as dots. */
export function drawWorldMap(pen: Pen, counts: Map<string, number>, box: Box): ShadeClass[] {
  const { doc } = pen;
  const projection = geoEqualEarth().fitExtent(
    [
      [box.x, box.y],
      [box.x + box.width, box.y + box.height],
    ],
    { type: 'Sphere' },
  );
  const path = geoPath(projection).digits(2);
  const max = Math.max(0, ...counts.values());
  const classes = shadeClasses(max);
  const countOf = new Map<string, number>();
  for (const [code, count] of counts) {
    const key = NUMERIC[code] ?? (BY_NAME[code] ? `name:${BY_NAME[code]}` : undefined);
    if (key) countOf.set(key, count);
  }
  doc.path(path({ type: 'Sphere' }) ?? '').fill('#F7F9FB');
  for (const country of countries) {
    const d = path(country);
    if (!d) continue;
    const key = country.id !== undefined ? String(country.id) : `name:${country.properties.name}`;
    doc
      .path(d)
      .fillColor(shadeOf(classes, countOf.get(key) ?? 0))
      .fill();
    doc.path(d).lineWidth(0.25).strokeColor('#FFFFFF').stroke();
  }
  for (const [code, lonLat] of Object.entries(SMALL_PLACES)) {
    const count = counts.get(code) ?? 0;
    const point = projection(lonLat);
    if (count <= 0 || !point) continue;
    doc
      .circle(point[0], point[1], 2.6)
      .lineWidth(0.6)
      .fillColor(shadeOf(classes, count))
      .strokeColor('#333333');
    doc.fillAndStroke();
  }
  doc
    .path(path({ type: 'Sphere' }) ?? '')
    .lineWidth(0.5)
    .strokeColor(COLOURS.rule)
    .stroke();
  doc.fillColor(COLOURS.text);
  return classes;
}

/** The legend under the map: one swatch per shade with its range of victims, and "none". */
export function drawMapLegend(pen: Pen, classes: ShadeClass[], at: { x: number; y: number }): void {
  const { doc } = pen;
  setFont(pen, 'Victims', 'regular', SIZES.small);
  let x = at.x;
  const swatch = (colour: string, label: string) => {
    doc.rect(x, at.y, 12, 8).fill(colour);
    doc.fillColor(COLOURS.muted).text(label, x + 15, at.y, { lineBreak: false });
    x += 15 + doc.widthOfString(label) + 12;
  };
  doc.fillColor(COLOURS.muted).text('Victims:', x, at.y, { lineBreak: false });
  x += doc.widthOfString('Victims:') + 8;
  swatch(NO_VICTIMS, 'none');
  for (const c of classes)
    swatch(c.colour, c.from === c.to ? formatCount(c.from) : `${formatCount(c.from)}–${formatCount(c.to)}`);
  doc.fillColor(COLOURS.text);
}
