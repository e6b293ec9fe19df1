import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appendAudit } from '../audit/log.js';
import type { ServerContext } from './context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Audit name of the route: reads of exports and referrals are audited only when they name one; changes
     * are audited under `METHOD /route` unless they name another, or `false` (anonymous intake is the
     * report store's own record, not the audit log's).
     */
    audit?: string | false;
  }
  interface FastifyRequest {
    /** What the handler adds to its audit row (which operations, how many values, for whom). */
    auditDetail: Record<string, unknown> | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Who acted: the principal's e-mail (`key:<id>` for API keys), else the e-mail tried, else the address. */
function actorOf(request: FastifyRequest): string {
  const p = request.principal;
  if (p) return p.email;
  const email = (request.body as { email?: unknown } | null)?.email;
  return typeof email === 'string' ? email.toLowerCase().slice(0, 320) : `anonymous@${request.ip}`;
}

/**
 * What a route acts on, typed by the resource its first path parameter names: `/api/cases/:id/entries/:entryId`
 * → `case:12`, `/api/referrals/:id/package` → `referral:3`, `/api/operations/:id/marking` → `operation:op-…`.
 */
export function subjectOf(route: string, params: Record<string, string>): string | null {
  const m = /^\/api\/([a-z-]+)\/:([A-Za-z]+)/.exec(route);
  if (!m) return null;
  const value = params[m[2]!];
  return value === undefined ? null : `${m[1]!.replace(/s$/, '')}:${value}`;
}

/**
 * Writes every change, export and referral read to the hash-chained audit log before the answer leaves:
 * who, what (the route), which thing (its path parameters), the status, and a SHA-256 of the body (not the
 * body: declarations and reports hold personal data that an append-only log could never forget).
 * A signed-in caller's refused attempts (403) are audited too; invalid input (400), unknown things (404)
 * and anonymous callers are not.
 */
export function installAudit(app: FastifyInstance, ctx: ServerContext): void {
  app.decorateRequest('auditDetail', null);
  app.addHook('onSend', async (request, reply, payload) => {
    const configured = request.routeOptions.config?.audit;
    if (configured === false) return payload;
    const change = UNSAFE.has(request.method);
    if (!change && typeof configured !== 'string') return payload;
    const status = reply.statusCode;
    if (status === 400 || status === 404 || status === 429) return payload;
    // Anonymous callers are not audited (but a successful sign-in is): a log anybody could append to
    // without credentials would be a way to flood it.
    const signIn = request.routeOptions.url === '/api/session' && request.method === 'POST' && status < 400;
    if (!request.principal && !signIn) return payload;
    const params = (request.params ?? {}) as Record<string, string>;
    const body = request.body;
    try {
      await appendAudit(ctx.store.db, {
        actor: actorOf(request),
        action: typeof configured === 'string' ? configured : `${request.method} ${request.routeOptions.url}`,
        subject: subjectOf(request.routeOptions.url ?? '', params),
        detail: {
          status,
          ...(Object.keys(params).length > 1 ? { params } : {}),
          ...(request.method === 'GET' ? { query: request.query } : {}),
          ...(change && body !== undefined && body !== null && !signIn
            ? { bodySha256: createHash('sha256').update(JSON.stringify(body)).digest('hex') }
            : {}),
          ...(request.auditDetail ?? {}),
        },
      });
    } catch (err) {
      request.log.error({ err }, 'could not write the audit log');
    }
    return payload;
  });
}
