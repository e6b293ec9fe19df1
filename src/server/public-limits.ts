import { type CreateRateLimitOptions, normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_PUBLIC_LIMITS, type PublicLimits } from '../core/config.js';
import { DragnetError } from '../core/errors.js';

/** An anonymous caller made more calls than the public endpoints allow; `Retry-After` says when to retry. */
export class RateLimitedError extends DragnetError {
  override readonly status = 429;
  override readonly code = 'rate_limited';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The public endpoints, each with its own per-address allowance. */
export type PublicGroup = 'reports' | 'uploads' | 'checks';

const PER_IP: Record<PublicGroup, keyof PublicLimits> = {
  reports: 'reportsPerIp',
  uploads: 'uploadsPerIp',
  checks: 'checksPerIp',
};
const WHAT: Record<PublicGroup, string> = {
  reports: 'reports sent',
  uploads: 'files uploaded',
  checks: 'checks made',
};
const MINUTE = 60_000;

/** An onRequest hook that refuses an anonymous caller over the limit (429 with Retry-After). */
export type PublicLimitHook = (req: FastifyRequest, reply: FastifyReply) => Promise<void>;

declare module 'fastify' {
  interface FastifyInstance {
    /** The public endpoints' limits by group (see installPublicLimits). */
    publicLimit: Record<PublicGroup, PublicLimitHook>;
  }
}

/** Makes `app.publicLimit.<group>` available to every route: one ceiling shared by all groups. */
export function installPublicLimits(
  app: FastifyInstance,
  limits: PublicLimits = DEFAULT_PUBLIC_LIMITS,
): void {
  app.decorate('publicLimit', publicLimiters(app, limits));
}

/**
 * Builds the onRequest hooks that limit anonymous callers of the public endpoints: per address and per
 * endpoint group, then one ceiling over every anonymous call, all per minute and in this process's memory
 * (each web process counts its own). Callers with a session or the operator token are never limited here.
 * Runs at onRequest, after the principal is known and before a body is read, so a flood costs no parsing.
 * Needs @fastify/rate-limit registered on the root instance.
 */
export function publicLimiters(
  app: FastifyInstance,
  limits: PublicLimits = DEFAULT_PUBLIC_LIMITS,
): Record<PublicGroup, PublicLimitHook> {
  const total = app.createRateLimit({ max: limits.total, timeWindow: MINUTE, keyGenerator: () => 'public' });
  const hook = (group: PublicGroup) => {
    const options: CreateRateLimitOptions & { cache: number } = {
      max: limits[PER_IP[group]],
      timeWindow: MINUTE,
      // An IPv6 address counts by its /64, the block one subscriber gets; IPv4-mapped addresses as IPv4.
      keyGenerator: (req) => `${group}|${normalizeIP(req.ip, 64)}`,
      // Addresses remembered (the least recently seen forgotten first; the plugin's default is 5,000): a
      // flood from many addresses must not push out the count of the one being limited. Honoured by the
      // plugin, though missing from its types.
      cache: 100_000,
    };
    const perIp = app.createRateLimit(options);
    return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
      if (req.principal) return;
      const mine = await perIp(req);
      if (!mine.isAllowed && mine.isExceeded) {
        throw refuse(
          reply,
          mine.ttlInSeconds,
          `too many ${WHAT[group]} from your address in a minute (${limits[PER_IP[group]]} allowed); please wait and try again`,
        );
      }
      const all = await total(req);
      if (!all.isAllowed && all.isExceeded) {
        throw refuse(
          reply,
          all.ttlInSeconds,
          'the service is receiving too many requests right now; please wait a moment and try again',
        );
      }
    };
  };
  return { reports: hook('reports'), uploads: hook('uploads'), checks: hook('checks') };
}

function refuse(reply: FastifyReply, ttlInSeconds: number | undefined, message: string): RateLimitedError {
  const seconds = Math.max(1, ttlInSeconds ?? 60);
  reply.header('retry-after', String(seconds));
  return new RateLimitedError(`${message} (in ${seconds} s)`, seconds);
}
