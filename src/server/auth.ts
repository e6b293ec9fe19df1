import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ApiScope, isApiKey, keyHolder } from '../auth/api-keys.js';
import { roleAllows, type UserRole } from '../auth/roles.js';
import { sessionOf } from '../auth/sessions.js';
import { DragnetError } from '../core/errors.js';
import type { Tlp } from '../core/tlp.js';
import type { ServerContext } from './context.js';

/** The request carries no valid credentials for a protected endpoint. */
export class UnauthorizedError extends DragnetError {
  override readonly status = 401;
  override readonly code = 'unauthorized';
}

/** The caller is known but their role does not allow this. */
export class ForbiddenError extends DragnetError {
  override readonly status = 403;
  override readonly code = 'forbidden';
}

/** Who is calling: a signed-in person (session cookie), a partner's API key, or the operator token. */
export interface Principal {
  via: 'session' | 'token' | 'key';
  /** The user's id (sessions); null for the operator token. */
  id: string | null;
  email: string;
  name: string;
  role: UserRole;
  /** Sessions only: the token every change must echo in `X-CSRF-Token`. */
  csrfToken?: string;
  /** The highest TLP this caller may read. */
  tlpCeiling: Tlp;
  /** A partner's API key: only what its scopes name (null: everything the role allows). */
  scopes: ReadonlySet<ApiScope> | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** OpenAPI: the endpoint takes the operator token or a session cookie. */
export const SECURED: Array<Record<string, string[]>> = [{ bearer: [] }, { session: [] }];

/** The session cookie: httpOnly, SameSite=Strict, Secure (browsers accept it on loopback over http too). */
export const SESSION_COOKIE = 'dragnet_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function tokenMatches(given: string, token: string | undefined): boolean {
  if (!token) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Resolves every request's principal before routes run: `Authorization: Bearer <DRAGNET_API_TOKEN>` is the
 * operator (admin), a session cookie is the signed-in person. A change made with a session must carry the
 * session's CSRF token (double submit; the cookie is also SameSite=Strict), or it is refused.
 */
export async function installAuth(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const presented = header.slice(7);
      if (isApiKey(presented)) {
        const k = await keyHolder(ctx.store.db, presented, new Date());
        if (!k) throw new UnauthorizedError('this API key is unknown, revoked or expired');
        const name = `key:${k.id}`;
        request.principal = {
          via: 'key',
          id: null,
          email: name,
          name: k.name,
          role: 'partner',
          tlpCeiling: k.tlpCeiling,
          scopes: k.scopes,
        };
      } else if (tokenMatches(presented, ctx.apiToken)) {
        const onBehalf = request.headers['x-dragnet-user'];
        const name = typeof onBehalf === 'string' && onBehalf.length <= 200 ? onBehalf : 'operator';
        request.principal = {
          via: 'token',
          id: null,
          email: name,
          name,
          role: 'admin',
          tlpCeiling: 'red',
          scopes: null,
        };
      }
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await sessionOf(ctx.store.db, token, new Date());
    if (!session) return;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !tokenMatches(sent, session.csrfToken))
        throw new ForbiddenError('this change lacks the CSRF token of your session: reload the page');
    }
    request.principal = { via: 'session', ...session.user, csrfToken: session.csrfToken, scopes: null };
  });
}

/**
 * A preHandler that lets through callers whose role includes `needed` (401 unknown, 403 not allowed). A
 * partner's API key passes only where `scope` is named and the key holds it, whatever the role.
 */
export function requireRole(needed: UserRole, scope?: ApiScope) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const p = request.principal;
    if (!p) {
      throw new UnauthorizedError(
        'sign in, or send the operator token or an API key as "Authorization: Bearer <token>"',
      );
    }
    if (p.scopes) {
      if (!scope) throw new ForbiddenError('API keys cannot use this endpoint');
      if (!p.scopes.has(scope)) throw new ForbiddenError(`this API key lacks the ${scope} scope`);
      return;
    }
    if (!roleAllows(p.role, needed))
      throw new ForbiddenError(`this needs the ${needed} role; you are ${p.role}`);
  };
}

/** The highest TLP the caller may read (red for the team; a partner's or key's ceiling otherwise). */
export function ceilingOfRequest(request: FastifyRequest): Tlp {
  return request.principal?.tlpCeiling ?? 'clear';
}

/** Who to record as the author of a change: the signed-in person's e-mail, or the token's `X-Dragnet-User`. */
export function actorOf(request: FastifyRequest): string | null {
  const p = request.principal;
  if (!p) return null;
  return p.via === 'token' && p.email === 'operator' ? null : p.email;
}
