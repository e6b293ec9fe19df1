import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { NotFoundError, ValidationError } from '../core/errors.js';
import { isTlp, type Tlp } from '../core/tlp.js';
import type { Database } from '../store/schema.js';

/** What a partner's key may be used for. */
export const API_SCOPES = ['operations:read', 'feeds:read', 'export:read', 'stix:import'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** A key as listed (never its secret). */
export interface ApiKey {
  id: string;
  name: string;
  scopes: ApiScope[];
  tlpCeiling: Tlp;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** What a request carrying a valid key acts as. */
export interface KeyHolder {
  id: string;
  name: string;
  scopes: ReadonlySet<ApiScope>;
  tlpCeiling: Tlp;
}

const PREFIX = 'dgk_';
const KEY_RE = /^dgk_([0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;
const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Whether a bearer token looks like a partner key (and not the operator token). */
export const isApiKey = (token: string) => token.startsWith(PREFIX);

/** Creates a key; its full text is returned once and only its secret's SHA-256 is stored. */
export async function createApiKey(
  db: Kysely<Database>,
  k: {
    name: string;
    scopes: string[];
    tlpCeiling: string;
    expiresAt?: Date | null;
    createdBy: string | null;
  },
): Promise<{ key: string; apiKey: ApiKey }> {
  const issues = [];
  if (!k.name.trim() || k.name.length > 200)
    issues.push({ path: 'name', message: 'must be 1–200 characters' });
  const bad = k.scopes.filter((s) => !(API_SCOPES as readonly string[]).includes(s));
  if (k.scopes.length === 0 || bad.length > 0)
    issues.push({ path: 'scopes', message: `must be some of ${API_SCOPES.join(', ')}` });
  if (!isTlp(k.tlpCeiling)) issues.push({ path: 'tlpCeiling', message: 'must be a TLP level' });
  if (issues.length > 0) throw new ValidationError('the key is not valid; see issues', issues);
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const row = await db
    .insertInto('apiKeys')
    .values({
      id,
      name: k.name.trim(),
      secretHash: hashOf(secret),
      scopes: [...new Set(k.scopes)].sort(),
      tlpCeiling: k.tlpCeiling,
      createdBy: k.createdBy,
      expiresAt: k.expiresAt ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { key: `${PREFIX}${id}.${secret}`, apiKey: toKey(row) };
}

function toKey(r: {
  id: string;
  name: string;
  scopes: string[];
  tlpCeiling: string;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}): ApiKey {
  const { id, name, createdBy, createdAt, expiresAt, revokedAt, lastUsedAt } = r;
  return {
    id,
    name,
    scopes: r.scopes as ApiScope[],
    tlpCeiling: r.tlpCeiling as Tlp,
    createdBy,
    createdAt,
    expiresAt,
    revokedAt,
    lastUsedAt,
  };
}

/** Every key, newest first. */
export async function listApiKeys(db: Kysely<Database>): Promise<ApiKey[]> {
  const rows = await db
    .selectFrom('apiKeys')
    .select([
      'id',
      'name',
      'scopes',
      'tlpCeiling',
      'createdBy',
      'createdAt',
      'expiresAt',
      'revokedAt',
      'lastUsedAt',
    ])
    .orderBy('createdAt', 'desc')
    .execute();
  return rows.map(toKey);
}

/** Revokes a key at once (its next request is refused). */
export async function revokeApiKey(db: Kysely<Database>, id: string, now: Date): Promise<ApiKey> {
  const row = await db
    .updateTable('apiKeys')
    .set({ revokedAt: now })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new NotFoundError(`no live key ${id}`);
  return toKey(row);
}

/** The holder of a presented key: known, unrevoked, unexpired, secret matching; else undefined. */
export async function keyHolder(
  db: Kysely<Database>,
  presented: string,
  now: Date,
): Promise<KeyHolder | undefined> {
  const m = KEY_RE.exec(presented);
  if (!m) return undefined;
  const row = await db.selectFrom('apiKeys').selectAll().where('id', '=', m[1]!).executeTakeFirst();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return undefined;
  const a = Buffer.from(hashOf(m[2]!));
  const b = Buffer.from(row.secretHash);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return undefined;
  // Written at most once a minute, so a busy feed reader does not write on every request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000)
    await db.updateTable('apiKeys').set({ lastUsedAt: now }).where('id', '=', row.id).execute();
  return {
    id: row.id,
    name: row.name,
    scopes: new Set(row.scopes as ApiScope[]),
    tlpCeiling: row.tlpCeiling as Tlp,
  };
}
