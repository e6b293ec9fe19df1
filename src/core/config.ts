import path from 'node:path';

/** How many calls an anonymous caller may make to the public endpoints (per minute). */
export interface PublicLimits {
  /** Report submissions (`POST /api/reports` and `/batch`) per IP address. */
  reportsPerIp: number;
  /** Evidence uploads (`POST /api/uploads`) per IP address. */
  uploadsPerIp: number;
  /** Checks of a number or website (`GET /api/check`) per IP address. */
  checksPerIp: number;
  /** Every anonymous call to those endpoints together, from all addresses: the ceiling of a flood. */
  total: number;
}

/** Generous for a frightened person retrying, tight for a script: a few reports, dozens of uploads and checks. */
export const DEFAULT_PUBLIC_LIMITS: PublicLimits = {
  reportsPerIp: 10,
  uploadsPerIp: 40,
  checksPerIp: 60,
  total: 6000,
};

/** Settings read from the environment (the README's configuration table lists each). */
export interface Config {
  /** Directory of the embedded database and the blob store. */
  dataDir: string;
  /** PostgreSQL server URL; when set, the embedded database is not used. */
  databaseUrl: string | undefined;
  port: number;
  host: string;
  logLevel: string;
  publicLimits: PublicLimits;
  /** Which proxies' X-Forwarded-For to believe (false, true, or a comma list of addresses / CIDR ranges). */
  trustProxy: boolean | string;
  /** This installation's name in what it shares (STIX producer identity, MISP organisation). */
  instanceName: string;
}

function positiveInt(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The public endpoints' limits from DRAGNET_PUBLIC_* variables (pure). */
export function publicLimitsFrom(env: NodeJS.ProcessEnv): PublicLimits {
  const d = DEFAULT_PUBLIC_LIMITS;
  return {
    reportsPerIp: positiveInt(env.DRAGNET_PUBLIC_REPORTS_PER_MINUTE, d.reportsPerIp),
    uploadsPerIp: positiveInt(env.DRAGNET_PUBLIC_UPLOADS_PER_MINUTE, d.uploadsPerIp),
    checksPerIp: positiveInt(env.DRAGNET_PUBLIC_CHECKS_PER_MINUTE, d.checksPerIp),
    total: positiveInt(env.DRAGNET_PUBLIC_TOTAL_PER_MINUTE, d.total),
  };
}

function trustProxyFrom(value: string | undefined): boolean | string {
  if (!value || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  return value;
}

/** Reads the configuration from an environment (pure: pass process.env). */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? 8080);
  return {
    dataDir: path.resolve(env.DRAGNET_DATA ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : 8080,
    host: env.HOST ?? '127.0.0.1',
    logLevel: env.LOG_LEVEL ?? 'info',
    publicLimits: publicLimitsFrom(env),
    trustProxy: trustProxyFrom(env.DRAGNET_TRUST_PROXY),
    instanceName: env.DRAGNET_NAME?.trim().slice(0, 200) || 'Dragnet',
  };
}
