import type { IndicatorKind } from '../core/indicator-kinds.js';
import type { Channel, PaymentMethod } from '../core/report-input.js';

/** Remote-access tools the contract names (DESIGN.md "Extraction output"). */
export const REMOTE_TOOLS = [
  'anydesk',
  'teamviewer',
  'connectwise',
  'quickassist',
  'ultraviewer',
  'logmein',
  'splashtop',
  'rustdesk',
  'supremo',
  'other',
] as const;
export type RemoteTool = (typeof REMOTE_TOOLS)[number];

/** Options of one extraction. */
export interface ExtractOptions {
  /** The victim's ISO 3166-1 alpha-2 country: the default region for phone numbers written nationally. */
  country?: string;
}

/** One indicator found in a report, with where it was found. */
export interface Indicator {
  kind: IndicatorKind;
  /** Normalised through the indicator-kind registry (E.164, lower-case ASCII hostname…). */
  value: string;
  /** As written (masked for cards: a full card number is never kept). */
  raw: string;
  /** Where it came from: 'narrative', 'callbackNumbers/0', 'payments/0/recipient/iban'… */
  field: string;
  /** UTF-16 offsets into that field's text, for highlighting. */
  start?: number;
  end?: number;
  /** A form for people (Unicode hostname, formatted phone). */
  display?: string;
  /** Kind-specific facts: registrableDomain, lineType, ext, chain, tool, common… */
  meta?: Record<string, unknown>;
}

/** Whether the money went to the scammer, was asked for, or came back. */
export type AmountKind = 'paid' | 'asked' | 'refunded' | 'unknown';

/** A sum of money in a report. */
export interface Amount {
  value: number;
  /** ISO 4217 code. */
  currency: string;
  kind: AmountKind;
  raw: string;
  field: string;
  start?: number;
  end?: number;
}

/** A gift card the victim was made to buy. */
export interface GiftCard {
  brand: string;
  value?: number;
  currency?: string;
}

/** Severity of a report for the victim. */
export type Severity = 'low' | 'medium' | 'high' | 'critical';

/** Is this a tech support scam, how sure, and how bad. */
export interface Triage {
  isTechSupportScam: boolean;
  /** In [0, 1]. */
  score: number;
  reasons: string[];
  severity: Severity;
  severityReasons: string[];
}

/** Everything read from one report (DESIGN.md "Extraction output", plus offsets and details). */
export interface Extraction {
  indicators: Indicator[];
  amounts: Amount[];
  /** Per currency: paid minus refunded, never below zero. */
  totalLoss: Array<{ currency: string; value: number }>;
  paymentMethods: PaymentMethod[];
  giftCards: GiftCard[];
  remoteTools: RemoteTool[];
  /** Canonical brand names (brands.json). */
  brands: string[];
  channel: Channel | null;
  /** ISO 639-1 code, or null when the text is too short or in no supported language. */
  language: string | null;
  triage: Triage;
}

/** A span of text some extractor has claimed, so that others (phones) do not read it again. */
export interface Span {
  start: number;
  end: number;
}
