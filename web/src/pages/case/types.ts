// The shapes the case pages read from the API (src/server/routes/cases.ts; src/cases/cases.ts, victims.ts,
// referrals.ts and package.ts). Dates arrive as ISO strings.

import type { Money } from '../../components/format';

/** One line of GET /api/cases. */
export interface CaseListItem {
  id: string;
  reference: string;
  title: string;
  status: string;
  tlp: string;
  agency: string | null;
  jurisdictions: string[];
  /** The assignee's name. */
  assignee: string | null;
  /** How many operations the case holds. */
  operations: number;
  updatedAt: string;
}

/** GET /api/cases?status&limit&offset */
export interface CaseList {
  total: number;
  cases: CaseListItem[];
}

/** An operation of a case, followed through reclusters: `current` is where its reports are now. */
export interface CaseOperation {
  id: string;
  /** The operation holding most of its reports today (the same id while it lives; null: none found). */
  current: string | null;
  reportCount: number | null;
  priority: number | null;
  addedBy: string | null;
  addedAt: string;
}

/** Kinds of entry in a case's history. */
export type EntryKind = 'status' | 'note' | 'task' | 'action' | 'outcome';

/** A time-stamped entry of a case's history. */
export interface CaseEntry {
  id: string;
  kind: EntryKind;
  /** The status moved to, the civil action's type or the outcome's type. */
  subtype: string | null;
  body: string;
  /** What a civil action is aimed at (a host, a registrar, a number …). */
  target: string | null;
  quantity: number | null;
  /** A task's (open, done) or civil action's (planned … refused) state. */
  state: string | null;
  occurredAt: string | null;
  dueAt: string | null;
  author: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/cases/:id (and the answer of POST and PATCH). */
export interface CaseDetail {
  id: string;
  reference: string;
  title: string;
  summary: string | null;
  status: string;
  tlp: string;
  agency: string | null;
  jurisdictions: string[];
  assignee: { id: string; name: string; email: string } | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  operations: CaseOperation[];
  entries: CaseEntry[];
}

/** A victim of a case's operations (GET /api/cases/:id/victims). */
export interface CaseVictim {
  reportId: string;
  externalId: string | null;
  operationId: string;
  reportedAt: string;
  country: string | null;
  ageBand: string | null;
  channel: string | null;
  losses: Money[];
  paymentMethods: string[];
  /** What the report said about being contacted. */
  consent: { lawEnforcementContact: boolean | null; partnerSharing: boolean | null };
  declaration: { text: string; consent: string; takenBy: string | null; takenAt: string } | null;
  /** They consented, and did not refuse or withdraw since. */
  mayContact: boolean;
  /** Only when `mayContact`. */
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  /** The narrative with the victim's own identity blanked out. */
  narrative: string | null;
}

/** GET /api/cases/:id/victims?limit&offset */
export interface VictimPage {
  total: number;
  victims: CaseVictim[];
}

/** One file of a referral package, as its manifest lists it. */
export interface PackageFile {
  name: string;
  sha256: string;
  bytes: number;
  mediaType: string;
}

/** A referral package as built and stored (POST and GET /api/cases/:id/referrals). */
export interface Referral {
  id: string;
  caseId: string;
  recipient: string;
  personalData: boolean;
  packageSha256: string;
  manifest: { files: PackageFile[]; victims?: number; operations?: string[] };
  createdBy: string | null;
  createdAt: string;
}
