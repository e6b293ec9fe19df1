import type { Tlp } from '../core/tlp.js';
import type { Geography } from '../operations/geography.js';
import type { Profile } from '../score/profile.js';

export { isTlp, TLP_LEVELS, type Tlp, tlpAllows, tlpRank } from '../core/tlp.js';

/** An indicator of an operation as it is shared: counts, first and last seen, and when it expires. */
export interface SharedIndicator {
  kind: string;
  value: string;
  reportCount: number;
  /** ISO timestamps. */
  firstSeen: string;
  lastSeen: string;
  /** When its decayed score falls under the threshold (phones in days, wallets in a year). */
  expiresAt: string;
  /** Decayed score now, 0..1. */
  decay: number;
}

/** A crawled page of an operation: what was seen, the verdict, and the screenshot's hash. */
export interface SharedCapture {
  id: string;
  url: string;
  finalUrl: string | null;
  title: string | null;
  capturedAt: string;
  verdict: string | null;
  scamProbability: number | null;
  /** SHA-256 of the screenshot PNG in the blob store (null: no screenshot). */
  screenshotSha256: string | null;
}

/** One step of the evidence chain: a report joined to the operation through the values it shares. */
export interface EvidenceLink {
  /** Report ids (or `capture:<id>` for a crawled page). */
  from: string;
  to: string;
  shared: Array<{ kind: string; value: string; weight: number; reportCount: number }>;
  /** The link rests on weak evidence that adds up (company names, a typo of a number). */
  weak: boolean;
}

/**
 * An operation as every export sees it (STIX, MISP, feeds, the dossier). It carries no victim's
 * personal data: victims are in `DossierVictim`, which only the referral package reads.
 */
export interface SharedOperation {
  id: string;
  tlp: Tlp;
  priority: number;
  reportCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
  profile: Profile;
  indicators: SharedIndicator[];
  /** Reports per day, with losses per currency. */
  daily: Array<{ day: string; reports: number; losses: Array<{ currency: string; value: number }> }>;
  geography: Geography;
  captures: SharedCapture[];
}

/** A victim of a case's operations, as the referral package shows them. */
export interface DossierVictim {
  reportId: string;
  externalId: string | null;
  operationId: string;
  reportedAt: string;
  country: string | null;
  ageBand: string | null;
  channel: string | null;
  losses: Array<{ currency: string; value: number }>;
  paymentMethods: string[];
  /** The victim's account in their own words; their name, e-mail and phone blanked out when redacted. */
  narrative: string | null;
  /** Personal data: null when redacted. */
  name: string | null;
  email: string | null;
  phone: string | null;
  consent: { lawEnforcementContact: boolean | null; partnerSharing: boolean | null };
  /** The victim's declaration for this case, when one was taken. */
  declaration: { text: string; consent: string; takenAt: string } | null;
}

/** A case as the referral package shows it. */
export interface DossierCase {
  id: string;
  reference: string;
  title: string;
  status: string;
  tlp: Tlp;
  agency: string | null;
  jurisdictions: string[];
  assignee: string | null;
  createdAt: string;
  summary: string | null;
  events: Array<{ at: string; kind: string; text: string }>;
}

/** Everything a referral package is made from (pure data: the builders do no I/O). */
export interface Dossier {
  case: DossierCase;
  generatedAt: string;
  /** Who it is for, and whether they may see victims' personal data. */
  recipient: { name: string; personalData: boolean };
  operations: SharedOperation[];
  /** The evidence chain per operation: a tree of links joining every report (capped; see `linksTruncated`). */
  evidence: Array<{ operationId: string; links: EvidenceLink[]; linksTruncated: boolean }>;
  victims: DossierVictim[];
}
