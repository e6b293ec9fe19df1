/** What scoring needs to know about one report of an operation (read from its extraction). */
export interface ReportFacts {
  /** When the scam happened or was reported (epoch ms). */
  time: number;
  victimCountry: string | null;
  ageBand: string | null;
  channel: string | null;
  language: string | null;
  brands: string[];
  paymentMethods: string[];
  remoteTools: string[];
  losses: Array<{ currency: string; value: number }>;
}

/** One indicator of an operation, with how many of its reports carry it and when. */
export interface IndicatorFacts {
  kind: string;
  value: string;
  reportCount: number;
  firstSeen: number;
  lastSeen: number;
}

/** Everything scoring reads about an operation. */
export interface OperationFacts {
  reports: ReportFacts[];
  indicators: IndicatorFacts[];
}
