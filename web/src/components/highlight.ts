// Cuts a text into plain and highlighted pieces from character offsets. The pieces become React text
// nodes and <mark> elements: attacker-written text is never parsed as HTML.

/** A stretch of the text to highlight: [start, end) in UTF-16 code units, and what it is. */
export interface Highlight {
  start: number;
  end: number;
  kind: string;
  /** The normalised value the stretch stands for (shown on hover). */
  value?: string;
}

/** One piece of the text: plain, or highlighted with the highlight it belongs to. */
export interface Segment {
  text: string;
  highlight?: Highlight;
}

/**
 * Splits `text` at the highlights. Offsets outside the text are clamped, empty or reversed ones dropped;
 * where highlights overlap the earlier (then longer) one wins and the other is cut to what is left.
 */
export function segmentText(text: string, highlights: readonly Highlight[]): Segment[] {
  const valid = highlights
    .map((h) => ({
      ...h,
      start: Math.max(0, Math.floor(h.start)),
      end: Math.min(text.length, Math.floor(h.end)),
    }))
    .filter((h) => Number.isFinite(h.start) && Number.isFinite(h.end) && h.end > h.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  let at = 0;
  for (const h of valid) {
    const start = Math.max(h.start, at);
    if (start >= h.end) continue;
    if (start > at) segments.push({ text: text.slice(at, start) });
    segments.push({ text: text.slice(start, h.end), highlight: h });
    at = h.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
