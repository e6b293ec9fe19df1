import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { generatePassword } from './passwords.js';
import { addUser, countUsers } from './users.js';

/** The demo analyst's sign-in name. */
export const DEMO_ANALYST_EMAIL = 'analyst@dragnet.example';

/**
 * Creates the demo analyst with a fresh random password when nobody can sign in yet; returns the
 * credentials (to show once) or null when users exist already.
 */
export async function ensureDemoAnalyst(
  db: Kysely<Database>,
): Promise<{ email: string; password: string } | null> {
  if ((await countUsers(db)) > 0) return null;
  const password = generatePassword();
  await addUser(db, { email: DEMO_ANALYST_EMAIL, name: 'Demo Analyst', role: 'analyst', password });
  return { email: DEMO_ANALYST_EMAIL, password };
}
