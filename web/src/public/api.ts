// The portal's calls to the server. They never carry the workbench's session (credentials: 'omit'):
// a victim's report is anonymous, whoever else uses the browser.

/** Why a call failed, as a code the pages translate (the server's `error`, or ours for the network). */
export class PortalError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    /** For a conflict: the report already stored under this form's key. */
    readonly existingId?: string,
  ) {
    super(code);
  }
}

async function call<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      credentials: 'omit',
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch {
    throw new PortalError('network', 0);
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const e = (body ?? {}) as { error?: string; existingId?: string };
    const code = res.status === 429 ? 'rate_limited' : (e.error ?? 'other');
    throw new PortalError(code, res.status, e.existingId);
  }
  return body as T;
}

/** A file the server keeps as evidence (re-encoded, stored by its hash). */
export interface UploadedFile {
  sha256: string;
  mediaType: string;
  size: number;
  filename: string;
}

/** Sends one file (`POST /api/uploads`, multipart field `file`). */
export function uploadFile(file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return call<UploadedFile>('/api/uploads', { method: 'POST', body: form });
}

/** Sends the report (`POST /api/reports`); the honeypot's value goes along so the server can triage bots. */
export function submitReport(report: unknown, honeypot: string): Promise<{ id: string; status: string }> {
  return call('/api/reports', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'X-Dragnet-Intake': 'portal',
      // Header values must be Latin-1; whatever a bot typed is sent encoded.
      'X-Dragnet-Honeypot': encodeURIComponent(honeypot.slice(0, 200)),
    },
    body: JSON.stringify(report),
  });
}

/** One reading of the query and what Dragnet knows about it (counts only, never victims' data). */
export interface CheckResult {
  kind: string;
  value: string;
  known: boolean;
  reports: number;
  firstSeen: string | null;
  lastSeen: string | null;
  crawledPages: number;
  crawledScam: number;
}

/** `GET /api/check?q=…&country=CC`. */
export function checkValue(
  q: string,
  country: string,
): Promise<{
  query: string;
  interpretations: Array<{ kind: string; value: string }>;
  results: CheckResult[];
}> {
  const params = new URLSearchParams({ q });
  if (country) params.set('country', country);
  return call(`/api/check?${params}`, { method: 'GET' });
}
