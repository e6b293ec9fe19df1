import type { Kysely } from 'kysely';
import { ConflictError, ValidationError } from '../core/errors.js';
import type { Database } from '../store/schema.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';
import { USER_ROLES, type UserRole } from './roles.js';

/** A person who signs in, without the password hash. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/** What `addUser` needs. */
export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  password: string;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

/** Creates a user with an argon2id hash of the password; ConflictError when the e-mail is taken. */
export async function addUser(db: Kysely<Database>, u: NewUser): Promise<User> {
  const email = u.email.trim().toLowerCase();
  const issues = [];
  if (!EMAIL.test(email)) issues.push({ path: 'email', message: 'must be an e-mail address' });
  if (!u.name.trim() || u.name.length > 200)
    issues.push({ path: 'name', message: 'must be 1–200 characters' });
  if (!USER_ROLES.includes(u.role))
    issues.push({ path: 'role', message: `must be one of ${USER_ROLES.join(', ')}` });
  if (u.password.length < MIN_PASSWORD_LENGTH || u.password.length > 1024)
    issues.push({ path: 'password', message: `must be ${MIN_PASSWORD_LENGTH}–1024 characters` });
  if (issues.length > 0) throw new ValidationError('the user is not valid; see issues', issues);
  const passwordHash = await hashPassword(u.password);
  const row = await db
    .insertInto('users')
    .values({ email, name: u.name.trim(), role: u.role, passwordHash })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning(['id', 'email', 'name', 'role'])
    .executeTakeFirst();
  if (!row) throw new ConflictError(`a user with e-mail ${email} exists already`);
  return row;
}

/** An enabled user and their password hash, by e-mail (any case). */
export async function userForSignIn(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'passwordHash'])
    .where('email', '=', email.trim().toLowerCase())
    .where('disabledAt', 'is', null)
    .executeTakeFirst();
}

/** Every user, oldest first. */
export async function listUsers(db: Kysely<Database>): Promise<Array<User & { disabled: boolean }>> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'disabledAt'])
    .orderBy('id')
    .execute();
  return rows.map(({ disabledAt, ...u }) => ({ ...u, disabled: disabledAt !== null }));
}

/** How many users exist. */
export async function countUsers(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
