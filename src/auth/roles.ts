import { isTlp, type Tlp } from '../core/tlp.js';

/** What a person may do: admins everything, analysts investigate, partners read shared intelligence. */
export const USER_ROLES = ['admin', 'analyst', 'partner'] as const;

/** A workbench role. */
export type UserRole = (typeof USER_ROLES)[number];

const RANK: Record<UserRole, number> = { partner: 1, analyst: 2, admin: 3 };

/** Whether `role` includes everything `needed` may do. */
export function roleAllows(role: UserRole, needed: UserRole): boolean {
  return RANK[role] >= RANK[needed];
}

/** The highest TLP a person may read: set per person, else by role (partners GREEN, the team RED). */
export function ceilingOf(role: UserRole, stored: string | null): Tlp {
  if (isTlp(stored)) return stored;
  return role === 'partner' ? 'green' : 'red';
}
