// How each indicator kind looks on the graph and its legend: colour and shape together, so the kinds stay
// apart for colour-blind readers too.

/** A cytoscape node shape that the legend can also draw. */
export type NodeShape =
  | 'ellipse'
  | 'diamond'
  | 'rectangle'
  | 'triangle'
  | 'hexagon'
  | 'star'
  | 'round-rectangle';

/** The look of one kind of node. */
export interface KindStyle {
  colour: string;
  shape: NodeShape;
}

/** Styles of the indicator kinds (src/core/indicator-kinds.ts) and of report nodes. */
export const KIND_STYLES: Record<string, KindStyle> = {
  report: { colour: '#6e7781', shape: 'round-rectangle' },
  phone: { colour: '#c62828', shape: 'ellipse' },
  domain: { colour: '#1565c0', shape: 'diamond' },
  url: { colour: '#0277bd', shape: 'triangle' },
  email: { colour: '#6a1b9a', shape: 'ellipse' },
  crypto_wallet: { colour: '#e65100', shape: 'hexagon' },
  iban: { colour: '#2e7d32', shape: 'rectangle' },
  bank_account: { colour: '#1b5e20', shape: 'rectangle' },
  card_last4: { colour: '#558b2f', shape: 'triangle' },
  merchant: { colour: '#ad1457', shape: 'hexagon' },
  company: { colour: '#4e342e', shape: 'star' },
  person: { colour: '#8d6e00', shape: 'triangle' },
  remote_access_id: { colour: '#00695c', shape: 'diamond' },
  tracking_id: { colour: '#5d4037', shape: 'triangle' },
  asset_hash: { colour: '#283593', shape: 'hexagon' },
};

const UNKNOWN: KindStyle = { colour: '#455a64', shape: 'ellipse' };

/** The style of a kind (a neutral one for kinds added later). */
export function kindStyle(kind: string): KindStyle {
  return KIND_STYLES[kind] ?? UNKNOWN;
}
