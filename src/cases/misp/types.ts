/** A tag as MISP events and attributes carry it (a taxonomy machinetag such as `tlp:amber`). */
export interface MispTag {
  name: string;
}

/** MISP's distribution levels: 0 your organisation, 1 this community, 2 connected, 3 all, 5 inherit the event's. */
export type MispDistribution = '0' | '1' | '2' | '3' | '5';

/** An attribute, standing alone in the event or inside an object (then with its `object_relation`). */
export interface MispAttribute {
  uuid: string;
  type: string;
  category: string;
  value: string;
  to_ids: boolean;
  distribution: MispDistribution;
  comment: string;
  /** Epoch seconds, as a string: MISP keeps the newer copy when an event is imported again. */
  timestamp: string;
  object_relation?: string;
  /** ISO 8601. */
  first_seen?: string;
  last_seen?: string;
  Tag?: MispTag[];
}

/** A reference from the object that holds it to another object of the event. */
export interface MispObjectReference {
  uuid: string;
  timestamp: string;
  object_uuid: string;
  referenced_uuid: string;
  relationship_type: string;
  comment: string;
}

/** An object made from a MISP object template (phone-number, url, legal-entity…). */
export interface MispObject {
  uuid: string;
  name: string;
  'meta-category': string;
  /** Only for templates whose official uuid we know exactly. */
  template_uuid?: string;
  distribution: MispDistribution;
  comment: string;
  timestamp: string;
  first_seen?: string;
  last_seen?: string;
  Attribute: MispAttribute[];
  ObjectReference: MispObjectReference[];
}

/** The event itself. */
export interface MispEvent {
  uuid: string;
  info: string;
  /** YYYY-MM-DD. */
  date: string;
  /** 1 high, 2 medium, 3 low, 4 undefined. */
  threat_level_id: '1' | '2' | '3' | '4';
  /** 0 initial, 1 ongoing, 2 completed. */
  analysis: '0' | '1' | '2';
  distribution: Exclude<MispDistribution, '5'>;
  published: false;
  timestamp: string;
  Orgc: { name: string; uuid: string };
  Tag: MispTag[];
  Attribute: MispAttribute[];
  Object: MispObject[];
}

/** What MISP's "Add event from JSON", `/events/add` and PyMISP's `MISPEvent.from_dict` accept. */
export interface MispEventDocument {
  Event: MispEvent;
}
