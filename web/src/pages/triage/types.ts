// The shapes of GET /api/triage and its review action, as the triage queue reads them.
import type { Money } from '../../components/format';

/** An indicator extracted from a report; `start`/`end` are offsets into the narrative when field is 'narrative'. */
export interface ReportIndicator {
  kind: string;
  value: string;
  raw: string;
  field: string;
  start: number;
  end: number;
}

/** An analyst's verdict on a report. */
export type ReviewStatus = 'confirmed' | 'not_scam';

/** The latest review of a report, when there is one. */
export interface Review {
  status: ReviewStatus | string;
  author?: string | null;
  note?: string | null;
  createdAt?: string | null;
}

/** One report in the triage queue. */
export interface TriageReport {
  id: string;
  externalId: string | null;
  receivedAt: string;
  submittedAt: string | null;
  channel: string | null;
  victimCountry: string | null;
  language: string | null;
  narrative: string | null;
  /** In [0, 1]. */
  triageScore: number;
  severity: string | null;
  isTss: boolean;
  /** Why the report reads as a tech support scam. */
  reasons: string[];
  /** Why it is as severe as it is (loss, a vulnerable victim …). */
  severityReasons?: string[];
  brands: string[];
  paymentMethods: string[];
  remoteTools: string[];
  losses: Money[];
  indicators: ReportIndicator[];
  operationId: string | null;
  review: Review | null;
}

/** A page of the triage queue. */
export interface TriagePage {
  total: number;
  /** More than `total` match (the server counts up to 10,000). */
  totalCapped?: boolean;
  reports: TriageReport[];
}

/** The queue filters: the reports still to triage, or those already given a verdict. */
export const TRIAGE_STATUSES = [
  ['new', 'New (not reviewed)'],
  ['confirmed', 'Confirmed'],
  ['not_scam', 'Not a tech support scam'],
  ['all', 'All'],
] as const;

/** One of the queue filters. */
export type TriageStatus = (typeof TRIAGE_STATUSES)[number][0];
