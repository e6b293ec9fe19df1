// The shapes of the partner-key API (src/server/routes/sharing.ts, src/auth/api-keys.ts).

/** What a partner's key may be used for (src/auth/api-keys.ts API_SCOPES, which needs node:crypto). */
export const API_SCOPE_LABELS = {
  'operations:read': 'Read shared operations and search',
  'feeds:read': 'Download blocklist feeds',
  'export:read': 'Export STIX and MISP',
  'stix:import': 'Import STIX bundles',
} as const;

/** A scope a key may carry. */
export type ApiScope = keyof typeof API_SCOPE_LABELS;

/** A key as listed (never its secret): GET /api/keys. */
export interface ApiKey {
  id: string;
  name: string;
  scopes: string[];
  tlpCeiling: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** POST /api/keys: the key's full text, shown once, and the key as listed. */
export interface NewApiKey {
  key: string;
  apiKey: ApiKey;
}
