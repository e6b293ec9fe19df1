/**
 * Inline SVG logos drawn from simple shapes (no text, no xmlns, nothing fetched): close enough to the
 * brands' silhouettes for the image model to meet them, not copies of their artwork.
 */

const svg = (size: number, viewBox: string, inner: string): string =>
  `<svg width="${size}" height="${size}" viewBox="${viewBox}" aria-hidden="true">${inner}</svg>`;

/** Four tiles in a window. */
export function windowsLogo(size: number, colour = '#fff'): string {
  return svg(
    size,
    '0 0 88 88',
    `<path fill="${colour}" d="M0 12.4 35.7 7.6v34.5H0zM40 6.9 87.3 0v41.8H40zM0 45.7h35.7v34.6L0 75.4zM40 46.2h47.3V88L40 81.3z"/>`,
  );
}

/** A shield with a tick, the security-centre look. */
export function shieldLogo(size: number, fill: string, mark = '#fff'): string {
  return svg(
    size,
    '0 0 64 64',
    `<path fill="${fill}" d="M32 3 8 12v17c0 15 10 27 24 32 14-5 24-17 24-32V12z"/><path fill="none" stroke="${mark}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round" d="m21 33 8 8 15-17"/>`,
  );
}

/** A warning triangle with an exclamation mark. */
export function warningLogo(size: number, fill = '#f2c200', mark = '#222'): string {
  return svg(
    size,
    '0 0 64 64',
    `<path fill="${fill}" d="M32 4 62 58H2z"/><rect x="29" y="22" width="6" height="20" rx="2" fill="${mark}"/><circle cx="32" cy="49" r="3.5" fill="${mark}"/>`,
  );
}

/** A round stop sign with a cross. */
export function stopLogo(size: number, fill = '#d32f2f'): string {
  return svg(
    size,
    '0 0 64 64',
    `<circle cx="32" cy="32" r="29" fill="${fill}"/><path stroke="#fff" stroke-width="7" stroke-linecap="round" d="m20 20 24 24m0-24L20 44"/>`,
  );
}

/** A bitten-apple silhouette. */
export function appleLogo(size: number, fill = '#333'): string {
  return svg(
    size,
    '0 0 64 64',
    `<path fill="${fill}" d="M44 34c0-7 6-10 6-10-3-5-9-6-11-6-5 0-8 3-10 3s-5-3-9-3c-6 0-12 5-12 14 0 11 8 24 13 24 3 0 4-2 8-2s5 2 8 2c5 0 9-8 11-13-1 0-4-2-4-9zM38 12c2-3 4-6 3-10-3 0-7 2-9 5-2 2-3 6-3 9 4 0 7-2 9-4z"/>`,
  );
}

/** A red shield with a stylised M. */
export function mcafeeLogo(size: number, fill = '#c01818'): string {
  return svg(
    size,
    '0 0 64 64',
    `<path fill="${fill}" d="M32 2 6 12v20c0 14 11 25 26 30 15-5 26-16 26-30V12z"/><path fill="#fff" d="M16 44V20l16 10 16-10v24l-7-4V31l-9 6-9-6v9z"/>`,
  );
}

/** A yellow disc with a black tick. */
export function nortonLogo(size: number): string {
  return svg(
    size,
    '0 0 64 64',
    `<circle cx="32" cy="32" r="29" fill="#ffc700"/><circle cx="32" cy="32" r="21" fill="none" stroke="#111" stroke-width="4"/><path fill="none" stroke="#111" stroke-width="6" stroke-linecap="round" d="m22 32 8 8 18-20"/>`,
  );
}

/** An orange-and-black badge. */
export function badgeLogo(size: number, fill = '#f26722', inner = '#111'): string {
  return svg(
    size,
    '0 0 80 48',
    `<rect width="80" height="48" rx="4" fill="${inner}"/><rect x="6" y="6" width="68" height="36" rx="3" fill="${fill}"/><rect x="14" y="18" width="52" height="12" fill="${inner}"/>`,
  );
}

/** A three-colour browser ring. */
export function chromeLogo(size: number): string {
  return svg(
    size,
    '0 0 64 64',
    `<circle cx="32" cy="32" r="30" fill="#db4437"/><path fill="#0f9d58" d="M6 47 19 25l13 22H6z"/><path fill="#ffcd40" d="M58 47 45 25 32 47z"/><circle cx="32" cy="32" r="12" fill="#fff"/><circle cx="32" cy="32" r="9" fill="#4285f4"/>`,
  );
}

/** A blue-green wave disc, the other browser. */
export function edgeLogo(size: number): string {
  return svg(
    size,
    '0 0 64 64',
    `<circle cx="32" cy="32" r="30" fill="#0c59a4"/><path fill="#35c1f1" d="M10 36c0-14 12-24 25-24 12 0 21 8 21 18 0 6-5 9-11 9-6 0-9-3-9-7-1 5 3 13 14 14-5 4-11 6-18 6-12 0-22-7-22-16z"/>`,
  );
}

/** A padlock. */
export function lockLogo(size: number, fill = '#444'): string {
  return svg(
    size,
    '0 0 64 64',
    `<path fill="none" stroke="${fill}" stroke-width="6" d="M20 28v-8a12 12 0 0 1 24 0v8"/><rect x="12" y="28" width="40" height="30" rx="4" fill="${fill}"/><circle cx="32" cy="42" r="4" fill="#fff"/>`,
  );
}

/** A columned building, for banks and government offices. */
export function buildingLogo(size: number, fill = '#1a3d6d'): string {
  return svg(
    size,
    '0 0 64 64',
    `<path fill="${fill}" d="M32 4 4 18v4h56v-4zM8 26h8v22H8zm14 0h8v22h-8zm12 0h8v22h-8zm14 0h8v22h-8zM4 52h56v6H4z"/>`,
  );
}

/** An abstract mark from two overlapping shapes, for made-up brands. */
export function abstractLogo(size: number, first: string, second: string, variant: number): string {
  const shapes = [
    `<circle cx="24" cy="32" r="18" fill="${first}"/><circle cx="40" cy="32" r="18" fill="${second}" opacity="0.8"/>`,
    `<rect x="6" y="6" width="32" height="32" rx="6" fill="${first}"/><rect x="26" y="26" width="32" height="32" rx="6" fill="${second}" opacity="0.85"/>`,
    `<path fill="${first}" d="M32 4 60 56H4z"/><circle cx="32" cy="40" r="12" fill="${second}"/>`,
    `<path fill="${first}" d="M8 8h48v16H8z"/><path fill="${second}" d="M8 28h32v16H8zm0 20h48v8H8z"/>`,
  ];
  return svg(size, '0 0 64 64', shapes[variant % shapes.length]!);
}
