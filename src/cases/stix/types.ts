/** Any STIX 2.1 object: its type and id, and properties of its own. */
export interface StixObject {
  type: string;
  id: string;
  [property: string]: unknown;
}

/** A STIX 2.1 bundle: the envelope every export is and every import reads. */
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** The most objects a bundle may hold; a bigger one is refused before anything else is done with it. */
export const MAX_BUNDLE_OBJECTS = 100_000;

/** OpenCTI's extension for its custom observables (phone-number, bank-account, payment-card, …). */
export const OPENCTI_SCO_EXTENSION = 'extension-definition--f93e2c80-4231-4f9a-af8b-95c9bd566a82';

/** The extension that carries a TLP 2.0 level on a marking definition. */
export const TLP_2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** The Incident Core extension (determination, investigation status, …). */
export const INCIDENT_CORE_EXTENSION = 'extension-definition--ef765651-680c-498d-9894-99799f2fa126';

/** OpenCTI's custom observable types: no official schema, declared by OPENCTI_SCO_EXTENSION. */
export const OPENCTI_SCO_TYPES = [
  'phone-number',
  'bank-account',
  'payment-card',
  'cryptocurrency-wallet',
  'text',
] as const;
