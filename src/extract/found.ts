import { commonNormalisedValue, INDICATOR_REGISTRY, type IndicatorKind } from '../core/indicator-kinds.js';
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
 * is already normalised, and the registry adds display (unless given) and the common-value verdict.
 */
export function indicatorAt(
  src: Source,
  kind: IndicatorKind,
  value: string,
  start: number,
  end: number,
  meta?: Record<string, unknown>,
  display?: string,
): Indicator {
  const s = src.view.toOriginal(start);
  const e = Math.max(s, src.view.toOriginal(end));
  const ind: Indicator = {
    kind,
    value,
    raw: src.original.slice(s, e),
    field: src.field,
    start: s,
    end: e,
    meta,
  };
  if (display) ind.display = display;
  return withRegistry(ind);
}

/** Adds the registry's display form (unless already set) and common-value verdict; the value is normalised. */
export function withRegistry(ind: Indicator): Indicator {
  const spec = INDICATOR_REGISTRY[ind.kind];
  const display = ind.display ?? spec.display(ind.value);
  const common = commonNormalisedValue(ind.kind, ind.value);
  const meta = common ? { ...ind.meta, common } : ind.meta;
  const out: Indicator = { ...ind };
  if (display !== ind.value) out.display = display;
  else delete out.display;
  if (meta && Object.keys(meta).length > 0) out.meta = meta;
  else delete out.meta;
  return out;
}
