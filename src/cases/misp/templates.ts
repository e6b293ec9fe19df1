/** A relation of a MISP object template: the attribute types it takes and the category we file it under. */
export interface MispRelation {
  /** The template's type first; others only where MISP would refuse the value as that type. */
  types: readonly string[];
  category: string;
}

/** The MISP object templates an event is made of. */
export type MispTemplateName =
  | 'phone-number'
  | 'domain-ip'
  | 'url'
  | 'bank-account'
  | 'coin-address'
  | 'legal-entity'
  | 'person';

/** The part of a MISP object template this export uses. */
export interface MispTemplate {
  name: string;
  metaCategory: string;
  /** The official template uuid, only where we are sure of it (from misp-objects). */
  uuid?: string;
  relations: Readonly<Record<string, MispRelation>>;
}

/**
 * The MISP object templates (misp-objects) an event uses, with only the relations it fills.
 * `url` and `domain-ip` are the core network templates; the uuids given are theirs in misp-objects. The
 * others' uuids are left out rather than guessed: an object without one still imports, under its name.
 */
export const MISP_TEMPLATES: Readonly<Record<MispTemplateName, MispTemplate>> = {
  'phone-number': {
    name: 'phone-number',
    metaCategory: 'misc',
    relations: { 'phone-number': { types: ['phone-number'], category: 'Financial fraud' } },
  },
  'domain-ip': {
    name: 'domain-ip',
    metaCategory: 'network',
    uuid: '43b3b146-77eb-4931-b4cc-b66c60f28734',
    relations: { domain: { types: ['domain'], category: 'Network activity' } },
  },
  url: {
    name: 'url',
    metaCategory: 'network',
    uuid: '60efb77b-40b5-4c46-871b-ed1ed999fce5',
    relations: { url: { types: ['url'], category: 'Network activity' } },
  },
  'bank-account': {
    name: 'bank-account',
    metaCategory: 'financial',
    relations: {
      iban: { types: ['iban'], category: 'Financial fraud' },
      'account-nr': { types: ['bank-account-nr'], category: 'Financial fraud' },
    },
  },
  'coin-address': {
    name: 'coin-address',
    metaCategory: 'financial',
    relations: {
      // MISP checks a `btc` value's format: addresses of other chains go in as text.
      address: { types: ['btc', 'text'], category: 'Financial fraud' },
      symbol: { types: ['text'], category: 'Financial fraud' },
    },
  },
  'legal-entity': {
    name: 'legal-entity',
    metaCategory: 'misc',
    relations: { name: { types: ['text'], category: 'Attribution' } },
  },
  person: {
    name: 'person',
    metaCategory: 'misc',
    relations: {
      'full-name': { types: ['full-name'], category: 'Person' },
      role: { types: ['text'], category: 'Person' },
    },
  },
};
