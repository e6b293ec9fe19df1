// The shapes the operation page reads from the API (src/server/routes/operations.ts, operation-views.ts,
// crawls.ts, search.ts and the queries behind them); the operation itself is components/operation-summary.ts.
// Dates arrive as ISO strings.

import type { Money } from '../format';

/** A value node of the summarised graph. */
export interface GraphValue {
  index: number;
  kind: string;
  value: string;
  reportCount: number;
  firstSeen: string;
  lastSeen: string;
}

/** GET /api/operations/:id/graph?nodes=N: top values and how often two appear in the same reports. */
export interface GraphAnswer {
  nodes: GraphValue[];
  edges: Array<{ a: number; b: number; reports: number }>;
  /** The links are counted over the operation's latest `reports` of `of` (all of them when they are few). */
  linksFrom?: { reports: number; of: number };
}

/** A report as the graph's expansion lists it. */
export interface GraphReport {
  id: string;
  externalId: string | null;
  receivedAt: string;
}

/** GET /api/operations/:id/graph?expand=kind:value */
export interface ExpandAnswer {
  reports: GraphReport[];
}

/** GET /api/operations/:id/timeline */
export interface TimelineAnswer {
  bucket: 'day' | 'week';
  buckets: Array<{ start: string; reports: number; losses: Money[] }>;
}

/** Kinds of origin signal a country can carry. */
export type OriginSignal = 'phone' | 'merchant' | 'bank' | 'company' | 'hosting';

/** GET /api/operations/:id/geography (countries as ISO alpha-2). */
export interface GeographyAnswer {
  victims: Array<{ country: string; count: number }>;
  origins: Array<{ country: string; signals: Partial<Record<OriginSignal, number>> }>;
}

/** One row of GET /api/operations/:id/indicators. */
export interface IndicatorRow {
  kind: string;
  value: string;
  reportCount: number;
  firstSeen: string;
  lastSeen: string;
  /** Freshness in [0, 1] (1 = just seen); absent until the server sends it. */
  decay?: number;
  expiresAt?: string | null;
}

/** One row of GET /api/operations/:id/reports. */
export interface ReportRow {
  id: string;
  externalId: string | null;
  receivedAt: string;
  submittedAt: string | null;
  channel: string | null;
  victimCountry: string | null;
  triageScore: number | null;
  severity: string | null;
  narrative: string | null;
}

/** A shared value in a link explanation (src/link/explain.ts). */
export interface SharedValue {
  kind: string;
  value: string;
  weight: number;
  reportCount: number;
}

/** GET /api/explain (src/operations/explain.ts LinkAnswer). */
export type LinkAnswer =
  | {
      linked: true;
      operationId: string;
      explanation: {
        from: string;
        to: string;
        steps: Array<{ from: string; to: string; shared: SharedValue[]; weak: boolean }>;
      } | null;
    }
  | {
      linked: false;
      operations: [string, string];
      shared: Array<{ kind: string; value: string; why: string }>;
    };

/** The answer of a merge or split (src/operations/decisions.ts decide()). */
export interface DecisionAnswer {
  id: string;
  appliedNow: boolean;
  operationId?: string;
}

/** GET /api/search?q= */
export interface SearchAnswer {
  matches: Array<{
    kind: string;
    value: string;
    operations: Array<{ id: string; reportCount: number; priority: number; reports?: number }>;
  }>;
}

/** A capture in GET /api/crawls (src/store/crawls.ts CaptureListItem). */
export interface CaptureItem {
  id: string;
  url: string;
  profile: string;
  finishedAt: string;
  finalUrl: string | null;
  status: number | null;
  title: string | null;
  error: string | null;
  screenshotSha256: string | null;
  operationId: string | null;
  verdict: string | null;
  scamProbability: number | null;
}

/** GET /api/crawls/:id, the parts the page shows: the verdict's reasons. */
export interface CaptureDetail {
  id: string;
  capture: { verdict?: { verdict: string; probability: number; reasons: string[] } | null };
}

/** One analyst decision that touches this operation (GET /api/link-decisions?operationId=). */
export interface LinkDecisionRow {
  id: string;
  type: string;
  decision: { type: string; [field: string]: unknown };
  author: string | null;
  reason: string | null;
  createdAt: string;
  revokedAt?: string | null;
}
