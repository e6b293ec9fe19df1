import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { roleAllows, type UserRole } from '../auth/roles.js';
import { sessionOf } from '../auth/sessions.js';
import { DragnetError } from '../core/errors.js';
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

/** Who is calling: a signed-in person (session cookie) or a holder of the operator token. */
export interface Principal {
  via: 'session' | 'token';
  /** The user's id (sessions); null for the operator token. */
  id: string | null;
  email: string;
  name: string;
  role: UserRole;
  /** Sessions only: the token every change must echo in `X-CSRF-Token`. */
  csrfToken?: string;
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
      if (tokenMatches(header.slice(7), ctx.apiToken)) {
        const onBehalf = request.headers['x-dragnet-user'];
        const name = typeof onBehalf === 'string' && onBehalf.length <= 200 ? onBehalf : 'operator';
        request.principal = { via: 'token', id: null, email: name, name, role: 'admin' };
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
    request.principal = { via: 'session', ...session.user, csrfToken: session.csrfToken };
  });
}

/** A preHandler that lets through callers whose role includes `needed` (401 unknown, 403 not allowed). */
export function requireRole(needed: UserRole) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const p = request.principal;
    if (!p) {
      throw new UnauthorizedError(
        'sign in, or send the operator token as "Authorization: Bearer <token>" (DRAGNET_API_TOKEN)',
      );
    }
    if (!roleAllows(p.role, needed))
      throw new ForbiddenError(`this needs the ${needed} role; you are ${p.role}`);
  };
}

/** Who to record as the author of a change: the signed-in person's e-mail, or the token's `X-Dragnet-User`. */
export function actorOf(request: FastifyRequest): string | null {
  const p = request.principal;
  if (!p) return null;
  return p.via === 'token' && p.email === 'operator' ? null : p.email;
}
