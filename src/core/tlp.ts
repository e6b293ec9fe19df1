/** Traffic Light Protocol 2.0 levels, least restricted first. */
export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

/** Rank of a TLP level (clear 0 … red 4): a reader with ceiling c may read what is marked ≤ c. */
export function tlpRank(tlp: Tlp): number {
  return TLP_LEVELS.indexOf(tlp);
}

/** True when a reader whose ceiling is `ceiling` may read something marked `marking`. */
export function tlpAllows(ceiling: Tlp, marking: Tlp): boolean {
  return tlpRank(marking) <= tlpRank(ceiling);
}

/** Whether a string is a TLP level. */
export function isTlp(value: unknown): value is Tlp {
  return (TLP_LEVELS as readonly unknown[]).includes(value);
}
