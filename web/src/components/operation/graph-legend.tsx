import { kindLabel } from '../vocabulary';
import { KIND_STYLES, type KindStyle, type NodeShape } from './kinds';

const SHAPES: Record<NodeShape, string> = {
  ellipse: 'M8 1a7 7 0 1 0 0.01 0Z',
  diamond: 'M8 1 15 8 8 15 1 8Z',
  rectangle: 'M2 2h12v12H2Z',
  'round-rectangle': 'M4 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Z',
  triangle: 'M8 1 15 14H1Z',
  hexagon: 'M4 1.5h8L15.5 8 12 14.5H4L0.5 8Z',
  star: 'M8 1l2 5h5l-4 3.2 1.6 5.3L8 11.4l-4.6 3.1L5 9.2 1 6h5Z',
};

/** A small drawing of a kind's node shape and colour (decorative: the label says the kind). */
export function KindSwatch({ style }: { style: KindStyle }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={SHAPES[style.shape]} fill={style.colour} />
    </svg>
  );
}

/** The legend of node kinds present in the graph. */
export function GraphLegend({ kinds }: { kinds: string[] }) {
  const shown = Object.entries(KIND_STYLES).filter(([kind]) => kinds.includes(kind));
  return (
    <ul className="op-legend" aria-label="Legend">
      {shown.map(([kind, style]) => (
        <li key={kind}>
          <KindSwatch style={style} /> {kind === 'report' ? 'report' : kindLabel(kind)}
        </li>
      ))}
    </ul>
  );
}
