import type { Rng } from './rng.js';

// The people and paper of an operation: agents' aliases, shell companies, merchant descriptors, e-mails;
// and the ways victims misspell them.

const AGENT_GIVEN = [
  'Mark',
  'Steve',
  'David',
  'John',
  'Kevin',
  'Daniel',
  'Jason',
  'Alex',
  'Ryan',
  'Peter',
  'Jessica',
  'Emily',
  'Sarah',
  'Michael',
  'Chris',
  'Tom',
  'Nick',
  'Sam',
  'Eric',
  'Brian',
];
const AGENT_FAMILY = [
  'Wilson',
  'Smith',
  'Miller',
  'Brown',
  'Johnson',
  'Parker',
  'Walker',
  'Anderson',
  'Cooper',
  'Martin',
  'Thompson',
  'Edwards',
  'Harris',
  'Lewis',
  'Scott',
];

/** An agent's alias: common Western names, so names overlap across operations (they are weak evidence). */
export function agentName(rng: Rng): string {
  return `${rng.pick(AGENT_GIVEN)} ${rng.pick(AGENT_FAMILY)}`;
}

/** How a victim writes an agent's name: often the first name only. */
export function agentAsWritten(rng: Rng, name: string): string {
  const x = rng.float();
  if (x < 0.45) return name.split(' ')[0]!;
  if (x < 0.5) return name.toUpperCase();
  return name;
}

const CO_PREFIX = [
  'Global',
  'Net',
  'Sys',
  'Quick',
  'Smart',
  'Secure',
  'Tech',
  'Cyber',
  'Prime',
  'Info',
  'Digi',
  'Apex',
  'Blue',
  'Swift',
  'Pro',
  'Omni',
  'Nova',
  'Zen',
  'Vertex',
  'Alpha',
];
const CO_CORE = [
  'Tech',
  'Fix',
  'Soft',
  'Care',
  'Guard',
  'Shield',
  'Support',
  'Solutions',
  'Infotech',
  'Systems',
  'Services',
  'Helpdesk',
  'Network',
  'Assist',
  'Logic',
  'Wave',
  'Point',
];
const CO_SUFFIX = [
  'LLC',
  'Ltd',
  'Inc',
  'Pvt Ltd',
  'Private Limited',
  'Limited',
  'Corp',
  'LLP',
  'Solutions Pvt. Ltd.',
];

/** A shell company's registered name ("Swift Infotech Solutions Pvt Ltd"). */
export function companyName(rng: Rng): string {
  const core = rng.chance(0.5)
    ? `${rng.pick(CO_PREFIX)}${rng.pick(CO_CORE).toLowerCase()}`
    : `${rng.pick(CO_PREFIX)} ${rng.pick(CO_CORE)}`;
  const extra = rng.chance(0.4)
    ? ` ${rng.pick(['IT', 'PC', 'Computer', 'Digital', 'Online'])} ${rng.pick(['Services', 'Solutions', 'Support'])}`
    : '';
  return `${core}${extra} ${rng.pick(CO_SUFFIX)}`;
}

const SUFFIX_SWAPS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/ LLC$/, [' L.L.C.', ' llc', '']],
  [/ Ltd$/, [' Limited', ' Ltd.', ' LTD', '']],
  [/ Inc$/, [' Inc.', ' Incorporated', '']],
  [/ Pvt Ltd$/, [' Pvt. Ltd.', ' Private Limited', ' PVT LTD', '']],
  [/ Private Limited$/, [' Pvt Ltd', ' Pvt. Ltd', '']],
];

/** A company name as a victim writes it: other case, other legal suffix, a typo, a missing space. */
export function companyAsWritten(rng: Rng, name: string): string {
  const x = rng.float();
  if (x < 0.6) return name;
  if (x < 0.75) {
    for (const [re, alts] of SUFFIX_SWAPS) if (re.test(name)) return name.replace(re, rng.pick(alts));
    return name.replace(/ \S+$/, '');
  }
  if (x < 0.83) return name.toLowerCase();
  if (x < 0.9) return name.toUpperCase();
  // A typo: two adjacent letters swapped inside the first word.
  const first = name.indexOf(' ');
  const i = rng.range(1, Math.max(1, (first > 2 ? first : name.length) - 2));
  return `${name.slice(0, i)}${name[i + 1] ?? ''}${name[i] ?? ''}${name.slice(i + 2)}`;
}

/** A card-statement merchant descriptor for a company (at most 22 characters, upper case). */
export function merchantDescriptor(rng: Rng, company: string, facilitator?: string): string {
  const compact = company
    .replace(/\b(LLC|Ltd|Inc|Pvt|Private|Limited|Corp|LLP)\b\.?/gi, '')
    .replace(/[^A-Za-z ]/g, '')
    .trim()
    .toUpperCase();
  const squeezed = compact.replace(/ /g, '').slice(0, 12);
  if (facilitator) return `${facilitator}${squeezed}`.slice(0, 22);
  const x = rng.float();
  if (x < 0.4) return `${compact}`.slice(0, 22).trim();
  if (x < 0.7) return `${squeezed} ${rng.range(800, 899)}${rng.chars('0123456789', 7)}`.slice(0, 22);
  return `${squeezed} ${rng.pick(['LONDON', 'DUBLIN', 'LIMASSOL', 'HONG KONG', 'TALLINN', 'DELAWARE'])}`.slice(
    0,
    22,
  );
}

/** A payment facilitator prefix (Square, PayPal, Stripe-style aggregators put their tag first). */
export function facilitatorPrefix(rng: Rng): string {
  return rng.pick(['SQ *', 'PAYPAL *', 'PP*', 'SP * ', 'TST* ', 'PYMT*']);
}

/** An operation's e-mail: a freemail box with brand words, or a mailbox on one of its domains. */
export function operationEmail(rng: Rng, brandWord: string, ownDomain?: string): string {
  if (ownDomain && rng.chance(0.4))
    return `${rng.pick(['support', 'billing', 'help', 'service', 'refund'])}@${ownDomain}`;
  const box = `${brandWord}${rng.pick(['.support', '.help', 'care', '.billing', 'desk', '.refund'])}${rng.range(1, 999)}`;
  return `${box}@${rng.pick(['gmail.com', 'outlook.com', 'hotmail.com', 'proton.me', 'yahoo.com'])}`;
}

/** A victim's own e-mail: unique per report, never evidence about an operation. */
export function victimEmail(rng: Rng, n: number): string {
  return `${rng.pick(['mary', 'bob', 'jdoe', 'linda', 'gwen', 'hans', 'marie', 'jose', 'k.sato', 'pat'])}${n.toString(36)}@${rng.pick(['gmail.com', 'yahoo.com', 'aol.com', 'orange.fr', 'web.de', 'gmx.de', 'hotmail.es', 'yahoo.co.jp', 'btinternet.com'])}`;
}
