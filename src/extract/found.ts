import { commonValue, INDICATOR_REGISTRY, type IndicatorKind } from '../core/indicator-kinds.js';
import type { TextView } from './text.js';
import type { Indicator } from './types.js';

/** Where an extractor is reading: the original text, its scanning view and the field it came from. */
export interface Source {
  original: string;
  view: TextView;
  field: string;
}

/**
 * Builds an indicator from a span of the view: raw and offsets come from the original text, the value
 * is already normalised, and the registry adds display and the common-value verdict.
 */
export function indicatorAt(
  src: Source,
  kind: IndicatorKind,
  value: string,
  start: number,
  end: number,
  meta?: Record<string, unknown>,
): Indicator {
  const s = src.view.toOriginal(start);
  const e = Math.max(s, src.view.toOriginal(end));
  return withRegistry({
    kind,
    value,
    raw: src.original.slice(s, e),
    field: src.field,
    start: s,
    end: e,
    meta,
  });
}

/** Adds the registry's display form and common-value verdict to an indicator. */
export function withRegistry(ind: Indicator): Indicator {
  const spec = INDICATOR_REGISTRY[ind.kind];
  const display = spec.display(ind.value);
  const common = commonValue(ind.kind, ind.value);
  const meta = common ? { ...ind.meta, common } : ind.meta;
  const out: Indicator = { ...ind };
  if (display !== ind.value) out.display = display;
  if (meta && Object.keys(meta).length > 0) out.meta = meta;
  else delete out.meta;
  return out;
}
