import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tlp } from '../core/tlp.js';
import type { Database } from '../store/schema.js';
import { ceilingOf } from './roles.js';
import type { User } from './users.js';

/** How long a session lasts without signing in again. */
export const SESSION_HOURS = 12;

/** A fresh session: the cookie's token (shown once, stored only as a hash) and its CSRF token. */
export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Opens a session for a user. */
export async function openSession(db: Kysely<Database>, userId: string, now: Date): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db
    .insertInto('sessions')
    .values({ tokenHash: tokenHash(token), userId, csrfToken, createdAt: now, expiresAt })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The user and CSRF token of a live session (unexpired, user enabled), or undefined. */
export async function sessionOf(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<{ user: User & { tlpCeiling: Tlp }; csrfToken: string } | undefined> {
  if (token.length < 20 || token.length > 100) return undefined;
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.tlpCeiling', 's.csrfToken'])
    .where('s.tokenHash', '=', tokenHash(token))
    .where('s.expiresAt', '>', now)
    .where('u.disabledAt', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { csrfToken, tlpCeiling, ...user } = row;
  return { user: { ...user, tlpCeiling: ceilingOf(user.role, tlpCeiling) }, csrfToken };
}

/** Ends a session (sign-out); expired sessions of anybody are swept at the same time. */
export async function closeSession(db: Kysely<Database>, token: string, now: Date): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('tokenHash', '=', tokenHash(token)), eb('expiresAt', '<=', now)]))
    .execute();
}
