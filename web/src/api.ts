// The workbench's one door to the server: JSON over fetch, the session cookie, and the CSRF token that
// every change must carry (the server refuses a cookie-authenticated POST/DELETE without it).

/** An error answer from the API: its stable code and the sentence that says what to fix. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For invalid input: every bad field and what is wrong with it. */
    readonly issues: Array<{ path: string; message: string }> = [],
  ) {
    super(
      issues.length > 0
        ? `${message.replace(/; see issues$/, '')}: ${issues.map((i) => `${i.path || 'value'} ${i.message}`).join('; ')}`
        : message,
    );
  }
}

let csrfToken: string | undefined;

/** Remembers the CSRF token the server handed out with the session. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

// A proxy's or a crashed server's error page is not JSON: its status still makes a clear ApiError.
function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Calls the API; throws ApiError with the server's message on any non-2xx answer. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = parseBody(text);
  if (!res.ok) {
    const e = (data ?? {}) as {
      error?: string;
      message?: string;
      issues?: Array<{ path: string; message: string }>;
    };
    throw new ApiError(
      res.status,
      e.error ?? 'error',
      e.message ?? `${res.status} ${res.statusText}`,
      e.issues,
    );
  }
  return data as T;
}

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The URL of an evidence file (a screenshot, an upload) by its SHA-256. */
export function evidenceUrl(sha256: string): string {
  return `/api/evidence/${sha256}`;
}
