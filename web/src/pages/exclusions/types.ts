// The shapes of GET /api/exclusions and POST /api/exclusions/preview.

/** A value on the block / inform lists, and where the listing comes from. */
export interface RegistryEntry {
  kind: string;
  value: string;
  mode: 'block' | 'inform';
  /** How the value matches (exact, suffix …), for the built-in list. */
  match?: string;
  /** Why it is listed. */
  reason?: string | null;
  source: string;
}

/** An analyst's exclusion decision (revocable). */
export interface ExclusionDecision {
  id: string;
  kind: string;
  value: string;
  /** Which list: block (never links) or inform (never links, shown as known). */
  mode?: 'block' | 'inform';
  reason: string | null;
  author: string | null;
  createdAt: string;
}

/** GET /api/exclusions. */
export interface ExclusionsAnswer {
  registry: RegistryEntry[];
  decisions: ExclusionDecision[];
}

/** What excluding a value would change: the reports holding it, and how each operation would split. */
export interface ExclusionPreview {
  reports: number;
  /** The value as stored (normalised), when the server says. */
  value?: string;
  operations: Array<{ id: string; reportCount: number; holding: number; before?: number[]; after: number[] }>;
  truncated?: boolean;
  /** Operations left out of the preview to bound the work. */
  notPreviewed?: Array<{ id: string; reportCount: number; holding: number }>;
}
