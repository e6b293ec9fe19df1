import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { ReportInput } from '../core/report-input.js';

type Timestamp = ColumnType<Date, Date | string, never>;

/** A stored report: the input verbatim plus the columns later stages query. Never updated. */
export interface ReportsTable {
  id: string;
  seq: Generated<string>;
  externalId: string | null;
  source: string | null;
  sourceKey: string;
  contentHash: string;
  receivedAt: Timestamp;
  intake: string;
  submittedAt: Timestamp | null;
  channel: string | null;
  impersonatedBrand: string | null;
  victimCountry: string | null;
  language: string | null;
  version: number;
  supersedes: string | null;
  input: JSONColumnType<ReportInput>;
}

/** Notes and corrections on a report; the report itself stays as received. */
export interface ReportAnnotationsTable {
  id: Generated<string>;
  reportId: string;
  author: string | null;
  kind: string;
  body: JSONColumnType<Record<string, unknown>>;
  createdAt: ColumnType<Date, Date | string | undefined, never>;
}

/** Where each report is in the processing pipeline (the report row itself is append-only). */
export interface ReportStatusTable {
  reportId: string;
  processedAt: ColumnType<Date, Date | string, Date | string>;
  pipelineVersion: number;
}

/** The facts read from a report by the extractor (derived: replaced when a report is reprocessed). */
export interface ReportExtractionsTable {
  reportId: string;
  extractorVersion: number;
  extractedAt: ColumnType<Date, Date | string, Date | string>;
  isTss: boolean;
  triageScore: number;
  severity: string;
  channel: string | null;
  language: string | null;
  brands: string[];
  paymentMethods: string[];
  remoteTools: string[];
  losses: JSONColumnType<Array<{ currency: string; value: number }>>;
  result: JSONColumnType<Record<string, unknown>>;
  /** The report's own time (submitted, else received), set by a trigger: the triage queue's order. */
  reportedAt: ColumnType<Date | null, never, never>;
}

/** Every indicator occurrence in a report, with its offsets (derived). */
export interface ReportIndicatorsTable {
  id: Generated<string>;
  reportId: string;
  kind: string;
  value: string;
  raw: string;
  field: string;
  startPos: number | null;
  endPos: number | null;
  meta: JSONColumnType<Record<string, unknown>> | null;
}

/** An operation: the reports one call centre is behind, with its computed summary. */
export interface OperationsTable {
  id: string;
  createdAt: ColumnType<Date, Date | string, Date | string>;
  updatedAt: ColumnType<Date, Date | string, Date | string>;
  reportCount: number;
  firstSeen: ColumnType<Date | null, Date | string | null, Date | string | null>;
  lastSeen: ColumnType<Date | null, Date | string | null, Date | string | null>;
  priority: number;
  summary: JSONColumnType<Record<string, unknown>>;
  pinned: ColumnType<boolean, boolean | undefined, boolean>;
  stale: ColumnType<boolean, boolean | undefined, boolean>;
  /** `facet:value` keys the list filters on (brand, channel, payment, country), kept with the summary. */
  filterKeys: ColumnType<string[], string[] | undefined, string[]>;
}

/** Which operation each report belongs to (every report belongs to exactly one). */
export interface ReportOperationsTable {
  reportId: string;
  operationId: string;
  assignedAt: ColumnType<Date, Date | string, Date | string>;
}

/** An analyst's merge, split, "not linked" or exclusion, honoured by every recluster until revoked. */
export interface LinkDecisionsTable {
  id: Generated<string>;
  decision: JSONColumnType<Record<string, unknown>>;
  author: string | null;
  reason: string | null;
  createdAt: ColumnType<Date, Date | string | undefined, never>;
  revokedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A record of each clustering run and its figures. */
export interface LinkRunsTable {
  id: Generated<string>;
  kind: string;
  startedAt: ColumnType<Date, Date | string, never>;
  finishedAt: ColumnType<Date, Date | string, never>;
  stats: JSONColumnType<Record<string, unknown>>;
}

/** Evidence files in the content-addressed blob store. */
export interface BlobsTable {
  sha256: string;
  size: string;
  mediaType: string | null;
  createdAt: ColumnType<Date, Date | string | undefined, never>;
}

/** One visit of a crawled URL: the capture, and the operation it joined (null: none, or not linked yet). */
export interface CrawlCapturesTable {
  id: string;
  url: string;
  profile: string;
  /** How the URL came: `report`, `cli`, `api`, `feed`. */
  origin: string;
  reportId: string | null;
  startedAt: ColumnType<Date, Date | string, never>;
  finishedAt: ColumnType<Date, Date | string, never>;
  finalUrl: string | null;
  status: number | null;
  title: string | null;
  error: string | null;
  screenshotSha256: string | null;
  phash: string | null;
  capture: JSONColumnType<Record<string, unknown>>;
  operationId: ColumnType<string | null, string | null | undefined, string | null>;
  /** The classifiers' verdict (`scam` / `legitimate`) and probability, when models were loaded. */
  verdict: ColumnType<string | null, string | null | undefined, string | null>;
  scamProbability: ColumnType<number | null, number | null | undefined, number | null>;
}

/** An analyst's label of a crawled page; the latest per capture counts. */
export interface PageLabelsTable {
  id: Generated<string>;
  captureId: string;
  label: 'scam' | 'legitimate';
  author: string | null;
  note: string | null;
  createdAt: ColumnType<Date, Date | string | undefined, never>;
}

/** The indicators a crawled page showed (phones, domains, URLs, kit fingerprints). */
export interface CrawlIndicatorsTable {
  captureId: string;
  kind: string;
  value: string;
  source: string;
}

/** A person who signs in to the workbench. */
export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: 'admin' | 'analyst' | 'partner';
  passwordHash: string;
  createdAt: ColumnType<Date, Date | string | undefined, never>;
  disabledAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The highest TLP the person may read (null: by role — partners green, others red). */
  tlpCeiling: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A signed-in session: the SHA-256 of its cookie token, its CSRF token, and when it ends. */
export interface SessionsTable {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: ColumnType<Date, Date | string | undefined, never>;
  expiresAt: ColumnType<Date, Date | string, Date | string>;
}

/** An analyst's triage review of a report (`confirmed` / `not_scam`); the latest per report counts. */
export interface ReportReviewsTable {
  id: Generated<string>;
  reportId: string;
  status: 'confirmed' | 'not_scam';
  author: string | null;
  note: string | null;
  createdAt: ColumnType<Date, Date | string | undefined, never>;
}

/** Every indicator of an operation with its counts, written with the operation's summary (derived). */
export interface OperationIndicatorsTable {
  operationId: string;
  kind: string;
  value: string;
  reportCount: number;
  firstSeen: ColumnType<Date, Date | string, Date | string>;
  lastSeen: ColumnType<Date, Date | string, Date | string>;
}

/** An operation's timeline (per day) and map, written with its summary (derived). */
export interface OperationViewsTable {
  operationId: string;
  daily: JSONColumnType<
    Array<{ day: string; reports: number; losses: Array<{ currency: string; value: number }> }>
  >;
  geography: JSONColumnType<Record<string, unknown>>;
}

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type MaybeTime = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** A case: one or more operations (several make a sweep) taken to an agency, through to trial. */
export interface CasesTable {
  id: Generated<string>;
  reference: string;
  title: string;
  summary: string | null;
  status: ColumnType<string, string | undefined, string>;
  tlp: ColumnType<string, string | undefined, string>;
  agency: string | null;
  jurisdictions: ColumnType<string[], string[] | undefined, string[]>;
  assigneeId: string | null;
  createdBy: string | null;
  createdAt: Created;
  updatedAt: Updated;
}

/** An operation in a case, with a sample of its reports to follow it through reclusters. */
export interface CaseOperationsTable {
  caseId: string;
  operationId: string;
  anchorReports: ColumnType<string[], string[] | undefined, string[]>;
  addedBy: string | null;
  addedAt: Created;
}

/** A time-stamped entry of a case: status change, note, task, civil action or outcome. */
export interface CaseEntriesTable {
  id: Generated<string>;
  caseId: string;
  kind: 'status' | 'note' | 'task' | 'action' | 'outcome';
  subtype: string | null;
  body: ColumnType<string, string | undefined, string>;
  target: string | null;
  quantity: number | null;
  state: string | null;
  occurredAt: MaybeTime;
  dueAt: MaybeTime;
  author: string | null;
  createdAt: Created;
  updatedAt: Updated;
}

/** A victim's declaration for a case, and whether they consent to be contacted. */
export interface CaseVictimsTable {
  caseId: string;
  reportId: string;
  declaration: ColumnType<string, string | undefined, string>;
  consent: ColumnType<'unknown' | 'given' | 'refused' | 'withdrawn', string | undefined, string>;
  takenBy: string | null;
  takenAt: Created;
  updatedAt: Updated;
}

/** A referral package built for a case: who it is for, and the manifest of its files. */
export interface CaseReferralsTable {
  id: Generated<string>;
  caseId: string;
  recipient: string;
  personalData: boolean;
  packageSha256: string;
  manifest: JSONColumnType<Record<string, unknown>>;
  createdBy: string | null;
  createdAt: Created;
}

/** An operation's TLP marking (absent: the default, amber). */
export interface OperationMarkingsTable {
  operationId: string;
  tlp: string;
  tlpRank: number;
  setBy: string | null;
  setAt: Updated;
}

/** A partner's API key: only the SHA-256 of its secret is kept. */
export interface ApiKeysTable {
  id: string;
  name: string;
  secretHash: string;
  scopes: string[];
  tlpCeiling: string;
  createdBy: string | null;
  createdAt: Created;
  expiresAt: MaybeTime;
  revokedAt: MaybeTime;
  lastUsedAt: MaybeTime;
}

/** One row of the append-only, hash-chained audit log. */
export interface AuditLogTable {
  seq: string;
  at: ColumnType<Date, Date | string, never>;
  actor: string | null;
  action: string;
  subject: string | null;
  detail: JSONColumnType<Record<string, unknown>>;
  prevHash: string;
  hash: string;
}

/** The database as Kysely sees it. */
export interface Database {
  reports: ReportsTable;
  reportAnnotations: ReportAnnotationsTable;
  reportStatus: ReportStatusTable;
  reportExtractions: ReportExtractionsTable;
  reportIndicators: ReportIndicatorsTable;
  operations: OperationsTable;
  reportOperations: ReportOperationsTable;
  linkDecisions: LinkDecisionsTable;
  linkRuns: LinkRunsTable;
  blobs: BlobsTable;
  crawlCaptures: CrawlCapturesTable;
  crawlIndicators: CrawlIndicatorsTable;
  users: UsersTable;
  sessions: SessionsTable;
  reportReviews: ReportReviewsTable;
  operationIndicators: OperationIndicatorsTable;
  operationViews: OperationViewsTable;
  pageLabels: PageLabelsTable;
  cases: CasesTable;
  caseOperations: CaseOperationsTable;
  caseEntries: CaseEntriesTable;
  caseVictims: CaseVictimsTable;
  caseReferrals: CaseReferralsTable;
  operationMarkings: OperationMarkingsTable;
  apiKeys: ApiKeysTable;
  auditLog: AuditLogTable;
}
