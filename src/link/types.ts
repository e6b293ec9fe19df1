/** One indicator of a report, as the linker sees it: a kind and a normalised value. */
export interface LinkIndicator {
  kind: string;
  value: string;
}

/** A report as the linker sees it. */
export interface LinkReport {
  id: string;
  indicators: LinkIndicator[];
}

/** Why a value does not link: a common value (registry) or an analyst's exclusion. */
export type Suppression = { mode: 'block' | 'inform'; reason: string } | null;

/** How strongly each kind links, and the knobs of clustering. Defaults in `DEFAULT_LINK_POLICY`. */
export interface LinkPolicy {
  /** Base weight of a shared value of this kind: 1 links two reports on its own; less needs company. */
  kindWeight: Record<string, number>;
  /** A value shared by more reports than this share of all reports never links (dedupe's rule). */
  maxShare: number;
  /** ... but the cap is never below this many reports. */
  minCap: number;
  /** Weak values (weight < 1) shared by more reports than this are not paired (they stay as cohesion). */
  weakPairCap: number;
  /** Sum of weights two reports need to be linked. */
  threshold: number;
  /** Components at least this large are checked for bridge- or hub-joined groups. */
  splitMinReports: number;
  /** Louvain resolution (below 1: fewer, larger communities). */
  resolution: number;
  /** Two groups joined by fewer distinct linking values than this stay apart (a classic false merge). */
  minBridgeValues: number;
  /** ... or by this many distinct contact channels (numbers, domains, e-mails): shared infrastructure. */
  minBridgeChannels: number;
  /** ... and only when those values are carried by at least this share of each group's reports. */
  minBridgeShare: number;
  /** Evidence alone holding two established parts of a cluster needs this share of each part's reports. */
  minBridgeSupport: number;
  /** A company name alone joins only groups smaller than this (the same name, two call centres). */
  formedGroupReports: number;
  /** Weight of a victim's one-digit typo of a number (never enough alone). */
  phoneTypoWeight: number;
  seed: number;
}

/** Weights and knobs measured on simulated worlds (README, "Linking"). */
export const DEFAULT_LINK_POLICY: LinkPolicy = {
  kindWeight: {
    phone: 1,
    domain: 1,
    url: 1,
    email: 1,
    crypto_wallet: 1,
    iban: 1,
    bank_account: 1,
    merchant: 1,
    remote_access_id: 1,
    tracking_id: 1,
    asset_hash: 0.7,
    company: 1,
    person: 0.3,
    card_last4: 0,
  },
  maxShare: 0.05,
  minCap: 1000,
  weakPairCap: 200,
  threshold: 1,
  splitMinReports: 12,
  resolution: 0.5,
  minBridgeValues: 2,
  minBridgeChannels: 3,
  minBridgeShare: 0.005,
  minBridgeSupport: 0.05,
  formedGroupReports: 4,
  phoneTypoWeight: 0.5,
  seed: 42,
};
